import fs from 'node:fs';
import path from 'node:path';
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
