import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { compileStrapi } from '@strapi/strapi';

const root = path.resolve(__dirname, '..', '..');

/** Tests never run against a missing or stale build: plugins, then the app, once per run. */
export default async function globalSetup(): Promise<void> {
  const plugins = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-plugins.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (plugins.status !== 0) throw new Error('Building the local plugins failed (see above)');
  await compileStrapi({ appDir: root });
}
