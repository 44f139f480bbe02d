/**
 * How the dictionary recognises a word however it is typed: case, accents, plural, small typos.
 * Pure and dependency-free, so the server (merging requests, search) and a static site's
 * client-side search rank words the same way.
 */

/** Lower case, no accents, ligatures spelt out, anything but letters and digits as one space. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** French plurals of the words people type: « mots » → « mot », « réseaux » → « reseau ». */
export function singular(token: string): string {
  if (token.length <= 3 || /\d/.test(token)) return token;
  if (token.endsWith('ss')) return token;
  if (token.endsWith('s') || token.endsWith('x')) return token.slice(0, -1);
  return token;
}

/** Articles people put before the word they ask about: « le cloud », « un cookie ». */
const LEADING_ARTICLES = new Set(['le', 'la', 'les', 'l', 'un', 'une', 'des', 'du']);

/**
 * The key requests are merged on and words are found by: « Mots de passe » → « mot de passe »,
 * « le Cloud ? » → « cloud ».
 */
export function wordKey(text: string): string {
  const tokens = foldText(text).split(' ').filter(Boolean);
  while (tokens.length > 1 && LEADING_ARTICLES.has(tokens[0])) tokens.shift();
  return tokens.map(singular).join(' ');
}

/** The key without spaces: « wi fi », « wifi » and « Wi-Fi » are one word. */
export function compactKey(text: string): string {
  return wordKey(text).replace(/ /g, '');
}

/**
 * A rough sound skeleton of a compact key, for misspellings by ear: doubled letters once,
 * ph → f, y → i, qu/c/k alike before a, o, u, a silent final e dropped.
 */
export function soundKey(compact: string): string {
  return compact
    .replace(/ph/g, 'f')
    .replace(/y/g, 'i')
    .replace(/qu/g, 'k')
    .replace(/c(?=[aou]|$)/g, 'k')
    .replace(/(.)\1+/g, '$1')
    .replace(/(.{3,})e$/, '$1');
}

/**
 * Edit distance with adjacent transpositions (« mto » → « mot » costs 1), stopping early once
 * it exceeds `max` (then `max + 1` is returned).
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i += 1) {
    rows.push(new Array<number>(b.length + 1).fill(0));
    rows[i][0] = i;
  }
  for (let j = 0; j <= b.length; j += 1) rows[0][j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, rows[i - 2][j - 2] + 1);
      }
      rows[i][j] = value;
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
  }
  return rows[a.length][b.length];
}

/** Typos tolerated for a word of this many letters: none under 5, one, two from 10. */
export function allowedTypos(length: number): number {
  if (length < 5) return 0;
  return length >= 10 ? 2 : 1;
}

/** Whether two keys made by `wordKey` are the same word, or a small typo apart. */
export function isSameKey(left: string, right: string): boolean {
  const a = left.replace(/ /g, '');
  const b = right.replace(/ /g, '');
  if (!a || !b) return false;
  if (a === b) return true;
  if (!sameNumbers(a, b)) return false;
  const max = allowedTypos(Math.min(a.length, b.length));
  return max > 0 && editDistance(a, b, max) <= max;
}

/** « Windows 10 » and « Windows 11 » are different words, however close their letters. */
function sameNumbers(a: string, b: string): boolean {
  return (a.match(/\d+/g) ?? []).join(' ') === (b.match(/\d+/g) ?? []).join(' ');
}

/**
 * Whether two typed words are the same request: equal once folded and singular, or a small
 * typo apart (« mot de pase » and « MOT DE PASSE »).
 */
export function isSameWord(a: string, b: string): boolean {
  return isSameKey(wordKey(a), wordKey(b));
}

/** What a search ranks: a word with its other spellings. */
export interface SearchableWord {
  term: string;
  variants?: readonly string[];
}

/** Lower is better; `null` when the word does not match at all. */
export function matchScore(query: string, word: SearchableWord): number | null {
  const typed = compactKey(query);
  if (!typed) return null;
  const typedSound = soundKey(typed);
  let best: number | null = null;
  for (const [index, form] of [word.term, ...(word.variants ?? [])].entries()) {
    const key = compactKey(form);
    if (!key) continue;
    // The word itself is slightly preferred over one of its variants.
    const penalty = index === 0 ? 0 : 0.1;
    let score: number | null = null;
    if (key === typed) score = 0;
    else if (soundKey(key) === typedSound) score = 0.5;
    else if (typed.length >= 3 && key.startsWith(typed)) score = 1 + (key.length - typed.length) / 100;
    else {
      const max = sameNumbers(key, typed) ? allowedTypos(Math.min(key.length, typed.length)) : 0;
      const distance =
        max > 0 ? Math.min(editDistance(key, typed, max), editDistance(soundKey(key), typedSound, max)) : max + 1;
      if (distance <= max) score = 1.5 + distance;
      else if (
        typed.length >= 4 &&
        wordKey(form)
          .split(' ')
          .some((token) => token.startsWith(wordKey(query)))
      )
        score = 4;
    }
    if (score !== null && (best === null || score + penalty < best)) best = score + penalty;
  }
  return best;
}

/** The words matching a query, best first (ties in alphabetical order), at most `limit`. */
export function rankWords<Word extends SearchableWord>(query: string, words: readonly Word[], limit = 10): Word[] {
  const scored: { word: Word; score: number; key: string }[] = [];
  for (const word of words) {
    const score = matchScore(query, word);
    if (score !== null) scored.push({ word, score, key: foldText(word.term) });
  }
  scored.sort((a, b) => a.score - b.score || a.key.localeCompare(b.key));
  return scored.slice(0, limit).map((entry) => entry.word);
}
