// The dictionary's site with 5,000 words: full build time, the bytes a browser fetches for one
// search (the search page, its script and the index, gzip as any static host sends them), and
// how often the intended word is in the top 3 for a set of real misspellings
// (fixtures/dictionnaire-mots.json). DICTIONNAIRE_BENCH_WORDS runs it at a smaller scale.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { ROOT } from '../scripts/lib/paths.mjs';
import { summarise, writeResult } from './lib.mjs';

const require = createRequire(import.meta.url);
// Strapi's ES build cannot be imported by Node 20 (directory imports): load its CommonJS one.
const { compileStrapi, createStrapi } = require('@strapi/strapi');

const SITE_DIR = path.join(ROOT, 'frontends', 'dictionnaire');
const DIST = path.join(SITE_DIR, 'dist');
const BASE = '/dictionnaire/';
const DATABASE = path.join(ROOT, '.tmp', 'bench', 'dictionnaire.db');
const WORDS = Number(process.env.DICTIONNAIRE_BENCH_WORDS || 5000);
const BUILD_RUNS = Number(process.env.DICTIONNAIRE_BENCH_BUILDS || 2);
/** DICTIONNAIRE_BENCH_REUSE=1 keeps the words of the previous run (only the builds are measured again). */
const REUSE = process.env.DICTIONNAIRE_BENCH_REUSE === '1' && fs.existsSync(DATABASE);
const FIXTURE = JSON.parse(fs.readFileSync(path.join(ROOT, 'bench', 'fixtures', 'dictionnaire-mots.json'), 'utf8'));

/**
 * The fixture's real words, then made-up ones to reach the size: pronounceable French-looking
 * words and two-word terms, so that misspellings compete with close neighbours (seeded, stable).
 */
function vocabulary(total) {
  const syllables =
    'ba be bi bo cha che co cou da de di do fa fe fi fo ga gi go la le li lo lu ma me mi mo na ne ni no pa pe pi po ra re ri ro sa se si so ta te ti to va ve vi vo tion ment eur ette age oir'.split(
      ' ',
    );
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const made = new Set(FIXTURE.words.map((word) => word.term.toLowerCase()));
  const words = FIXTURE.words.map((word) => ({ ...word }));
  while (words.length < total) {
    const one = () =>
      Array.from({ length: 2 + Math.floor(next() * 3) }, () => syllables[Math.floor(next() * syllables.length)]).join(
        '',
      );
    const term = next() < 0.25 ? `${one()} ${one()}` : one();
    if (made.has(term)) continue;
    made.add(term);
    words.push({ term: term[0].toUpperCase() + term.slice(1), variants: next() < 0.3 ? [one()] : [] });
  }
  return words.slice(0, total);
}

function misspellingAccuracy(words) {
  const { rankWords } = require('@csc/plugin-dictionnaire/shared');
  let found = 0;
  const missed = [];
  for (const { typed, intended } of FIXTURE.misspellings) {
    const top = rankWords(typed, words, 3).map((word) => word.term);
    if (top.includes(intended)) found += 1;
    else missed.push(`${typed} → ${top.join(', ') || '(rien)'}`);
  }
  if (missed.length) console.log(`not in the top 3:\n  ${missed.join('\n  ')}`);
  return found / FIXTURE.misspellings.length;
}

async function startCms() {
  spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-plugins.mjs')], { cwd: ROOT, stdio: 'inherit' });
  await compileStrapi({ appDir: ROOT });
  fs.mkdirSync(path.dirname(DATABASE), { recursive: true });
  if (!REUSE) fs.rmSync(DATABASE, { force: true });
  Object.assign(process.env, {
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

async function createWords(strapi, words) {
  const categories = ['internet', 'securite', 'communication', 'materiel', 'demarches', 'reseaux-sociaux', 'autre'];
  for (const [index, entry] of words.entries()) {
    const word = await strapi.documents('plugin::dictionnaire.word').create({
      data: { term: entry.term, variants: entry.variants, category: categories[index % categories.length] },
    });
    const definition = await strapi.documents('plugin::dictionnaire.definition').create({
      data: {
        word: word.documentId,
        text: `${entry.term}, c’est un mot du numérique expliqué par une classe. On s’en sert tous les jours.`,
        example: `J’ai appris ce que veut dire « ${entry.term} ».`,
        is_main: true,
        group_label: 'la classe de CM2 de l’école du banc d’essai',
        group_commune: 'Roubaix',
        group_year: 2026,
      },
    });
    await strapi.documents('plugin::dictionnaire.definition').publish({ documentId: definition.documentId });
    if ((index + 1) % 500 === 0) console.log(`${index + 1} words`);
  }
}

function buildSite(cmsUrl) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('npm', ['run', 'build', '--silent'], {
      cwd: SITE_DIR,
      env: { ...process.env, CMS_URL: cmsUrl, SITE_BASE: BASE },
      stdio: ['ignore', process.env.DICTIONNAIRE_BENCH_VERBOSE ? 'inherit' : 'ignore', 'inherit'],
    });
    child.on('exit', (code) =>
      code === 0 ? resolve((performance.now() - started) / 1000) : reject(new Error(`site build exited with ${code}`)),
    );
  });
}

/** Bytes for one search with JavaScript: the search page, what it loads, and the index. */
function searchBytes() {
  const html = fs.readFileSync(path.join(DIST, 'recherche', 'index.html'));
  const files = [html];
  for (const [, src] of html.toString().matchAll(/<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"/g)) {
    const file = path.join(DIST, src.replace(BASE, ''));
    if (fs.existsSync(file)) files.push(fs.readFileSync(file));
  }
  files.push(fs.readFileSync(path.join(DIST, 'index.json')));
  const kb = (sizes) => sizes.reduce((sum, size) => sum + size, 0) / 1024;
  return {
    gzip: kb(files.map((file) => zlib.gzipSync(file).length)),
    raw: kb(files.map((file) => file.length)),
    index_gzip: zlib.gzipSync(files.at(-1)).length / 1024,
  };
}

const words = vocabulary(WORDS);
const figures = {};
figures.misspellings_top3_ratio = summarise([misspellingAccuracy(vocabulary(5000))], '>= 0.9');
figures.misspellings_count = FIXTURE.misspellings.length;
figures.words = WORDS;
const cms = await startCms();
try {
  if (!REUSE) {
    console.log(`creating ${WORDS} words with a published definition…`);
    await createWords(cms.strapi, words);
  }
  const builds = [];
  for (let run = 1; run <= BUILD_RUNS; run += 1) {
    builds.push(await buildSite(cms.url));
    console.log(`build ${run}: ${builds.at(-1).toFixed(1)} s`);
  }
  figures.build_s = summarise(builds, '<= 60');
  const bytes = searchBytes();
  figures.one_search_gzip_kb = summarise([bytes.gzip], '<= 150');
  figures.one_search_raw_kb = summarise([bytes.raw], 'informative: without compression');
  figures.index_gzip_kb = summarise([bytes.index_gzip], 'informative');
} finally {
  await cms.strapi.destroy();
}
writeResult('dictionnaire', BUILD_RUNS, figures);
