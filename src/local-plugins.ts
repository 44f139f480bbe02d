import fs from 'node:fs';
import path from 'node:path';
import { appRoot } from './env/app-root';
import { ConfigError } from './env/read-env';

export interface LocalPlugin {
  /** Strapi plugin name, from `strapi.name` in the plugin's package.json. */
  name: string;
  /** Folder under src/plugins. */
  folder: string;
  /** Path given to Strapi's `resolve`, relative to the app root. */
  resolve: string;
}

/** The plugin every product depends on; it cannot be disabled. */
export const CORE_PLUGIN = 'core';

/**
 * Every folder under src/plugins is a plugin: a folder without a valid manifest is a mistake
 * and is reported, because Strapi itself would skip it without a word.
 */
export function discoverLocalPlugins(root: string = appRoot()): LocalPlugin[] {
  const pluginsDir = path.join(root, 'src', 'plugins');
  return fs
    .readdirSync(pluginsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => {
      const manifestPath = path.join(pluginsDir, entry.name, 'package.json');
      if (!fs.existsSync(manifestPath)) {
        throw new ConfigError(`src/plugins/${entry.name}`, 'has no package.json: every folder there must be a plugin');
      }
      const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as {
        strapi?: { kind?: string; name?: string };
      };
      if (manifest.strapi?.kind !== 'plugin' || !manifest.strapi.name) {
        throw new ConfigError(
          `src/plugins/${entry.name}/package.json`,
          'must declare "strapi": { "kind": "plugin", "name": ... }',
        );
      }
      return { name: manifest.strapi.name, folder: entry.name, resolve: `./src/plugins/${entry.name}` };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The local plugins this install runs: all of them but the ones listed in PLUGINS_DISABLED. */
export function enabledLocalPlugins(disabled: readonly string[], root?: string): LocalPlugin[] {
  const all = discoverLocalPlugins(root);
  const unknown = disabled.filter((name) => !all.some((plugin) => plugin.name === name));
  if (unknown.length > 0) {
    throw new ConfigError(
      'PLUGINS_DISABLED',
      `unknown plugin ${unknown.join(', ')} (known: ${all.map((p) => p.name).join(', ')})`,
    );
  }
  if (disabled.includes(CORE_PLUGIN)) {
    throw new ConfigError('PLUGINS_DISABLED', `"${CORE_PLUGIN}" cannot be disabled, every product depends on it`);
  }
  return all.filter((plugin) => !disabled.includes(plugin.name));
}

/**
 * Strapi skips a plugin whose compiled server entry is missing without any error. Stopping the
 * boot here turns that silent gap into a message that says what to run.
 */
export function assertLocalPluginsLoaded(expected: readonly LocalPlugin[], isLoaded: (name: string) => boolean): void {
  const missing = expected.filter((plugin) => !isLoaded(plugin.name));
  if (missing.length > 0) {
    const names = missing.map((plugin) => `src/plugins/${plugin.folder}`).join(', ');
    throw new Error(`Local plugin not loaded: ${names}. Its server is not built: run "npm run build:plugins".`);
  }
}

/**
 * Test-only plugins named by TEST_PLUGINS (folders outside src/plugins, e.g. a core test
 * fixture): the harness mounts them; nothing under src/plugins ships them.
 */
export function testPlugins(folders: readonly string[], root: string = appRoot()): LocalPlugin[] {
  return folders.map((folder) => {
    const absolute = path.resolve(root, folder);
    const manifestPath = path.join(absolute, 'package.json');
    if (!fs.existsSync(manifestPath)) throw new ConfigError('TEST_PLUGINS', `${folder} has no package.json`);
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { strapi?: { kind?: string; name?: string } };
    if (manifest.strapi?.kind !== 'plugin' || !manifest.strapi.name) {
      throw new ConfigError(
        'TEST_PLUGINS',
        `${folder}/package.json must declare "strapi": { "kind": "plugin", "name": ... }`,
      );
    }
    return { name: manifest.strapi.name, folder, resolve: absolute };
  });
}
