#!/usr/bin/env node
// Everything a production `start` needs: the local plugins' servers, the app and its admin
// panel (which compiles each plugin's admin). The static sites are built from a running CMS,
// with `npm run build:sites`.
//   --if-stale   skip the app and admin build when its inputs have not changed (used by the demo)
import path from 'node:path';
import { buildIsFresh, recordBuild } from './lib/build-stamp.mjs';
import { ROOT, STRAPI_BIN } from './lib/paths.mjs';
import { runNode } from './lib/run.mjs';

export function build({ ifStale = false } = {}) {
  runNode([path.join(ROOT, 'scripts', 'build-plugins.mjs')], { label: 'Compilation des plugins' });
  if (ifStale && buildIsFresh()) {
    console.log('\n✔ Administration déjà construite, sources inchangées');
  } else {
    runNode([STRAPI_BIN, 'build'], { label: 'Construction de l’application et de l’administration' });
    recordBuild();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) build({ ifStale: process.argv.includes('--if-stale') });
