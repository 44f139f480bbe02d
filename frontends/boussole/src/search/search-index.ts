import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { SLOT, type WithSlot } from './indexing';

/** Starts the search index before the pages are rendered and writes it once they all are (see ./indexing). */
export function searchIndex(): AstroIntegration {
  return {
    name: 'csc-search-index',
    hooks: {
      'astro:build:start': async () => {
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        (globalThis as WithSlot)[SLOT] = { index, pending: [] };
      },
      'astro:build:done': async ({ dir, logger }) => {
        const indexing = (globalThis as WithSlot)[SLOT];
        if (!indexing) return;
        (globalThis as WithSlot)[SLOT] = undefined;
        const started = performance.now();
        const added = await Promise.all(indexing.pending);
        const indexed = performance.now();
        const failed = added.flatMap((response) => response.errors);
        if (failed.length > 0) throw new Error(`Pagefind could not index pages: ${failed.slice(0, 5).join('; ')}`);
        const written = await indexing.index.writeFiles({
          outputPath: fileURLToPath(new URL('pagefind/', dir)),
        });
        if (written.errors.length > 0)
          throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        await pagefind.close();
        const seconds = (from: number, to: number) => ((to - from) / 1000).toFixed(1);
        logger.info(
          `${added.length} pages indexed (${seconds(started, indexed)} s after the last page), index written in ${seconds(indexed, performance.now())} s`,
        );
      },
    },
  };
}
