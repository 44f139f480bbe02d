// The site of a compass (« La Boussole »), as residents receive it and as the CMS builds it:
// the full build time with 10,000 structures, 20,000 services and 20,000 events in the compass,
// and the transferred size of each page template (HTML + CSS + JS, gzip) on that build.
//   BENCH_RUNS (default 1), BENCH_SCALE (default 1: below 1 makes a smaller territory, to try
//   the benchmark out quickly or on a busy machine; the scale is written with the results).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT } from '../scripts/lib/paths.mjs';
import { buildSite, prepareStrapi, startServer, summarise, transferredKb, writeResult } from './lib.mjs';

const Database = createRequire(import.meta.url)('better-sqlite3');

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

await prepareStrapi();

fs.rmSync(WORK, { recursive: true, force: true });
fs.mkdirSync(WORK, { recursive: true });
// The directory benchmark's instance: it seeds a large territory through the query engine.
const server = await startServer({
  commands: 'bench/directory-commands.cjs',
  databaseFile: DATABASE,
  env: { DEMO_SEED: 'true' },
});
const builds = [];
const figures = {};
try {
  const seeded = await server.request('seed', COUNTS);
  console.log(`seeded ${JSON.stringify(COUNTS)} in ${seeded.seconds} s`);
  widenCompass();
  const inCompass = await (
    await fetch(`${server.base}/api/boussole/compasses/${COMPASS}/structures?pageSize=1`)
  ).json();
  const events = await (await fetch(`${server.base}/api/boussole/compasses/${COMPASS}/events?pageSize=1`)).json();
  console.log(`${inCompass.meta.total} structures and ${events.meta.total} events in the compass`);
  for (let run = 1; run <= RUNS; run += 1) {
    fs.rmSync(DIST, { recursive: true, force: true });
    builds.push(
      await buildSite(SITE_DIR, { CMS_URL: server.base, COMPASS_SLUG: COMPASS, SITE_BASE: BASE, SITE_OUT_DIR: DIST }),
    );
    console.log(`build ${run}: ${builds.at(-1).toFixed(1)} s`);
  }
  const pages = fs.readFileSync(path.join(DIST, 'sitemap.xml'), 'utf8').match(/<loc>/g)?.length ?? 0;
  figures.scale_ratio = summarise([SCALE], '1 for the targets to apply');
  figures.compass_structures_count = summarise([inCompass.meta.total], 'reference');
  figures.compass_events_count = summarise([events.meta.total], 'reference');
  figures.pages_count = summarise([pages], 'reference');
  figures.build_s = summarise(builds, '<= 120');
  for (const [name, page] of Object.entries(TEMPLATES)) {
    figures[`${name}_page_kb`] = summarise(
      [transferredKb(DIST, BASE, page())],
      name.startsWith('map') ? '<= 120' : '<= 40',
    );
  }
} finally {
  await server.stop();
}
fs.rmSync(WORK, { recursive: true, force: true });
writeResult('boussole', RUNS, figures);
