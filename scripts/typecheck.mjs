#!/usr/bin/env node
// Type-checks every TypeScript project of the repository (strict), without emitting.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from './lib/paths.mjs';

/** Each folder of `parent` that has a tsconfig.json: the plugins, and the sites (their scripts and libraries). */
const projectsIn = (parent) =>
  fs
    .readdirSync(path.join(ROOT, parent), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(ROOT, parent, entry.name, 'tsconfig.json')))
    .map((entry) => `${parent}/${entry.name}/tsconfig.json`);

const projects = [
  'tsconfig.json',
  'src/admin/tsconfig.json',
  'tests/tsconfig.json',
  ...projectsIn('src/plugins'),
  ...projectsIn('frontends'),
];

const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
let failed = false;
for (const project of projects) {
  const result = spawnSync(process.execPath, [tsc, '-p', project, '--noEmit'], { cwd: ROOT, stdio: 'inherit' });
  console.log(`${result.status === 0 ? '✔' : '✖'} ${project}`);
  failed ||= result.status !== 0;
}
process.exit(failed ? 1 : 0);
