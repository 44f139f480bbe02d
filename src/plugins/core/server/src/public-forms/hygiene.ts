/**
 * Text hygiene for everything visitors type. Every string of a public form, at any depth, is:
 * refused when it holds a lone surrogate (not a character, cannot be stored as UTF-8); then
 * line endings become \n, control characters (except tab and newline), bidirectional overrides
 * ("Trojan source") and byte-order marks are removed, the text is put in Unicode NFC (so "é"
 * typed two ways compares equal) and trimmed.
 *
 * HTML and scripts are left as typed: they are stored as plain text and never interpreted here;
 * whoever displays them must escape them (Astro does for every `{value}`).
 */

// C0 controls but tab (\u0009) and newline (\u000A), DEL, C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069); byte-order mark.
const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\uFEFF]/g;

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isWellFormed = (text: string): boolean => !LONE_SURROGATE.test(text);

export const INVALID_CHARACTER_MESSAGE = 'Ce texte contient un caractère invalide ; retapez-le.';

export function cleanText(value: string): string {
  return value
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(CONTROLS, '')
    .replace(INVISIBLE, '')
    .normalize('NFC')
    .trim();
}

export interface HygieneProblem {
  path: (string | number)[];
  message: string;
}

/** A cleaned copy of a parsed JSON value, and the strings that could not be cleaned. */
export function cleanTexts(value: unknown): { value: unknown; problems: HygieneProblem[] } {
  const problems: HygieneProblem[] = [];
  const walk = (node: unknown, path: (string | number)[]): unknown => {
    if (typeof node === 'string') {
      if (!isWellFormed(node)) {
        problems.push({ path, message: INVALID_CHARACTER_MESSAGE });
        return node;
      }
      return cleanText(node);
    }
    if (Array.isArray(node)) return node.map((item, index) => walk(item, [...path, index]));
    if (node !== null && typeof node === 'object') {
      const copy: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(node)) {
        if (!isWellFormed(key)) {
          problems.push({ path, message: 'Un nom de champ contient un caractère invalide.' });
          continue;
        }
        // zod's strict objects do not report this key; no form ever has it.
        if (key === '__proto__') {
          problems.push({ path: [...path, key], message: 'Ce champ n’est pas attendu.' });
          continue;
        }
        // defineProperty: a "__proto__" key stays a plain key (and is refused by the schema).
        Object.defineProperty(copy, key, {
          value: walk(item, [...path, key]),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return copy;
    }
    return node;
  };
  const cleaned = walk(value, []);
  return { value: cleaned, problems };
}
