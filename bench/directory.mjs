// The shared directory under load, on SQLite: 10,000 structures, 20,000 services and 20,000
// events. 50 connections ask the public structure list for a thématique, a commune and a text
// query; the same rows through Strapi's stock REST collection endpoint (bench/fixtures/stock-rest)
// are the reference, measured in the same run. Then a full data·inclusion export is timed.
//   BENCH_RUNS (default 3), BENCH_SECONDS (default 10 per measure), BENCH_SCALE (default 1).
import { fork, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import autocannon from 'autocannon';
import { ROOT } from '../scripts/lib/paths.mjs';
import { summarise, writeResult } from './lib.mjs';

const require = createRequire(import.meta.url);
// Strapi's ES module build does not load under plain Node; its CommonJS build does.
const { compileStrapi } = require('@strapi/strapi');

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
// BENCH_SCALE below 1 makes a smaller territory, to try the benchmark out quickly.
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const COUNTS = Object.fromEntries(
  Object.entries({ structures: 10000, services: 20000, events: 20000, places: 500 }).map(([name, count]) => [
    name,
    Math.max(10, Math.round(count * SCALE)),
  ]),
);
const CONNECTIONS = 50;
const WORK = path.join(ROOT, '.tmp', 'bench', 'directory');

const FILTERS = { thematique: 'famille--garde-denfants', commune: 'Roubaix', q: 'parents' };
const OURS = `/api/core/directory/structures?${new URLSearchParams(FILTERS)}`;
// The same question in Strapi's query language: list value, commune (case ignored), name or description.
const STOCK =
  '/api/stock-rest/structures?' +
  new URLSearchParams({
    'filters[thematiques][$contains]': `"${FILTERS.thematique}"`,
    'filters[commune][$eqi]': FILTERS.commune,
    'filters[$or][0][nom][$containsi]': FILTERS.q,
    'filters[$or][1][description][$containsi]': FILTERS.q,
    'populate[centre][fields][0]': 'name',
    'populate[centre][fields][1]': 'slug',
    'sort[0]': 'nom:asc',
    'pagination[pageSize]': '25',
  });

function startServer(databaseFile) {
  const child = fork(path.join(ROOT, 'bench', 'directory-server.cjs'), [], {
    env: {
      ...process.env,
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: databaseFile,
      DATABASE_URL: '',
      TEST_PLUGINS: 'bench/fixtures/stock-rest',
      GEOCODING_ENABLED: 'false',
      SITES_AUTO_REBUILD: 'false',
      LOG_LEVEL: 'error',
      ENV_PATH: '/dev/null',
    },
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
 * Requests per second (answered 200s) and the 95th percentile of latency. The directory's own
 * list must answer every request; the reference may time out under this load, and its figures
 * then count only what it answered.
 */
async function load(url, seconds, { strict = true } = {}) {
  const latencies = [];
  const instance = autocannon({ url, connections: CONNECTIONS, duration: seconds });
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await instance;
  if (strict && (result.errors || result.timeouts || result.non2xx)) {
    throw new Error(`${url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`);
  }
  latencies.sort((a, b) => a - b);
  return {
    perSecond: result['2xx'] / seconds,
    timeouts: result.timeouts,
    p95: latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.95))],
  };
}

const plugins = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-plugins.mjs')], {
  cwd: ROOT,
  stdio: 'inherit',
});
if (plugins.status !== 0) process.exit(1);
await compileStrapi({ appDir: ROOT });

fs.rmSync(WORK, { recursive: true, force: true });
fs.mkdirSync(WORK, { recursive: true });
const server = await startServer(path.join(WORK, 'directory.db'));
const samples = [];
try {
  const seeded = await server.request('seed', COUNTS);
  console.log(`seeded ${JSON.stringify(COUNTS)} in ${seeded.seconds} s`);

  // Both endpoints answer the same rows, or the comparison means nothing.
  const ours = await (await fetch(server.base + OURS)).json();
  const stock = await (await fetch(server.base + STOCK)).json();
  if (!ours.meta || !stock.meta)
    throw new Error(`unexpected answers: ${JSON.stringify({ ours, stock }).slice(0, 500)}`);
  if (ours.meta.total !== stock.meta.pagination.total || ours.meta.total === 0) {
    throw new Error(`the two endpoints disagree: ${ours.meta.total} and ${stock.meta.pagination.total} rows`);
  }
  console.log(`${ours.meta.total} structures match the filters`);

  for (let run = 1; run <= RUNS; run += 1) {
    await load(server.base + OURS, 2);
    const directory = await load(server.base + OURS, SECONDS);
    await load(server.base + STOCK, 2, { strict: false });
    const reference = await load(server.base + STOCK, SECONDS, { strict: false });
    const exported = await server.request('export');
    samples.push({ directory, reference, exportSeconds: exported.seconds });
    console.log(`run ${run}: ${JSON.stringify(samples.at(-1))}`);
  }
} finally {
  await server.stop();
  fs.rmSync(WORK, { recursive: true, force: true });
}

const figure = (pick, target) => summarise(samples.map(pick), target);
const figures = {
  list_p95_ms: figure((run) => run.directory.p95, '<= 100'),
  list_per_s: figure((run) => run.directory.perSecond, '>= 100'),
  stock_rest_p95_ms: figure((run) => run.reference.p95, 'reference'),
  stock_rest_per_s: figure((run) => run.reference.perSecond, 'reference'),
  stock_rest_timeouts_count: figure((run) => run.reference.timeouts, 'reference'),
  list_vs_stock_rest_ratio: figure((run) => run.directory.perSecond / run.reference.perSecond, '>= 1.0'),
  data_inclusion_export_s: figure((run) => run.exportSeconds, '<= 30'),
};
writeResult('directory', RUNS, figures);
