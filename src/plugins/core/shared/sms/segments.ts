/**
 * How long an SMS is, in the units operators bill: GSM 03.38 septets or UCS-2 code units.
 * Pure functions, shared by the server (cost and refusal), the admin and the sites (a counter
 * under a text field).
 */

/** GSM 03.38 basic character set (the escape code excepted). Lower-case ç is left out on purpose:
 * phones disagree on it, so it is treated as a character that needs UCS-2. */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** The extension table: each character costs an escape septet plus its own. */
const GSM_EXTENSION = '\f^{}\\[~]|€';

const BASIC = new Set(GSM_BASIC);
const EXTENSION = new Set(GSM_EXTENSION);

/** OVH, like most operators, refuses a message longer than this many parts. */
export const MAX_SMS_PARTS = 6;
/** What OVH appends when the STOP clause is on (`noStopClause: false`), leading newline included. */
export const STOP_CLAUSE = '\nSTOP 36111';

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsLength {
  encoding: SmsEncoding;
  /** Septets (GSM-7, extension characters counting two) or UTF-16 code units (UCS-2). */
  units: number;
  parts: number;
  /** Units one part holds at this length: 160/153 (GSM-7), 70/67 (UCS-2). */
  perPart: number;
  /** Units still free in the last part. */
  remaining: number;
  /** The characters that force UCS-2, once each, in order of appearance. */
  unicodeCharacters: string[];
}

export interface SmsCost extends SmsLength {
  /** One credit per part towards France (mainland and overseas). */
  credits: number;
}

/** Septets a character takes in GSM-7, or 0 when it is not in the GSM alphabet. */
function septets(character: string): number {
  if (BASIC.has(character)) return 1;
  if (EXTENSION.has(character)) return 2;
  return 0;
}

/** Whether the whole text fits the GSM 7-bit alphabet (basic and extension tables). */
export function isGsm7(text: string): boolean {
  for (const character of text) if (septets(character) === 0) return false;
  return true;
}

/**
 * Packs units into parts of `size` without splitting an escape sequence (GSM-7) or a surrogate
 * pair (UCS-2) across two parts, as phones do when they reassemble a long message.
 */
function pack(sizes: number[], size: number): { parts: number; last: number } {
  let parts = 1;
  let used = 0;
  for (const unit of sizes) {
    if (used + unit > size) {
      parts += 1;
      used = 0;
    }
    used += unit;
  }
  return { parts, last: used };
}

/** Encoding, length and parts of a message, exactly as the operator will count them. */
export function smsLength(text: string): SmsLength {
  const characters = [...text];
  const unicodeCharacters = [...new Set(characters.filter((character) => septets(character) === 0))];
  const gsm = unicodeCharacters.length === 0;
  const sizes = characters.map((character) => (gsm ? septets(character) : character.length));
  const units = sizes.reduce((sum, size) => sum + size, 0);
  const single = gsm ? 160 : 70;
  const multi = gsm ? 153 : 67;
  if (units <= single) {
    return {
      encoding: gsm ? 'GSM-7' : 'UCS-2',
      units,
      parts: 1,
      perPart: single,
      remaining: single - units,
      unicodeCharacters,
    };
  }
  const { parts, last } = pack(sizes, multi);
  return {
    encoding: gsm ? 'GSM-7' : 'UCS-2',
    units,
    parts,
    perPart: multi,
    remaining: multi - last,
    unicodeCharacters,
  };
}

/** Parts and credits of a message as it will leave, STOP clause included when asked for. */
export function smsCost(text: string, options: { stopClause?: boolean } = {}): SmsCost {
  const length = smsLength(options.stopClause ? `${text}${STOP_CLAUSE}` : text);
  return { ...length, credits: length.parts };
}

/**
 * Null when the message may be sent; otherwise a French sentence for the person typing it.
 * A message longer than {@link MAX_SMS_PARTS} parts is refused rather than cut.
 */
export function smsLengthProblem(text: string, options: { stopClause?: boolean } = {}): string | null {
  if (text.trim() === '') return 'Le message est vide.';
  const cost = smsCost(text, options);
  if (cost.parts <= MAX_SMS_PARTS) return null;
  const limit = MAX_SMS_PARTS * cost.perPart;
  const excess = Math.max(1, cost.units - limit);
  const unicode =
    cost.encoding === 'UCS-2'
      ? ` Certains caractères (${cost.unicodeCharacters.slice(0, 5).join(' ')}) réduisent chaque SMS à 67 caractères : les remplacer allonge la limite.`
      : '';
  return `Ce message ferait ${cost.parts} SMS ; ${MAX_SMS_PARTS} au plus sont permis. Retirez environ ${excess} caractère${excess > 1 ? 's' : ''}.${unicode}`;
}

/** Characters typed every day in French that GSM-7 lacks, and the closest GSM-7 spelling. */
const REPLACEMENTS: Record<string, string> = {
  '’': "'",
  '‘': "'",
  '‚': "'",
  '′': "'",
  '`': "'",
  '´': "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '«': '"',
  '»': '"',
  '″': '"',
  '‹': "'",
  '›': "'",
  '–': '-',
  '—': '-',
  '‐': '-',
  '‑': '-',
  '−': '-',
  '…': '...',
  '•': '-',
  '·': '.',
  '\t': ' ',
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2007': ' ',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u200b': '',
  '\u200c': '',
  '\u200d': '',
  '\u2060': '',
  '\ufeff': '',
  œ: 'oe',
  Œ: 'OE',
  ç: 'c',
  '°': 'o',
  '²': '2',
  '³': '3',
  '×': 'x',
  '÷': '/',
  '½': '1/2',
  '¼': '1/4',
  '¾': '3/4',
};

/**
 * The same message spelled with GSM-7 characters where French allows it (’ → ', « » → ",
 * ê → e, œ → oe, non-breaking spaces → space…), so that it costs 160 characters per SMS instead
 * of 70. Characters with no GSM-7 look-alike (emoji, other scripts) are kept.
 */
export function toGsm7(text: string): string {
  let result = '';
  for (const character of text.normalize('NFC')) {
    if (septets(character) > 0) {
      result += character;
      continue;
    }
    const replacement = REPLACEMENTS[character];
    if (replacement !== undefined) {
      result += replacement;
      continue;
    }
    // ê → e, Â → A, ī → i: drop the accent when the bare letter is GSM-7.
    const bare = character.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    result += bare !== character && bare !== '' && isGsm7(bare) ? bare : character;
  }
  return result;
}
