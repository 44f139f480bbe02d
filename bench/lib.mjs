import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { fileURLToPath } from 'node:url';

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
