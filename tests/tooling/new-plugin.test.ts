import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const SCRIPT = path.join(ROOT, 'scripts', 'new-plugin.mjs');

/** A scratch app root beside the real one, so generated plugins resolve the same packages. */
function scratchRoot(): string {
  const root = fs.mkdtempSync(path.join(ROOT, '.tmp', 'scaffold-'));
  fs.copyFileSync(path.join(ROOT, 'tsconfig.base.json'), path.join(root, 'tsconfig.base.json'));
  fs.mkdirSync(path.join(root, 'src', 'plugins'), { recursive: true });
  // Generated plugins reference core's build, as they do in the real tree.
  fs.symlinkSync(path.join(ROOT, 'src', 'plugins', 'core'), path.join(root, 'src', 'plugins', 'core'));
  fs.symlinkSync(path.join(ROOT, 'tests'), path.join(root, 'tests'));
  return root;
}

function scaffold(root: string, ...args: string[]) {
  return spawnSync(process.execPath, [SCRIPT, ...args, '--root', root], { encoding: 'utf8' });
}

describe('npm run plugin:new', () => {
  let root: string;

  beforeAll(() => {
    fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
    root = scratchRoot();
  });

  afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('creates a plugin that compiles, with every part Strapi loads', () => {
    const result = scaffold(root, 'atelier-velo', 'Atelier vélo');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const dir = path.join(root, 'src', 'plugins', 'atelier-velo');
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    expect(manifest.strapi).toMatchObject({ kind: 'plugin', name: 'atelier-velo', displayName: 'Atelier vélo' });
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'admin/src/translations/fr.json'), 'utf8'))['plugin.name']).toBe(
      'Atelier vélo',
    );
    expect(fs.readFileSync(path.join(dir, 'README.md'), 'utf8')).toContain('# Atelier vélo');

    const server = spawnSync(process.execPath, [TSC, '-b', path.join(dir, 'tsconfig.build.json')], {
      encoding: 'utf8',
    });
    expect(server.stdout + server.stderr).toBe('');
    const admin = spawnSync(process.execPath, [TSC, '-p', path.join(dir, 'tsconfig.json')], { encoding: 'utf8' });
    expect(admin.stdout + admin.stderr).toBe('');

    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const entry = require(path.join(dir, manifest.exports['./strapi-server'].require)).default;
    expect(Object.keys(entry).sort()).toEqual(
      [
        'bootstrap',
        'config',
        'contentTypes',
        'controllers',
        'destroy',
        'policies',
        'register',
        'routes',
        'services',
      ].sort(),
    );
    expect(entry.routes.admin.routes.map((route: { handler: string }) => route.handler)).toEqual(['summary.get']);
    expect(Object.keys(entry.controllers)).toEqual(['summary']);
  });

  it.each([
    [['Pense Bete'], 'lowercase words joined by hyphens'],
    [['core'], 'is taken'],
    [['users-permissions'], 'is taken'],
    [['atelier-velo'], 'already exists'],
    [[], 'Usage:'],
    [['quiz', 'Quiz "pirate"'], 'cannot hold quotes'],
  ])('refuses %j with a clear message', (args, message) => {
    const result = scaffold(root, ...args);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
  });
});
