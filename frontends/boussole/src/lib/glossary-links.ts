/**
 * Glossary terms found in a text from the CMS become links to their page, at their first
 * occurrence on the page only. The text stays text: the result is a list of pieces that the
 * templates print (and so escape), never HTML put together here.
 */
export interface TextPiece {
  text: string;
  /** Path of the glossary term under the site's base, for a piece that is a term. */
  path?: string;
}

interface Term {
  term: string;
  path: string;
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const key = (value: string) => value.toLocaleLowerCase('fr');

/**
 * `link(text, linked)` cuts `text` into pieces; `linked` holds the terms already linked on the
 * page, so that a term is linked once however many descriptions mention it.
 */
export function glossaryLinker(terms: Term[]): (text: string, linked: Set<string>) => TextPiece[] {
  const byKey = new Map(terms.filter((item) => item.term.trim().length > 1).map((item) => [key(item.term), item]));
  if (byKey.size === 0) return (text) => [{ text }];
  // Longest first, so that « congé parental d’éducation » wins over « congé parental ».
  const alternatives = [...byKey.values()]
    .map((item) => item.term)
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return (text, linked) => {
    const pieces: TextPiece[] = [];
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      const term = byKey.get(key(match[0]));
      if (!term || linked.has(term.path)) continue;
      linked.add(term.path);
      if (match.index > last) pieces.push({ text: text.slice(last, match.index) });
      pieces.push({ text: match[0], path: term.path });
      last = match.index + match[0].length;
    }
    if (last < text.length) pieces.push({ text: text.slice(last) });
    return pieces;
  };
}

/** Paragraphs of a plain text: blank lines separate them. */
export function paragraphs(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean);
}
