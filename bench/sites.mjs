// The centre website, as residents receive it: transferred size of each page template
// (HTML + CSS + JS, gzip), Lighthouse mobile performance and accessibility on the main pages,
// and the full build time of a site holding 2,000 activities, news items and agenda events.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { createRequire } from 'node:module';
import { ROOT } from '../scripts/lib/paths.mjs';
import { summarise, writeResult } from './lib.mjs';

// Strapi's ES build cannot be imported by Node 20 (directory imports): load its CommonJS one.
const { compileStrapi, createStrapi } = createRequire(import.meta.url)('@strapi/strapi');

const SITE_DIR = path.join(ROOT, 'frontends', 'site');
const DIST = path.join(SITE_DIR, 'dist');
const BASE = '/site/';
const DATABASE = path.join(ROOT, '.tmp', 'bench', 'sites.db');
const BUILD_RUNS = 3;
const LIGHTHOUSE_RUNS = 3;
const ENTRIES = 2000;

async function startCms() {
  spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-plugins.mjs')], { cwd: ROOT, stdio: 'inherit' });
  await compileStrapi({ appDir: ROOT });
  fs.mkdirSync(path.dirname(DATABASE), { recursive: true });
  fs.rmSync(DATABASE, { force: true });
  Object.assign(process.env, {
    DEMO_SEED: 'true',
    // Only the builds measured here run: no background rebuild after each entry created.
    SITES_AUTO_REBUILD: 'false',
    DATABASE_FILENAME: DATABASE,
    LOG_LEVEL: 'warn',
    ENV_PATH: '/dev/null',
  });
  const strapi = await createStrapi({
    appDir: ROOT,
    distDir: path.join(ROOT, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  await strapi.server.mount();
  await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  return { strapi, url: `http://127.0.0.1:${strapi.server.httpServer.address().port}` };
}

function buildSite(cmsUrl) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('npm', ['run', 'build', '--silent'], {
      cwd: SITE_DIR,
      env: { ...process.env, CMS_URL: cmsUrl, SITE_CENTRE: 'demonstration', SITE_BASE: BASE },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('exit', (code) =>
      code === 0 ? resolve((performance.now() - started) / 1000) : reject(new Error(`site build exited with ${code}`)),
    );
  });
}

/** Serves the built site gzip-compressed, as any static host or CDN does. */
async function serve() {
  const server = http.createServer((request, response) => {
    let file = path.join(DIST, decodeURIComponent(new URL(request.url, 'http://x').pathname).slice(BASE.length));
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!file.startsWith(DIST) || !fs.existsSync(file)) return void response.writeHead(404).end();
    const type = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript' }[
      path.extname(file)
    ];
    response.writeHead(200, {
      'content-type': type ?? 'application/octet-stream',
      'content-encoding': 'gzip',
      'cache-control': 'max-age=3600',
    });
    response.end(zlib.gzipSync(fs.readFileSync(file)));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${server.address().port}` };
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

/** The demo's recurring event: its address ends with part of an identifier, found in the build. */
function demoEventPage() {
  const folder = fs
    .readdirSync(path.join(DIST, 'agenda'))
    .find((name) => name.startsWith('atelier-smartphone-pour-les-seniors-'));
  if (!folder) throw new Error('the demo event page is missing from the build');
  return `agenda/${folder}/`;
}

const TEMPLATES = {
  home: '',
  activities: 'activites/',
  activity: 'activites/atelier-numerique/',
  news_list: 'actualites/',
  news_item: 'actualites/assemblee-generale/',
  agenda: 'agenda/',
  event: demoEventPage,
  practical: 'infos-pratiques/',
  legal: 'mentions-legales/',
  search: 'recherche/',
  site_map: 'plan-du-site/',
};

const cms = await startCms();
const figures = {};
try {
  await buildSite(cms.url);
  for (const [name, page] of Object.entries(TEMPLATES)) {
    figures[`${name}_page_kb`] = summarise([transferredKb(typeof page === 'function' ? page() : page)], '<= 40');
  }

  const { server, url } = await serve();
  const chrome = await chromeLauncher.launch({
    chromePath: '/usr/bin/chromium',
    chromeFlags: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    for (const [name, page] of [
      ['home', ''],
      ['activity', 'activites/atelier-numerique/'],
      ['agenda', 'agenda/'],
    ]) {
      const performanceScores = [];
      const accessibilityScores = [];
      for (let run = 0; run < LIGHTHOUSE_RUNS; run += 1) {
        const result = await lighthouse(`${url}${BASE}${page}`, {
          port: chrome.port,
          onlyCategories: ['performance', 'accessibility'],
          logLevel: 'error',
        });
        performanceScores.push(result.lhr.categories.performance.score);
        accessibilityScores.push(result.lhr.categories.accessibility.score);
      }
      figures[`${name}_lighthouse_performance_ratio`] = summarise(performanceScores, '>= 0.95');
      figures[`${name}_lighthouse_accessibility_ratio`] = summarise(accessibilityScores, '>= 1');
    }
  } finally {
    await chrome.kill();
    server.close();
  }

  const centre = await cms.strapi.db.query('plugin::core.centre').findOne({ where: { slug: 'demonstration' } });
  const place = await cms.strapi.db.query('plugin::core.place').findOne({ where: { centre: { id: centre.id } } });
  const paragraph = (text) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];
  const audiences = ['enfance', 'jeunesse', 'familles', 'adultes', 'seniors', 'tous'];
  const publics = ['tous-publics', 'familles', 'jeunes', 'seniors'];
  const dayMs = 86_400_000;
  // About a third of each: 700 activities, 650 news items, 650 events over the coming year.
  console.log(`creating ${ENTRIES} published activities, news items and events…`);
  for (let index = 0; index < ENTRIES; index += 1) {
    const kind = index < 700 ? 'activity' : index < 1350 ? 'news' : 'event';
    if (kind === 'event') {
      const start = new Date(Date.now() + (1 + (index % 360)) * dayMs);
      start.setUTCHours(8 + (index % 10), 0, 0, 0);
      await cms.strapi.documents('plugin::core.event').create({
        data: {
          titre: `Événement numéro ${index}`,
          description: 'Un événement du banc d’essai, pour la recherche.',
          date_debut: start.toISOString(),
          date_fin: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
          recurrence: index % 10 === 0 ? 'FREQ=WEEKLY;COUNT=6' : null,
          publics: [publics[index % publics.length]],
          prix: index % 3 === 0 ? 'Gratuit' : '3 €',
          inscription: 'À l’accueil.',
          lieu: place?.documentId ?? null,
          centre: centre.id,
        },
        status: 'published',
      });
      continue;
    }
    const activity = kind === 'activity';
    await cms.strapi.documents(activity ? 'plugin::site.activity' : 'plugin::site.news-item').create({
      data: activity
        ? {
            title: `Activité numéro ${index}`,
            slug: `activite-${index}`,
            audience: audiences[index % 6],
            centre: centre.id,
            summary: 'Une activité du banc d’essai.',
            description: paragraph('Description détaillée de l’activité, pour la recherche.'),
          }
        : {
            title: `Actualité numéro ${index}`,
            slug: `actualite-${index}`,
            date: `2026-${String((index % 12) + 1).padStart(2, '0')}-15`,
            centre: centre.id,
            summary: 'Une nouvelle du banc d’essai.',
            body: paragraph('Le texte de la nouvelle.'),
          },
      status: 'published',
    });
  }
  const builds = [];
  for (let run = 1; run <= BUILD_RUNS; run += 1) {
    builds.push(await buildSite(cms.url));
    console.log(`build ${run}: ${builds.at(-1).toFixed(1)} s`);
  }
  figures.build_2000_entries_s = summarise(builds, '<= 60');
  // A full page of the agenda (20 events, 33 pages to link to) and the news list, at that size.
  figures.agenda_full_page_kb = summarise([transferredKb('agenda/')], '<= 40');
  figures.news_list_full_page_kb = summarise([transferredKb('actualites/')], '<= 40');
} finally {
  await cms.strapi.destroy();
}
writeResult('sites', BUILD_RUNS, figures);
