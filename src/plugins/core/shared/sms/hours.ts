/**
 * When an SMS may go out: good practice is Monday to Saturday, 8:00 to 20:00 Paris time, never on
 * a public holiday. Pure functions on `Date`s; time zones through `Intl`, so daylight saving
 * changes are handled without a date library.
 */

export interface SendingWindow {
  /** ISO days of the week: 1 Monday … 7 Sunday. */
  days: number[];
  /** Local time the window opens, `HH:MM`. */
  start: string;
  /** Local time the window closes (exclusive), `HH:MM`; `24:00` for midnight. */
  end: string;
  /** No SMS on French public holidays. */
  skipPublicHolidays: boolean;
  /** IANA time zone of the window: `Europe/Paris`, `Indian/Reunion`, `America/Cayenne`… */
  timeZone: string;
  /** Local public holidays on top of the national ones. */
  holidayRegion?: HolidayRegion;
}

export const DEFAULT_SENDING_WINDOW: SendingWindow = {
  days: [1, 2, 3, 4, 5, 6],
  start: '08:00',
  end: '20:00',
  skipPublicHolidays: true,
  timeZone: 'Europe/Paris',
};

/** Places with public holidays of their own (Alsace-Moselle; abolition of slavery overseas). */
export type HolidayRegion =
  | 'alsace-moselle'
  | 'guadeloupe'
  | 'martinique'
  | 'guyane'
  | 'reunion'
  | 'mayotte'
  | 'saint-martin'
  | 'saint-barthelemy';

/** A calendar day, `YYYY-MM-DD`. */
type Day = string;

const pad = (value: number) => String(value).padStart(2, '0');
const dayOf = (year: number, month: number, date: number): Day => `${year}-${pad(month)}-${pad(date)}`;

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

function shifted(year: number, month: number, day: number, days: number): Day {
  const date = new Date(Date.UTC(year, month - 1, day + days));
  return dayOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

const REGIONAL: Record<HolidayRegion, (year: number, easter: { month: number; day: number }) => [Day, string][]> = {
  'alsace-moselle': (year, easter) => [
    [shifted(year, easter.month, easter.day, -2), 'Vendredi saint'],
    [dayOf(year, 12, 26), 'Saint-Étienne'],
  ],
  guadeloupe: (year) => [[dayOf(year, 5, 27), 'Abolition de l’esclavage']],
  martinique: (year) => [[dayOf(year, 5, 22), 'Abolition de l’esclavage']],
  guyane: (year) => [[dayOf(year, 6, 10), 'Abolition de l’esclavage']],
  reunion: (year) => [[dayOf(year, 12, 20), 'Abolition de l’esclavage']],
  mayotte: (year) => [[dayOf(year, 4, 27), 'Abolition de l’esclavage']],
  'saint-martin': (year) => [[dayOf(year, 5, 28), 'Abolition de l’esclavage']],
  'saint-barthelemy': (year) => [[dayOf(year, 10, 9), 'Abolition de l’esclavage']],
};

/** French public holidays of a year, `YYYY-MM-DD` → name, with a region's own when given. */
export function frenchPublicHolidays(year: number, region?: HolidayRegion): Map<Day, string> {
  const easter = easterSunday(year);
  const holidays: [Day, string][] = [
    [dayOf(year, 1, 1), 'Jour de l’an'],
    [shifted(year, easter.month, easter.day, 1), 'Lundi de Pâques'],
    [dayOf(year, 5, 1), 'Fête du travail'],
    [dayOf(year, 5, 8), 'Victoire 1945'],
    [shifted(year, easter.month, easter.day, 39), 'Ascension'],
    [shifted(year, easter.month, easter.day, 50), 'Lundi de Pentecôte'],
    [dayOf(year, 7, 14), 'Fête nationale'],
    [dayOf(year, 8, 15), 'Assomption'],
    [dayOf(year, 11, 1), 'Toussaint'],
    [dayOf(year, 11, 11), 'Armistice 1918'],
    [dayOf(year, 12, 25), 'Noël'],
    ...(region ? REGIONAL[region](year, easter) : []),
  ];
  return new Map(holidays.sort(([a], [b]) => a.localeCompare(b)));
}

interface LocalTime {
  year: number;
  month: number;
  day: number;
  /** ISO day of the week, 1 Monday … 7 Sunday. */
  weekday: number;
  /** Minutes since local midnight. */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

function localTime(date: Date, timeZone: string): LocalTime {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(date).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    weekday: WEEKDAYS[parts.weekday],
    minutes: Number(parts.hour) * 60 + Number(parts.minute) + Number(parts.second) / 60,
  };
}

/** The instant a local wall-clock time happens in `timeZone` (the later one if it happens twice). */
function zonedInstant(year: number, month: number, day: number, minutes: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day, 0, minutes);
  let guess = wall;
  for (let step = 0; step < 3; step += 1) {
    const local = localTime(new Date(guess), timeZone);
    const seen = Date.UTC(local.year, local.month - 1, local.day, 0, Math.round(local.minutes));
    guess += wall - seen;
  }
  return new Date(guess);
}

function minutesOf(time: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) throw new Error(`Invalid time of day "${time}": expected HH:MM`);
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (minutes > 24 * 60 || Number(match[2]) > 59) throw new Error(`Invalid time of day "${time}"`);
  return minutes;
}

/** Null when the window is usable; otherwise what is wrong (for configuration validators). */
export function sendingWindowProblem(window: SendingWindow): string | null {
  try {
    const start = minutesOf(window.start);
    const end = minutesOf(window.end);
    if (start >= end) return 'the window must open before it closes';
    new Intl.DateTimeFormat('en-US', { timeZone: window.timeZone });
  } catch (error) {
    return (error as Error).message;
  }
  if (window.days.length === 0 || window.days.some((day) => !Number.isInteger(day) || day < 1 || day > 7)) {
    return 'days must list ISO days of the week, 1 (Monday) to 7 (Sunday)';
  }
  if (window.holidayRegion && !(window.holidayRegion in REGIONAL)) return `unknown holiday region`;
  return null;
}

function isOpenDay(local: LocalTime, window: SendingWindow): boolean {
  if (!window.days.includes(local.weekday)) return false;
  if (!window.skipPublicHolidays) return true;
  return !frenchPublicHolidays(local.year, window.holidayRegion).has(dayOf(local.year, local.month, local.day));
}

/** Whether an SMS may go out at `date`. */
export function isWithinSendingWindow(date: Date, window: SendingWindow = DEFAULT_SENDING_WINDOW): boolean {
  const local = localTime(date, window.timeZone);
  return isOpenDay(local, window) && local.minutes >= minutesOf(window.start) && local.minutes < minutesOf(window.end);
}

/**
 * `date` itself when an SMS may go out then; otherwise the next time the window opens. Throws
 * when the window never opens (no day allowed).
 */
export function nextSendingTime(date: Date, window: SendingWindow = DEFAULT_SENDING_WINDOW): Date {
  if (isWithinSendingWindow(date, window)) return date;
  const start = minutesOf(window.start);
  const today = localTime(date, window.timeZone);
  // Long enough to cross any run of closed days (Sunday then a holiday Monday, and more).
  for (let offset = 0; offset <= 14; offset += 1) {
    const noon = new Date(Date.UTC(today.year, today.month - 1, today.day + offset, 12));
    const local = { ...localTime(noon, 'UTC'), minutes: 0 };
    if (!isOpenDay(local, window)) continue;
    const opening = zonedInstant(local.year, local.month, local.day, start, window.timeZone);
    if (opening.getTime() > date.getTime()) return opening;
  }
  throw new Error('The sending window never opens');
}
