import type { NewFileResponse, PagefindIndex } from 'pagefind';

/**
 * The site's search index (Pagefind), built while Astro renders the pages rather than by reading
 * them back from disk afterwards: Pagefind's indexer is a separate process, so it works on the
 * machine's second core as pages are rendered, and only the writing of its files follows the
 * build. Only pages marked `data-pagefind-body` (structures, events, resources, glossary terms,
 * the home page) are worth finding: the paginated filter lists repeat them.
 *
 * The integration (in Astro's configuration) and the middleware (bundled with the pages) are
 * separate module instances in the same process: they meet on a global slot.
 */
export const SLOT = Symbol.for('csc.boussole.search-index');

export interface Indexing {
  index: PagefindIndex;
  pending: Promise<NewFileResponse>[];
}

export type WithSlot = typeof globalThis & { [SLOT]?: Indexing };

/** Hands a rendered page to the indexer, if a build is indexing (not in `astro dev`). */
export function indexPage(sourcePath: string, html: string): void {
  const indexing = (globalThis as WithSlot)[SLOT];
  if (!indexing || !html.includes('data-pagefind-body')) return;
  indexing.pending.push(indexing.index.addHTMLFile({ sourcePath, content: html }));
}
