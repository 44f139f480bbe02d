#!/usr/bin/env node
// npm run bench -- <name>: runs bench/<name>.mjs, which writes bench/results/<name>.json.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const available = fs
  .readdirSync(here)
  .filter((file) => file.endsWith('.mjs') && !['run.mjs', 'lib.mjs'].includes(file))
  .map((file) => file.replace(/\.mjs$/, ''));
const name = process.argv[2];

if (!name || !available.includes(name)) {
  console.error(`Usage: npm run bench -- <name>   (available: ${available.join(', ')})`);
  process.exit(1);
}
await import(pathToFileURL(path.join(here, `${name}.mjs`)).href);
