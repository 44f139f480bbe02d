#!/usr/bin/env node
// Builds every static site under frontends/ that has a `build` script (Astro), in order.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from './lib/paths.mjs';

const dir = path.join(ROOT, 'frontends');
const sites = fs.existsSync(dir)
  ? fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => path.join(dir, entry.name))
      .filter((site) => {
        const manifest = path.join(site, 'package.json');
        return fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).scripts?.build;
      })
  : [];

if (sites.length === 0) console.log('Aucun site public à construire.');
for (const site of sites) {
  const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: site, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`Site build failed: ${path.relative(ROOT, site)}`);
    process.exit(result.status ?? 1);
  }
}
