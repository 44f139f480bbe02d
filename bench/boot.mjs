// Time from `npm start` to the first 200 on /api/core/health listing every local plugin,
// on an existing SQLite database (the schema is created by one untimed warm-up start).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from '../scripts/build.mjs';
import { ROOT } from '../scripts/lib/paths.mjs';
import { summarise, writeResult } from './lib.mjs';

const RUNS = 5;
const PORT = 1400 + Math.floor(Math.random() * 500);
const DATABASE = path.join(ROOT, '.tmp', 'bench', 'boot.db');

const expectedPlugins = fs
  .readdirSync(path.join(ROOT, 'src', 'plugins'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map(
    (entry) =>
      JSON.parse(fs.readFileSync(path.join(ROOT, 'src', 'plugins', entry.name, 'package.json'), 'utf8')).strapi.name,
  )
  .sort();

async function bootOnce() {
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATABASE_FILENAME: DATABASE,
      LOG_LEVEL: 'warn',
      ENV_PATH: '/dev/null',
    },
    stdio: 'ignore',
    detached: true,
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
      if (performance.now() - started > 120000) throw new Error('no healthy answer within 120 s');
      const health = await fetch(`http://127.0.0.1:${PORT}/api/core/health`)
        .then((response) => (response.ok ? response.json() : undefined))
        .catch(() => undefined);
      if (health) {
        if (JSON.stringify([...health.plugins].sort()) !== JSON.stringify(expectedPlugins)) {
          throw new Error(`loaded ${health.plugins.join(', ')}, expected ${expectedPlugins.join(', ')}`);
        }
        return (performance.now() - started) / 1000;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    process.kill(-child.pid, 'SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
  }
}

build({ ifStale: true });
fs.mkdirSync(path.dirname(DATABASE), { recursive: true });
fs.rmSync(DATABASE, { force: true });
console.log('warm-up (creates the schema)…');
await bootOnce();
const samples = [];
for (let run = 1; run <= RUNS; run += 1) {
  samples.push(await bootOnce());
  console.log(`run ${run}: ${samples.at(-1).toFixed(2)} s`);
}
writeResult('boot', RUNS, { boot_s: summarise(samples, '<= 10') });
