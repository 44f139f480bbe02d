/**
 * Next occurrence of a recurring event, for the agenda's order and date filter. Covers the rules
 * staff write (FREQ with INTERVAL, COUNT, UNTIL, BYDAY with or without rank, BYMONTHDAY,
 * BYMONTH); anything else (BYSETPOS, a yearly ranked BYDAY without BYMONTH) answers `undefined`,
 * "not known", and the caller falls back to the first date.
 */
import { parisInstant, parisWallClock } from './paris-time';
import { untilDate } from './rrule';

const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const DAY_MS = 86_400_000;
/** How far after `from` an occurrence is looked for. */
const HORIZON_DAYS = 3 * 366;

interface Rule {
  freq: string;
  interval: number;
  count?: number;
  until?: string;
  byDay?: { rank: number; day: number }[];
  byMonthDay?: number[];
  byMonth?: number[];
}

function parse(rule: string): Rule | undefined {
  const parts = new Map(rule.split(';').map((part) => part.split('=') as [string, string]));
  if (parts.has('BYSETPOS') || !parts.get('FREQ')) return undefined;
  const numbers = (key: string) => parts.get(key)?.split(',').map(Number);
  return {
    freq: parts.get('FREQ') as string,
    interval: Number(parts.get('INTERVAL') ?? 1),
    count: parts.has('COUNT') ? Number(parts.get('COUNT')) : undefined,
    until: parts.get('UNTIL'),
    byDay: parts
      .get('BYDAY')
      ?.split(',')
      .map((code) => ({ rank: Number(code.slice(0, -2) || 0), day: DAY_CODES.indexOf(code.slice(-2)) })),
    byMonthDay: numbers('BYMONTHDAY'),
    byMonth: numbers('BYMONTH'),
  };
}

/** A calendar day as UTC midnight, to count days without time-zone shifts. */
const dayNumber = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY_MS;
const weekdayOf = (n: number) => (new Date(n * DAY_MS).getUTCDay() + 6) % 7;
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function matches(rule: Rule, start: { n: number; y: number; m: number; d: number }, n: number): boolean {
  const date = new Date(n * DAY_MS);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  const weekday = weekdayOf(n);
  const period =
    rule.freq === 'DAILY'
      ? n - start.n
      : rule.freq === 'WEEKLY'
        ? (n - weekday - (start.n - weekdayOf(start.n))) / 7
        : rule.freq === 'MONTHLY'
          ? (y - start.y) * 12 + (m - start.m)
          : y - start.y;
  if (period % rule.interval !== 0) return false;
  if (rule.byMonth && !rule.byMonth.includes(m)) return false;
  const last = daysInMonth(y, m);
  if (rule.byMonthDay && !rule.byMonthDay.some((k) => (k > 0 ? k === d : last + k + 1 === d))) return false;
  if (rule.byDay) {
    const ok = rule.byDay.some((entry) => {
      if (entry.day !== weekday) return false;
      if (entry.rank === 0 || (rule.freq !== 'MONTHLY' && rule.freq !== 'YEARLY')) return true;
      return entry.rank > 0 ? Math.ceil(d / 7) === entry.rank : -(Math.floor((last - d) / 7) + 1) === entry.rank;
    });
    if (!ok) return false;
  }
  // Without a BYxxx part, the rule repeats the first date's weekday, day of month or date.
  if (!rule.byDay && !rule.byMonthDay) {
    if (rule.freq === 'WEEKLY' && weekday !== weekdayOf(start.n)) return false;
    if (rule.freq === 'MONTHLY' && d !== start.d) return false;
    if (rule.freq === 'YEARLY' && (d !== start.d || (!rule.byMonth && m !== start.m))) return false;
  }
  return true;
}

/**
 * The occurrences starting at or after `from`, in order, at the first date's Paris wall-clock time
 * (so 14:00 stays 14:00 across summer-time changes), up to three years after `from`. Returns
 * `undefined` when the rule is beyond what is covered here.
 */
export function occurrencesFrom(firstStart: Date, recurrence: string, from: Date): Iterable<Date> | undefined {
  const rule = parse(recurrence);
  if (!rule) return undefined;
  let end: Date | null = null;
  if (rule.until) {
    const until = untilDate(rule.until);
    if (!until) return undefined;
    end =
      rule.until.length > 8
        ? until
        : new Date(
            parisInstant(until.getUTCFullYear(), until.getUTCMonth() + 1, until.getUTCDate(), 23, 59).getTime() +
              59_999,
          );
  }
  const wall = parisWallClock(firstStart);
  const start = { n: dayNumber(wall.year, wall.month, wall.day), y: wall.year, m: wall.month, d: wall.day };
  // A ranked BYDAY in a YEARLY rule without BYMONTH is not covered: known before any iteration.
  if (rule.freq === 'YEARLY' && !rule.byMonth && rule.byDay?.some((entry) => entry.rank !== 0)) return undefined;
  const fromWall = parisWallClock(from);
  const lastDay = dayNumber(fromWall.year, fromWall.month, fromWall.day) + HORIZON_DAYS;
  return {
    *[Symbol.iterator]() {
      let seen = 0;
      for (let n = start.n; n <= lastDay; n += 1) {
        if (n !== start.n && !matches(rule, start, n)) continue;
        const date = new Date(n * DAY_MS);
        const instant = parisInstant(
          date.getUTCFullYear(),
          date.getUTCMonth() + 1,
          date.getUTCDate(),
          wall.hour,
          wall.minute,
        );
        if (end && instant > end) return;
        seen += 1;
        if (rule.count !== undefined && seen > rule.count) return;
        if (instant >= from) yield instant;
      }
    },
  };
}

/**
 * The first occurrence starting at or after `from`, `null` when the rule has ended, `undefined`
 * when the rule is beyond what is covered here.
 */
export function nextOccurrence(firstStart: Date, recurrence: string, from: Date): Date | null | undefined {
  const all = occurrencesFrom(firstStart, recurrence, from);
  if (!all) return undefined;
  for (const instant of all) return instant;
  return null;
}
