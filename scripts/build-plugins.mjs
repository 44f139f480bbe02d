#!/usr/bin/env node
// Builds the server part of every local plugin (and the CMS client) with one incremental
// `tsc -b`: Strapi neither builds local plugins nor says when it skips an unbuilt one.
// The admin part is TypeScript compiled by Strapi's own admin build.
//   --check   only verify that every build is present and newer than its sources (for `start`)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function buildProjects() {
  const pluginsDir = path.join(root, 'src', 'plugins');
  const plugins = fs
    .readdirSync(pluginsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(pluginsDir, entry.name, 'tsconfig.build.json'));
  return [...plugins, path.join(root, 'cms', 'tsconfig.build.json')];
}

function newestFile(dir) {
  if (!fs.existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestFile(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** The folders a project's build reads: a plugin's server and shared code, the client's src. */
function newestSource(dir) {
  return Math.max(...['src', 'server/src', 'shared', 'toolkit'].map((sub) => newestFile(path.join(dir, sub))));
}

/** The compiled file Node loads: a plugin's `./strapi-server` export, the client's `main`. */
function entryFile(dir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  return path.join(dir, manifest.exports?.['./strapi-server']?.require ?? manifest.main);
}

function check() {
  const stale = buildProjects().filter((project) => {
    const dir = path.dirname(project);
    const stamp = path.join(dir, 'dist', '.tsbuildinfo');
    return (
      !fs.existsSync(project) ||
      !fs.existsSync(entryFile(dir)) ||
      !fs.existsSync(stamp) ||
      fs.statSync(stamp).mtimeMs < newestSource(dir)
    );
  });
  if (stale.length > 0) {
    const names = stale.map((project) => path.relative(root, path.dirname(project))).join(', ');
    console.error(`Not built or older than its sources: ${names}. Run "npm run build" first.`);
    process.exit(1);
  }
}

function build() {
  const missing = buildProjects().filter((project) => !fs.existsSync(project));
  if (missing.length > 0) {
    console.error(
      `Missing ${missing.map((p) => path.relative(root, p)).join(', ')}: every plugin needs a tsconfig.build.json (see templates/plugin).`,
    );
    process.exit(1);
  }
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-b', ...buildProjects()], { cwd: root, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

if (process.argv.includes('--check')) check();
else build();
