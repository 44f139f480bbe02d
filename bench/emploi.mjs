// The employment portal on SQLite with 5,000 live offers (plus closed ones and drafts, which the
// public list leaves out): the public offers API under 50 connections, each request with two
// filters (a contract and a commune, varied from request to request), and the employment site
// built from that CMS — its build time and the transferred size of an offer page.
//   BENCH_RUNS (default 3), BENCH_SECONDS (default 10 per measure), BENCH_SCALE (default 1: below
//   1 seeds fewer offers, to try the benchmark out; the scale is written with the results),
//   BENCH_PROFILE_DIR (CPU profiles of the CMS process).
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../scripts/lib/paths.mjs';
import { buildSite, load, prepareStrapi, startServer, summarise, transferredKb, writeResult } from './lib.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const LIVE = Math.max(10, Math.round(5000 * SCALE));
const COUNTS = { live: LIVE, closed: Math.round(LIVE / 10), drafts: Math.round(LIVE / 10) };
const CONTRACTS = ['cdi', 'cdd', 'interim', 'alternance', 'stage', 'cddi', 'pec'];
const SITE_DIR = path.join(ROOT, 'frontends', 'emploi');
const WORK = path.join(ROOT, '.tmp', 'bench', 'emploi');
const DIST = path.join(WORK, 'dist');
const BASE = '/emploi/';

/** Every contract with every commune, the commune as residents type it (case and accents vary). */
function offerPaths(communes) {
  const typed = (commune, index) =>
    index % 2 ? commune.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '') : commune;
  return CONTRACTS.flatMap((contract) =>
    communes.map(
      (commune, index) => `/api/emploi/offers?${new URLSearchParams({ contract, commune: typed(commune, index) })}`,
    ),
  );
}

/** The filters are applied: every offer listed has the contract asked for, in the commune asked for. */
async function checkFilters(base, communes) {
  const answer = await (
    await fetch(`${base}/api/emploi/offers?${new URLSearchParams({ contract: 'cdi', commune: communes[1] })}`)
  ).json();
  const wrong = answer.data?.filter((offer) => offer.contract !== 'cdi' || offer.commune !== communes[1]) ?? [];
  if (!answer.meta?.total || wrong.length)
    throw new Error(`unexpected answer: ${JSON.stringify(answer).slice(0, 500)}`);
}

/** The page of an offer: the folder of the build named after (or ending with) its id. */
function offerPage(id) {
  const search = (folder) => {
    for (const entry of fs.readdirSync(path.join(DIST, folder), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const inner = path.join(folder, entry.name);
      // A page's folder ends with the offer id's first characters (the whole id on a collision).
      const named = entry.name.endsWith(`-${id.slice(0, 8)}`) || entry.name.endsWith(`-${id}`);
      if (named && fs.existsSync(path.join(DIST, inner, 'index.html'))) return inner;
      const found = search(inner);
      if (found) return found;
    }
    return null;
  };
  const page = search('');
  if (!page) throw new Error(`no page for the offer ${id} in the build`);
  return page;
}

/** The site as `npm run build:sites` builds it: its base and whose site it is come from its package.json. */
async function siteFigures(base, centre) {
  const { csc = {} } = JSON.parse(fs.readFileSync(path.join(SITE_DIR, 'package.json'), 'utf8'));
  const env = { CMS_URL: base, SITE_BASE: BASE, SITE_OUT_DIR: DIST, SITE_CENTRE: centre };
  if (csc.base) env[csc.base] = BASE;
  if (csc.requires) env[csc.requires] = centre;
  const builds = [];
  for (let run = 1; run <= RUNS; run += 1) {
    fs.rmSync(DIST, { recursive: true, force: true });
    builds.push(await buildSite(SITE_DIR, env));
    console.log(`build ${run}: ${builds.at(-1).toFixed(1)} s`);
  }
  // A site of one centre (the default, see scripts/build-sites.mjs) shows that centre's offers only.
  const scope = csc.requires === '' ? '' : `&centre=${centre}`;
  const [newest] = (await (await fetch(`${base}/api/emploi/offers?pageSize=1${scope}`)).json()).data;
  return {
    site_build_s: summarise(builds, '<= 60'),
    offer_page_kb: summarise([transferredKb(DIST, BASE, offerPage(newest.id))], '<= 40'),
  };
}

const skipped = (target) => ({
  min: null,
  median: null,
  max: null,
  target,
  skipped: 'frontends/emploi does not exist yet: run `npm run bench -- emploi` again once the site is there',
});

await prepareStrapi();

fs.rmSync(WORK, { recursive: true, force: true });
fs.mkdirSync(WORK, { recursive: true });
const server = await startServer({ commands: 'bench/emploi-commands.cjs', databaseFile: path.join(WORK, 'emploi.db') });
const samples = [];
const figures = { scale_ratio: summarise([SCALE], '1 for the targets to apply') };
try {
  const seeded = await server.request('seed', COUNTS);
  console.log(`seeded ${JSON.stringify(COUNTS)} in ${seeded.seconds} s`);
  const total = (await (await fetch(`${server.base}/api/emploi/offers?pageSize=1`)).json()).meta?.total;
  if (total !== LIVE) throw new Error(`the API lists ${total} offers, ${LIVE} are live`);
  figures.offers_count = summarise([total], 'reference');
  await checkFilters(server.base, seeded.communes);

  const paths = offerPaths(seeded.communes);
  const firstAnswers = [];
  for (let run = 1; run <= RUNS; run += 1) {
    // Every question asked once, one at a time, before the load: the load measures the answers
    // kept in memory (60 s at most), the first pass how long an answer read from the database takes.
    for (const offers of paths) {
      const started = performance.now();
      const response = await fetch(server.base + offers);
      if (!response.ok) throw new Error(`${offers}: ${response.status}`);
      await response.arrayBuffer();
      if (run === 1) firstAnswers.push(performance.now() - started);
    }
    await load(server.base, 2, { paths });
    samples.push(await load(server.base, SECONDS, { paths }));
    console.log(`run ${run}: ${JSON.stringify(samples.at(-1))}`);
  }
  const figure = (pick, target) => summarise(samples.map(pick), target);
  figures.offers_api_uncached_ms = summarise(firstAnswers, 'reference: one request at a time, read from the database');
  figures.offers_api_p95_ms = figure((run) => run.p95, '<= 100');
  figures.offers_api_median_ms = figure((run) => run.median, 'reference');
  figures.offers_api_per_s = figure((run) => run.perSecond, 'reference');

  if (fs.existsSync(path.join(SITE_DIR, 'package.json'))) {
    Object.assign(figures, await siteFigures(server.base, seeded.centres[0]));
  } else {
    console.log('frontends/emploi is missing: the site figures are skipped');
    figures.site_build_s = skipped('<= 60');
    figures.offer_page_kb = skipped('<= 40');
  }
} finally {
  await server.stop();
  fs.rmSync(WORK, { recursive: true, force: true });
}
writeResult('emploi', RUNS, figures);
