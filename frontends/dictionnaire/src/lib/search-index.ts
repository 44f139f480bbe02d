import { foldText, wordKey } from './normalise';

/**
 * The client-side search index, kept small: one entry per word, `[term, ...variants]`, with the
 * word's slug first only when the CMS did not derive it from the term (a homonym's `-2`).
 */
export type IndexEntry = string[];
export interface SearchIndex {
  /** Each entry: `[term, ...variants]`, or `['=slug', term, ...variants]`. */
  w: IndexEntry[];
}

export interface IndexedWord {
  slug: string;
  term: string;
  variants: string[];
}

/** How the CMS makes a slug from a term (`publication/on-write.ts`). */
export const slugOf = (term: string) => foldText(term).replace(/ /g, '-').slice(0, 100) || 'mot';

export function packIndex(words: readonly IndexedWord[]): SearchIndex {
  return {
    w: words.map(({ slug, term, variants }) =>
      slug === slugOf(term) ? [term, ...variants] : [`=${slug}`, term, ...variants],
    ),
  };
}

export function unpackIndex(index: SearchIndex): IndexedWord[] {
  return index.w.map((entry) => {
    const explicit = entry[0]?.startsWith('=') ? entry[0].slice(1) : null;
    const [term = '', ...variants] = explicit === null ? entry : entry.slice(1);
    return { slug: explicit ?? slugOf(term), term, variants };
  });
}

/** The path of a prebuilt results page: « Mots de passe » → `mot-de-passe`. */
export const resultsKey = (text: string) => wordKey(text).replace(/ /g, '-');
