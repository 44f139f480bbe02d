// The site of a compass (« La Boussole »), as residents receive it and as the CMS builds it:
// the full build time with 10,000 structures, 20,000 services and 20,000 events in the compass,
// and the transferred size of each page template (HTML + CSS + JS, gzip) on that build.
//   BENCH_RUNS (default 1), BENCH_SCALE (default 1: below 1 makes a smaller territory, to try
//   the benchmark out quickly or on a busy machine; the scale is written with the results).
import { fork, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { ROOT } from '../scripts/lib/paths.mjs';
import { summarise, writeResult } from './lib.mjs';

const require = createRequire(import.meta.url);
// Strapi's ES module build does not load under plain Node; its CommonJS build does.
const { compileStrapi } = require('@strapi/strapi');
const Database = require('better-sqlite3');

const RUNS = Number(process.env.BENCH_RUNS ?? 1);
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const COUNTS = Object.fromEntries(
  Object.entries({ structures: 10000, services: 20000, events: 20000, places: 500 }).map(([name, count]) => [
    name,
    Math.max(10, Math.round(count * SCALE)),
  ]),
);
const SITE_DIR = path.join(ROOT, 'frontends', 'boussole');
const WORK = path.join(ROOT, '.tmp', 'bench', 'boussole');
const DIST = path.join(WORK, 'dist');
const DATABASE = path.join(WORK, 'boussole.db');
const BASE = '/boussole-parentale/';
const COMPASS = 'boussole-parentale';

/** The directory benchmark's server: it seeds a large territory through the query engine. */
function startServer() {
  const child = fork(path.join(ROOT, 'bench', 'directory-server.cjs'), [], {
    env: {
      ...process.env,
      DEMO_SEED: 'true',
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: DATABASE,
      DATABASE_URL: '',
      GEOCODING_ENABLED: 'false',
      SITES_AUTO_REBUILD: 'false',
      LOG_LEVEL: 'error',
      ENV_PATH: '/dev/null',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the server exited with ${code} before it was ready`)));
    child.on('message', (message) => {
      if (message.type !== 'ready') return;
      resolve({
        base: `http://127.0.0.1:${message.port}`,
        seed(counts) {
          return new Promise((done, fail) => {
            child.on('message', (reply) =>
              reply.type !== 'reply' ? null : reply.error ? fail(new Error(reply.error)) : done(reply),
            );
            child.send({ type: 'seed', id: 1, ...counts });
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
 * The demo compass, widened to the whole generated territory (no commune: the whole directory)
 * with three of the generator's themes.
 */
function widenCompass() {
  const db = new Database(DATABASE);
  try {
    const themes = [
      'famille--garde-denfants',
      'famille--soutien-a-la-parentalite-et-a-leducation',
      'remobilisation--lien-social',
    ];
    const changed = db
      .prepare('update boussole_compasses set themes = ?, communes = ? where slug = ?')
      .run(JSON.stringify(themes), '[]', COMPASS).changes;
    if (changed !== 1) throw new Error(`the demo compass ${COMPASS} is missing`);
  } finally {
    db.close();
  }
}

function buildSite(cmsUrl) {
  fs.rmSync(DIST, { recursive: true, force: true });
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('npm', ['run', 'build', '--silent'], {
      cwd: SITE_DIR,
      env: { ...process.env, CMS_URL: cmsUrl, COMPASS_SLUG: COMPASS, SITE_BASE: BASE, SITE_OUT_DIR: DIST },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('exit', (code) =>
      code === 0 ? resolve((performance.now() - started) / 1000) : reject(new Error(`site build exited with ${code}`)),
    );
  });
}

/** gzip size of a page and of every stylesheet and script it loads at first paint. */
function transferredKb(page) {
  const html = fs.readFileSync(path.join(DIST, page, 'index.html'));
  let bytes = zlib.gzipSync(html).length;
  const assets = [...html.toString().matchAll(/<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"/g)];
  for (const [, href] of assets) {
    const file = path.join(DIST, href.replace(BASE, ''));
    if (fs.existsSync(file)) bytes += zlib.gzipSync(fs.readFileSync(file)).length;
  }
  return bytes / 1024;
}

/** The first page the build wrote in a folder of the site (a structure, an event…). */
function first(folder) {
  const name = fs
    .readdirSync(path.join(DIST, folder), { withFileTypes: true })
    .find((entry) => entry.isDirectory() && entry.name !== 'page')?.name;
  if (!name) throw new Error(`no page under ${folder} in the build`);
  return `${folder}/${name}/`;
}

const TEMPLATES = {
  home: () => '',
  directory: () => 'annuaire/',
  directory_filter: () => 'annuaire/thematique/famille--garde-denfants/',
  structure: () => first('structures'),
  map: () => 'carte/',
  map_commune: () => first('carte'),
  agenda: () => 'agenda/',
  agenda_filter: () => 'agenda/thematique/famille--garde-denfants/',
  event: () => first('agenda'),
  resources: () => 'ressources/',
  resource: () => first('ressources'),
  glossary: () => 'glossaire/',
  glossary_term: () => first('glossaire'),
  site_map: () => 'plan-du-site/',
  search: () => 'recherche/',
};

const plugins = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-plugins.mjs')], {
  cwd: ROOT,
  stdio: 'inherit',
});
if (plugins.status !== 0) process.exit(1);
await compileStrapi({ appDir: ROOT });

fs.rmSync(WORK, { recursive: true, force: true });
fs.mkdirSync(WORK, { recursive: true });
const server = await startServer();
const builds = [];
const figures = {};
try {
  const seeded = await server.seed(COUNTS);
  console.log(`seeded ${JSON.stringify(COUNTS)} in ${seeded.seconds} s`);
  widenCompass();
  const inCompass = await (
    await fetch(`${server.base}/api/boussole/compasses/${COMPASS}/structures?pageSize=1`)
  ).json();
  const events = await (await fetch(`${server.base}/api/boussole/compasses/${COMPASS}/events?pageSize=1`)).json();
  console.log(`${inCompass.meta.total} structures and ${events.meta.total} events in the compass`);
  for (let run = 1; run <= RUNS; run += 1) {
    builds.push(await buildSite(server.base));
    console.log(`build ${run}: ${builds.at(-1).toFixed(1)} s`);
  }
  const pages = fs.readFileSync(path.join(DIST, 'sitemap.xml'), 'utf8').match(/<loc>/g)?.length ?? 0;
  figures.scale_ratio = summarise([SCALE], '1 for the targets to apply');
  figures.compass_structures_count = summarise([inCompass.meta.total], 'reference');
  figures.compass_events_count = summarise([events.meta.total], 'reference');
  figures.pages_count = summarise([pages], 'reference');
  figures.build_s = summarise(builds, '<= 120');
  for (const [name, page] of Object.entries(TEMPLATES)) {
    figures[`${name}_page_kb`] = summarise([transferredKb(page())], name.startsWith('map') ? '<= 120' : '<= 40');
  }
} finally {
  await server.stop();
}
fs.rmSync(WORK, { recursive: true, force: true });
writeResult('boussole', RUNS, figures);
