/**
 * RFC 5545 recurrence rules (RRULE), checked by hand: the agenda passes them through to
 * calendars, so only rules every calendar understands are accepted.
 */
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];

const integerList = (value: string, min: number, max: number, zero = false): boolean =>
  value.split(',').every((part) => {
    if (!/^[+-]?\d{1,3}$/.test(part)) return false;
    const n = Number(part);
    return n >= min && n <= max && (zero || n !== 0);
  });

const CHECKS: Record<string, { valid: (value: string) => boolean; message: string }> = {
  FREQ: {
    valid: (value) => FREQUENCIES.includes(value),
    message: 'FREQ vaut DAILY (chaque jour), WEEKLY (chaque semaine), MONTHLY (chaque mois) ou YEARLY (chaque année).',
  },
  INTERVAL: { valid: (value) => /^[1-9]\d{0,2}$/.test(value), message: 'INTERVAL est un nombre entier de 1 à 999.' },
  COUNT: { valid: (value) => /^[1-9]\d{0,3}$/.test(value), message: 'COUNT est un nombre entier de 1 à 9999.' },
  UNTIL: {
    valid: (value) => /^\d{8}(T\d{6}Z)?$/.test(value) && !Number.isNaN(untilDate(value)?.getTime() ?? NaN),
    message: 'UNTIL est une date AAAAMMJJ, par exemple 20270630, ou AAAAMMJJTHHMMSSZ en temps universel.',
  },
  BYDAY: {
    valid: (value) =>
      value.split(',').every((part) => {
        const match = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(part);
        return Boolean(match && DAYS.includes(match[2]) && (!match[1] || integerList(match[1], -53, 53)));
      }),
    message: 'BYDAY liste des jours MO, TU, WE, TH, FR, SA, SU (éventuellement précédés d’un rang, par exemple 1MO).',
  },
  BYMONTHDAY: {
    valid: (value) => integerList(value, -31, 31),
    message: 'BYMONTHDAY liste des jours du mois de 1 à 31.',
  },
  BYMONTH: { valid: (value) => integerList(value, 1, 12), message: 'BYMONTH liste des mois de 1 à 12.' },
  BYSETPOS: { valid: (value) => integerList(value, -366, 366), message: 'BYSETPOS liste des rangs de 1 à 366.' },
  WKST: { valid: (value) => DAYS.includes(value), message: 'WKST est un jour : MO, TU, WE, TH, FR, SA ou SU.' },
};

/** The end of a rule's UNTIL, as a date (a date-only UNTIL is read as the end of that UTC day). */
export function untilDate(value: string): Date | null {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z)?$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const date = h ? new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s)) : new Date(Date.UTC(+y, +mo - 1, +d, 23, 59, 59));
  if (date.getUTCMonth() !== +mo - 1 || date.getUTCDate() !== +d) return null;
  return date;
}

/** Upper-cases a rule and drops an "RRULE:" prefix pasted from a calendar. */
export function normaliseRrule(value: string): string {
  return value
    .trim()
    .replace(/^RRULE:/i, '')
    .toUpperCase();
}

/** Null when the (normalised) rule is valid; otherwise what to fix, in French. */
export function rruleProblem(rule: string): string | null {
  if (rule === '') return null;
  const seen = new Map<string, string>();
  for (const part of rule.split(';')) {
    const match = /^([A-Z]+)=([A-Z0-9,+-]+)$/.exec(part);
    if (!match) return `« ${part.slice(0, 40)} » n’est pas de la forme CLÉ=VALEUR, par exemple FREQ=WEEKLY;BYDAY=WE.`;
    const [, key, value] = match;
    const check = CHECKS[key];
    if (!check)
      return `${key.slice(0, 20)} n’est pas accepté ici : utilisez FREQ, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS ou WKST.`;
    if (seen.has(key)) return `${key} n’apparaît qu’une fois.`;
    if (!check.valid(value)) return check.message;
    seen.set(key, value);
  }
  if (!seen.has('FREQ')) return 'La règle commence par la fréquence, par exemple FREQ=WEEKLY;BYDAY=WE.';
  if (seen.has('COUNT') && seen.has('UNTIL')) return 'COUNT et UNTIL ne vont pas ensemble : choisissez l’un des deux.';
  return null;
}
