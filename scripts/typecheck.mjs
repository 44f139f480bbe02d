#!/usr/bin/env node
// Type-checks every TypeScript project of the repository (strict), without emitting.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from './lib/paths.mjs';

const pluginsDir = path.join(ROOT, 'src', 'plugins');
const projects = [
  'tsconfig.json',
  'src/admin/tsconfig.json',
  'tests/tsconfig.json',
  ...fs
    .readdirSync(pluginsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `src/plugins/${entry.name}/tsconfig.json`),
];

const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
let failed = false;
for (const project of projects) {
  const result = spawnSync(process.execPath, [tsc, '-p', project, '--noEmit'], { cwd: ROOT, stdio: 'inherit' });
  console.log(`${result.status === 0 ? '✔' : '✖'} ${project}`);
  failed ||= result.status !== 0;
}
process.exit(failed ? 1 : 0);
