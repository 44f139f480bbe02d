/**
 * Readability hints for the moderator of a definition written for people far from digital:
 * short sentences, short words, everyday words. Pure: the same numbers in tests and admin.
 */
import { COMMON_WORDS } from './common-words';

export interface ReadabilityReport {
  sentences: number;
  words: number;
  averageSentenceLength: number;
  /** Words of more than `LONG_WORD` letters, as written, once each. */
  longWords: string[];
  /** Words outside the common-word list (and not the defined term), as written, once each. */
  rareWords: string[];
}

export const LONG_WORD = 12;
/** Above this many words per sentence on average, a reader far from reading struggles. */
export const LONG_SENTENCE = 15;

const fold = (word: string) =>
  word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

function wordsOf(text: string): string[] {
  // Elisions (l’, d’, qu’) belong to the next word; hyphenated words count as one.
  return text
    .replace(/\b[a-zA-ZÀ-ÿ]{1,2}['’]/g, ' ')
    .split(/[^A-Za-zÀ-ÖØ-öø-ÿœŒæÆ0-9-]+/)
    .map((word) => word.replace(/^-+|-+$/g, ''))
    .filter((word) => /[A-Za-zÀ-ÿ]/.test(word));
}

function sentencesOf(text: string): string[] {
  return text
    .split(/[.!?…]+(?:\s|$)|\n+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => wordsOf(sentence).length > 0);
}

/** `ignore`: the words of the defined term, which the definition may use however rare. */
export function readability(text: string, ignore: readonly string[] = []): ReadabilityReport {
  const sentences = sentencesOf(text);
  const words = wordsOf(text);
  const ignored = new Set(ignore.flatMap((term) => wordsOf(term)).map(fold));
  const unique = (list: string[]) => [...new Map(list.map((word) => [fold(word), word])).values()];
  const long = unique(words.filter((word) => word.replace(/-/g, '').length > LONG_WORD));
  const rare = unique(
    words.filter((word) => {
      const key = fold(word);
      if (ignored.has(key) || /\d/.test(key)) return false;
      return !COMMON_WORDS.has(key) && !COMMON_WORDS.has(key.replace(/(s|x)$/, ''));
    }),
  );
  return {
    sentences: sentences.length,
    words: words.length,
    averageSentenceLength: sentences.length ? Math.round((words.length / sentences.length) * 10) / 10 : 0,
    longWords: long,
    rareWords: rare,
  };
}
