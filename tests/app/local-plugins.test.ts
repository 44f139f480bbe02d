import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '../../src/env';
import { assertLocalPluginsLoaded, discoverLocalPlugins, enabledLocalPlugins } from '../../src/local-plugins';

function fakeApp(plugins: Record<string, object | null>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'csc-plugins-'));
  for (const [folder, manifest] of Object.entries(plugins)) {
    fs.mkdirSync(path.join(root, 'src', 'plugins', folder), { recursive: true });
    if (manifest) fs.writeFileSync(path.join(root, 'src', 'plugins', folder, 'package.json'), JSON.stringify(manifest));
  }
  return root;
}

const plugin = (name: string) => ({ strapi: { kind: 'plugin', name } });

describe('local plugin discovery', () => {
  it('lists every folder of src/plugins by its Strapi name', () => {
    const root = fakeApp({ core: plugin('core'), 'pense-bete': plugin('pense-bete') });
    expect(discoverLocalPlugins(root)).toEqual([
      { name: 'core', folder: 'core', resolve: './src/plugins/core' },
      { name: 'pense-bete', folder: 'pense-bete', resolve: './src/plugins/pense-bete' },
    ]);
  });

  it('reports a folder that is not a plugin instead of skipping it', () => {
    expect(() => discoverLocalPlugins(fakeApp({ core: plugin('core'), brouillon: null }))).toThrow(
      new ConfigError('src/plugins/brouillon', 'has no package.json: every folder there must be a plugin'),
    );
    expect(() => discoverLocalPlugins(fakeApp({ core: plugin('core'), odd: { name: 'odd' } }))).toThrow(ConfigError);
  });

  it('leaves out the plugins a centre disabled, never core', () => {
    const root = fakeApp({ core: plugin('core'), belo: plugin('belo'), borne: plugin('borne') });
    expect(enabledLocalPlugins(['belo'], root).map((p) => p.name)).toEqual(['borne', 'core']);
    expect(() => enabledLocalPlugins(['core'], root)).toThrow(/cannot be disabled/);
    expect(() => enabledLocalPlugins(['bel0'], root)).toThrow(/unknown plugin bel0/);
  });
});

describe('the boot guard against silently skipped plugins', () => {
  const expected = [
    { name: 'core', folder: 'core', resolve: './src/plugins/core' },
    { name: 'belo', folder: 'belo', resolve: './src/plugins/belo' },
  ];

  it('names the plugin Strapi did not load and says what to run', () => {
    expect(() => assertLocalPluginsLoaded(expected, (name) => name === 'core')).toThrow(
      'Local plugin not loaded: src/plugins/belo. Its server is not built: run "npm run build:plugins".',
    );
  });

  it('passes when every plugin is loaded', () => {
    expect(() => assertLocalPluginsLoaded(expected, () => true)).not.toThrow();
  });
});
