// Whether the app and admin build in dist/ matches its sources, judged from the size and
// modification time of every input file: cheap enough to check before each demo start.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths.mjs';

const STAMP = path.join(ROOT, 'dist', '.build-inputs');
const SKIP = new Set(['node_modules', 'dist', 'tests', '.tmp']);

function walk(dir, out) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else {
      const { size, mtimeMs } = fs.statSync(full);
      out.push(`${path.relative(ROOT, full)}:${size}:${mtimeMs}`);
    }
  }
}

export function inputsFingerprint() {
  const files = [];
  for (const dir of ['config', 'src', 'database']) walk(path.join(ROOT, dir), files);
  for (const file of ['package-lock.json', 'tsconfig.json', 'tsconfig.base.json']) {
    const full = path.join(ROOT, file);
    files.push(`${file}:${fs.existsSync(full) ? fs.statSync(full).mtimeMs : 0}`);
  }
  return crypto.createHash('sha256').update(files.sort().join('\n')).digest('hex');
}

export function buildIsFresh() {
  return (
    fs.existsSync(path.join(ROOT, 'dist', 'build', 'index.html')) &&
    fs.existsSync(STAMP) &&
    fs.readFileSync(STAMP, 'utf8') === inputsFingerprint()
  );
}

export function recordBuild() {
  fs.writeFileSync(STAMP, inputsFingerprint());
}
