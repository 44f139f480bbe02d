#!/usr/bin/env node
// Builds every static site under frontends/ that has a `build` script (Astro), in order, from
// a running CMS: CMS_URL (default http://127.0.0.1:1337). Each site says whose site it is with
// one variable: SITE_CENTRE (the centre's slug) by default, or the one its package.json names
// in `csc.requires` (COMPASS_SLUG for a compass; empty for the dictionary, built for the whole
// install). A site whose variable is unset is skipped.
// A site naming `csc.base` reads its base path from that variable instead of SITE_BASE (and
// builds into its own dist/), so that two sites built together never share a path.
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
let built = 0;
for (const site of sites) {
  const { csc = {} } = JSON.parse(fs.readFileSync(path.join(site, 'package.json'), 'utf8'));
  // An empty `requires` (the dictionary, one for the whole install) is always built.
  const requires = csc.requires ?? 'SITE_CENTRE';
  if (requires && !process.env[requires]) {
    console.log(`${path.relative(ROOT, site)} : ignoré, ${requires} n’est pas renseigné.`);
    continue;
  }
  const env = { ...process.env };
  if (csc.base) {
    delete env.SITE_BASE;
    delete env.SITE_OUT_DIR;
    if (process.env[csc.base]) env.SITE_BASE = process.env[csc.base];
  }
  const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: site, stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`Site build failed: ${path.relative(ROOT, site)}`);
    process.exit(result.status ?? 1);
  }
  built += 1;
}
if (sites.length > 0 && built === 0) {
  console.error('Aucun site construit : SITE_CENTRE (site du centre) ou COMPASS_SLUG (boussole) doit être renseigné.');
  process.exit(1);
}
