const TIME_ZONE = 'Europe/Paris';

// Formatters are made once: making one costs more than formatting a date, and a build formats thousands.
const LONG_DATE = new Intl.DateTimeFormat('fr-FR', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: TIME_ZONE,
});
const SHORT_DATE = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: TIME_ZONE,
});
const DAY_HEADING = new Intl.DateTimeFormat('fr-FR', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  timeZone: TIME_ZONE,
});
const MONTH_HEADING = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: TIME_ZONE });

/** « mardi 3 décembre 2026 », in Paris time whatever the build machine's zone. */
export function longDate(iso: string): string {
  return LONG_DATE.format(new Date(iso));
}

export function shortDate(iso: string): string {
  return SHORT_DATE.format(new Date(iso));
}

interface ParisParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** « +01:00 » in winter, « +02:00 » in summer. */
  offset: string;
}

const PARTS = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZone: TIME_ZONE,
  timeZoneName: 'longOffset',
});

const HOUR_MS = 3_600_000;
/**
 * Paris's offset by UTC hour. Paris changes its clocks on the hour (01:00 UTC), so one hour has
 * one offset: Intl, the slow part, is asked once per hour met instead of once per date (a build
 * prints tens of thousands of dates).
 */
const offsetOfHour = new Map<number, { ms: number; label: string }>();

function parisOffset(ms: number): { ms: number; label: string } {
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsetOfHour.get(hour);
  if (!offset) {
    const zone = PARTS.formatToParts(new Date(hour * HOUR_MS)).find((part) => part.type === 'timeZoneName')?.value;
    const [, sign = '+', hours = '00', minutes = '00'] = /GMT([+-])(\d{2}):(\d{2})/.exec(zone ?? '') ?? [];
    offset = {
      ms: (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) * 60_000,
      label: `${sign}${hours}:${minutes}`,
    };
    offsetOfHour.set(hour, offset);
  }
  return offset;
}

/** The wall clock in Paris at an instant. */
export function parisParts(iso: string): ParisParts {
  const instant = Date.parse(iso);
  const offset = parisOffset(instant);
  const wall = new Date(instant + offset.ms);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    offset: offset.label,
  };
}

const pad = (value: number) => String(value).padStart(2, '0');

/** `2026-12-05`, the day in Paris. */
export function parisDay(iso: string): string {
  const p = parisParts(iso);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** `2026-12-05T14:00:00+01:00`: Paris time with its offset, as schema.org and `<time>` expect. */
export function parisDateTime(iso: string): string {
  const p = parisParts(iso);
  return `${parisDay(iso)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${p.offset}`;
}

/** « 14 h », « 10 h 30 », in Paris time. */
export function clockTime(iso: string): string {
  const { hour, minute } = parisParts(iso);
  return minute === 0 ? `${hour} h` : `${hour} h ${pad(minute)}`;
}

/** « samedi 5 décembre », without the year (it heads the month's list). */
export function dayHeading(iso: string): string {
  return DAY_HEADING.format(new Date(iso));
}

/** « Décembre 2026 ». */
export function monthHeading(iso: string): string {
  const label = MONTH_HEADING.format(new Date(iso));
  return label.charAt(0).toUpperCase() + label.slice(1);
}
