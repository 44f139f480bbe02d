import crypto from 'node:crypto';
import { fork, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { ROOT } from '../scripts/lib/paths.mjs';

const RESULTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');

export function summarise(samples, target) {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  const round = (value) => Math.round(value * 1000) / 1000;
  return { min: round(sorted[0]), median: round(median), max: round(sorted.at(-1)), target };
}

/** Writes bench/results/<name>.json in the shape every benchmark of the project shares. */
export function writeResult(name, runs, figures) {
  fs.mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, `${name}.json`);
  fs.writeFileSync(file, `${JSON.stringify({ name, runs, figures }, null, 2)}\n`);
  console.log(`${path.relative(process.cwd(), file)}\n${JSON.stringify(figures, null, 2)}`);
}

/** A PostgreSQL server where a benchmark may create and drop databases of its own. */
const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function withServer(run) {
  const client = new pg.Client({ connectionString: SERVER });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A fresh PostgreSQL database named after the benchmark: `{ url, drop() }`. */
export async function createDatabase(bench) {
  const name = `csc_bench_${bench}_${crypto.randomBytes(4).toString('hex')}`;
  await withServer((client) => client.query(`create database ${name}`));
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withServer((client) => client.query(`drop database if exists ${name} with (force)`)),
  };
}

/** Builds the local plugins and compiles the app, as `npm start` would run them. */
export async function prepareStrapi() {
  const plugins = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-plugins.mjs')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (plugins.status !== 0) process.exit(1);
  // Strapi's ES module build does not load under plain Node; its CommonJS build does.
  const { compileStrapi } = createRequire(import.meta.url)('@strapi/strapi');
  await compileStrapi({ appDir: ROOT });
}

/**
 * A Strapi instance on SQLite in a process of its own (bench/server.cjs), driven over IPC through
 * `commands` (a module path relative to the repository, see server.cjs):
 * `{ base, request(type, body), stop() }`.
 */
export function startServer({ commands, databaseFile, env = {} }) {
  const child = fork(path.join(ROOT, 'bench', 'server.cjs'), [], {
    env: {
      ...process.env,
      BENCH_COMMANDS: commands,
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: databaseFile,
      DATABASE_URL: '',
      GEOCODING_ENABLED: 'false',
      SITES_AUTO_REBUILD: 'false',
      LOG_LEVEL: 'error',
      ENV_PATH: '/dev/null',
      ...env,
    },
    execArgv: process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const replies = new Map();
  let sequence = 0;
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the server exited with ${code} before it was ready`)));
    child.on('message', (message) => {
      if (message.type === 'reply') {
        replies.get(message.id)?.(message);
        replies.delete(message.id);
        return;
      }
      if (message.type !== 'ready') return;
      resolve({
        base: `http://127.0.0.1:${message.port}`,
        request(type, body = {}) {
          sequence += 1;
          const id = sequence;
          return new Promise((done, fail) => {
            replies.set(id, (reply) => (reply.error ? fail(new Error(reply.error)) : done(reply)));
            child.send({ type, id, ...body });
          });
        },
        stop() {
          child.removeAllListeners('exit');
          return new Promise((done) => {
            child.once('exit', done);
            child.kill('SIGTERM');
          });
        },
      });
    });
  });
}

/**
 * HTTP load from `connections` keep-alive connections for `seconds`: answered 200s per second,
 * median and 95th percentile of latency (ms). `paths` (optional) gives each request its own path,
 * taken in turn. With `strict`, any error, timeout or non-2xx answer fails the benchmark; without,
 * the figures count only what was answered.
 */
export async function load(url, seconds, { connections = 50, paths, strict = true } = {}) {
  const latencies = [];
  let turn = 0;
  const requests = paths
    ? [
        {
          setupRequest: (request) => {
            turn += 1;
            return { ...request, path: paths[turn % paths.length] };
          },
        },
      ]
    : undefined;
  const instance = autocannon({ url, connections, duration: seconds, requests });
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await instance;
  if (strict && (result.errors || result.timeouts || result.non2xx)) {
    throw new Error(`${url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`);
  }
  latencies.sort((a, b) => a - b);
  const at = (share) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * share))];
  return { perSecond: result['2xx'] / seconds, timeouts: result.timeouts, median: at(0.5), p95: at(0.95) };
}

/** `npm run build` of a static site under `env` (CMS_URL, SITE_BASE…): seconds taken. */
export function buildSite(siteDir, env) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('npm', ['run', 'build', '--silent'], {
      cwd: siteDir,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('exit', (code) =>
      code === 0 ? resolve((performance.now() - started) / 1000) : reject(new Error(`site build exited with ${code}`)),
    );
  });
}

/** gzip size (KB) of a built page (`page`: its folder under `dist`) and of every stylesheet and script it loads at first paint. */
export function transferredKb(dist, base, page) {
  const html = fs.readFileSync(path.join(dist, page, 'index.html'));
  let bytes = zlib.gzipSync(html).length;
  const assets = [...html.toString().matchAll(/<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"/g)];
  for (const [, href] of assets) {
    const file = path.join(dist, href.replace(base, ''));
    if (fs.existsSync(file)) bytes += zlib.gzipSync(fs.readFileSync(file)).length;
  }
  return bytes / 1024;
}
