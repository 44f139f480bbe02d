// The shared directory under load, on SQLite: 10,000 structures, 20,000 services and 20,000
// events. 50 connections ask the public structure list for a thématique, a commune and a text
// query; the same rows through Strapi's stock REST collection endpoint (bench/fixtures/stock-rest)
// are the reference, measured in the same run. Then a full data·inclusion export is timed.
//   BENCH_RUNS (default 3), BENCH_SECONDS (default 10 per measure), BENCH_SCALE (default 1).
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../scripts/lib/paths.mjs';
import { load, prepareStrapi, startServer, summarise, writeResult } from './lib.mjs';

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

await prepareStrapi();

fs.rmSync(WORK, { recursive: true, force: true });
fs.mkdirSync(WORK, { recursive: true });
const server = await startServer({
  commands: 'bench/directory-commands.cjs',
  databaseFile: path.join(WORK, 'directory.db'),
  env: { TEST_PLUGINS: 'bench/fixtures/stock-rest' },
});
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
