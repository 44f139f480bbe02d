/**
 * An RFC 5545 recurrence rule (`FREQ=WEEKLY;BYDAY=WE`) said in plain French, for residents:
 * « Chaque mercredi, jusqu’au 30 juin 2027 ». Only the rules people write for a centre's
 * agenda are put in words; any other returns null, and the page shows the next date instead.
 */
const DAYS: Record<string, string> = {
  MO: 'lundi',
  TU: 'mardi',
  WE: 'mercredi',
  TH: 'jeudi',
  FR: 'vendredi',
  SA: 'samedi',
  SU: 'dimanche',
};
const WEEKDAY_ORDER = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const RANKS: Record<string, string> = {
  '1': 'premier',
  '2': 'deuxième',
  '3': 'troisième',
  '4': 'quatrième',
  '5': 'cinquième',
  '-1': 'dernier',
  '-2': 'avant-dernier',
};
const UNDERSTOOD = new Set(['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'WKST']);
const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** « lundi », « lundi et jeudi », « lundi, mardi et jeudi ». */
function joined(words: string[]): string {
  return words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} et ${words.at(-1)}`;
}

/** « 30 juin 2027 »: a date-only UNTIL as written, a UTC one on its Paris day. */
function untilLabel(until: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})(T(\d{2})(\d{2})(\d{2})Z)?$/.exec(until);
  if (!match) return null;
  const [, y, m, d, time, h, mi, s] = match;
  const instant = new Date(time ? `${y}-${m}-${d}T${h}:${mi}:${s}Z` : `${y}-${m}-${d}T12:00:00Z`);
  if (Number.isNaN(instant.getTime())) return null;
  const label = new Intl.DateTimeFormat('fr-FR', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: time ? 'Europe/Paris' : 'UTC',
  }).format(instant);
  return label.replace(/^1 /, '1er ');
}

function weekly(days: string[], interval: number): string | null {
  const names = days.map((day) => DAYS[day]);
  if (names.some((name) => !name)) return null;
  if (interval === 1) return `Chaque ${joined(names)}`;
  if (interval === 2 && names.length === 1) return `Un ${names[0]} sur deux`;
  return `Toutes les ${interval} semaines, le ${joined(names)}`;
}

function monthly(rule: Map<string, string>, startDay: number, interval: number): string | null {
  const every = interval === 1 ? 'de chaque mois' : `du mois, tous les ${interval} mois`;
  const byDay = rule.get('BYDAY');
  if (byDay) {
    const parts = byDay.split(',').map((part) => /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(part));
    if (parts.length !== 1 || !parts[0]?.[1]) return null;
    const rank = RANKS[String(Number(parts[0][1]))];
    const day = DAYS[parts[0][2]];
    return rank && day ? `Le ${rank} ${day} ${every}` : null;
  }
  const days = (rule.get('BYMONTHDAY') ?? String(startDay)).split(',').map(Number);
  if (days.some((day) => !(day >= 1 && day <= 31))) return null;
  const labels = days.map((day) => (day === 1 ? '1er' : String(day)));
  return `Le ${joined(labels)} ${every}`;
}

/** `startDay` is the first date's day in Paris, `YYYY-MM-DD`: rules without days repeat it. */
export function describeRecurrence(rule: string | null | undefined, startDay: string): string | null {
  if (!rule) return null;
  const parts = new Map<string, string>();
  for (const part of rule.replace(/^RRULE:/i, '').split(';')) {
    const [key, value] = part.split('=');
    if (!key || !value || !UNDERSTOOD.has(key.toUpperCase()) || parts.has(key)) return null;
    parts.set(key.toUpperCase(), value.toUpperCase());
  }
  const interval = Number(parts.get('INTERVAL') ?? 1);
  if (!Number.isInteger(interval) || interval < 1) return null;
  const [year, month, day] = startDay.split('-').map(Number);
  const start = { year, month, day };
  const startWeekday = WEEKDAY_ORDER[new Date(Date.UTC(start.year, start.month - 1, start.day)).getUTCDay()];
  const byDay = parts.get('BYDAY');
  if (parts.has('BYMONTHDAY') && parts.get('FREQ') !== 'MONTHLY') return null;

  let sentence: string | null;
  switch (parts.get('FREQ')) {
    case 'DAILY':
      if (byDay) sentence = interval === 1 ? weekly(byDay.split(','), 1) : null;
      else sentence = interval === 1 ? 'Tous les jours' : `Tous les ${interval} jours`;
      break;
    case 'WEEKLY':
      sentence = weekly(byDay ? byDay.split(',') : [startWeekday], interval);
      break;
    case 'MONTHLY':
      sentence = monthly(parts, start.day, interval);
      break;
    case 'YEARLY':
      sentence = byDay
        ? null
        : `${interval === 1 ? 'Chaque année' : `Tous les ${interval} ans`}, le ${start.day === 1 ? '1er' : start.day} ${MONTHS[start.month - 1]}`;
      break;
    default:
      sentence = null;
  }
  if (!sentence) return null;
  const count = parts.get('COUNT');
  if (count) {
    const times = Number(count);
    if (!Number.isInteger(times) || times < 1) return null;
    return times === 1 ? `${sentence}, une seule fois` : `${sentence}, ${times} fois en tout`;
  }
  const until = parts.get('UNTIL');
  if (until) {
    const label = untilLabel(until);
    return label ? `${sentence}, jusqu’au ${label}` : null;
  }
  return sentence;
}
