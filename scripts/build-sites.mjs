#!/usr/bin/env node
// Builds every static site under frontends/ that has a `build` script (Astro), in order, from
// a running CMS: CMS_URL (default http://127.0.0.1:1337) and SITE_CENTRE (the centre's slug).
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
if (sites.length > 0 && !process.env.SITE_CENTRE) {
  console.error('SITE_CENTRE doit indiquer le centre (son identifiant, par exemple « demonstration »).');
  process.exit(1);
}
// The dictionary is one for the whole install, not a centre's: it keeps a base of its own.
const ownEnv = {
  dictionnaire: { SITE_BASE: process.env.DICTIONNAIRE_BASE || '/dictionnaire/', SITE_OUT_DIR: '' },
};
for (const site of sites) {
  const env = { ...process.env, ...ownEnv[path.basename(site)] };
  const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: site, stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`Site build failed: ${path.relative(ROOT, site)}`);
    process.exit(result.status ?? 1);
  }
}
