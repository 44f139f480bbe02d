#!/usr/bin/env node
// npm run plugin:new -- <name> "<Nom affiché>" [--root <dir>]
// Copies templates/plugin into src/plugins/<name>, ready to build, load and test.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/paths.mjs';

const RESERVED = new Set([
  'core',
  'admin',
  'api',
  'content-manager',
  'content-type-builder',
  'email',
  'i18n',
  'upload',
  'users-permissions',
  'review-workflows',
  'content-releases',
]);
const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

function fail(message) {
  console.error(message);
  process.exit(1);
}

const args = process.argv.slice(2);
const rootFlag = args.indexOf('--root');
const root = rootFlag >= 0 ? path.resolve(args.splice(rootFlag, 2)[1]) : ROOT;
const [name, displayName = name] = args;

if (!name)
  fail('Usage: npm run plugin:new -- <name> "<Nom affiché>"   e.g. npm run plugin:new -- pense-bete "Pense-bête"');
if (!NAME.test(name) || name.length > 40)
  fail(`"${name}": a plugin name is lowercase words joined by hyphens, e.g. pense-bete`);
if (RESERVED.has(name)) fail(`"${name}" is taken by Strapi or by core`);
if (/["\\<>`$]/.test(displayName)) fail('The display name cannot hold quotes, backslashes, <, >, ` or $');

const target = path.join(root, 'src', 'plugins', name);
if (fs.existsSync(target)) fail(`src/plugins/${name} already exists`);

function copy(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const destination = path.join(to, entry.name);
    if (entry.isDirectory()) copy(source, destination);
    else
      fs.writeFileSync(
        destination,
        fs.readFileSync(source, 'utf8').replaceAll('__plugin__', name).replaceAll('__PluginName__', displayName),
      );
  }
}

copy(path.join(ROOT, 'templates', 'plugin'), target);
console.log(`Created src/plugins/${name}. Next:
  npm install          links the new workspace and records it in the lockfile
  npm test             builds it; the suite fails if Strapi does not load it
  npm run demo         shows it in the admin menu`);
