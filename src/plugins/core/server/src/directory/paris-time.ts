/** Wall-clock time in Europe/Paris, from the platform's time-zone database (Intl). */
export const PARIS = 'Europe/Paris';

const FORMAT = new Intl.DateTimeFormat('en-GB', {
  timeZone: PARIS,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const HOUR_MS = 3_600_000;
/**
 * Paris's offset from UTC by UTC hour. Paris changes its clocks on the hour (01:00 UTC), so one
 * hour has one offset: Intl is asked once per hour met, not once per date (a build or an export
 * turns tens of thousands of dates into wall-clock times, and Intl is the slow part).
 */
const offsetOfHour = new Map<number, number>();

function parisOffsetMs(instant: Date): number {
  const hour = Math.floor(instant.getTime() / HOUR_MS);
  let offset = offsetOfHour.get(hour);
  if (offset === undefined) {
    const parts = Object.fromEntries(
      FORMAT.formatToParts(new Date(hour * HOUR_MS)).map((part) => [part.type, part.value]),
    );
    offset =
      Date.UTC(
        Number(parts.year),
        Number(parts.month) - 1,
        Number(parts.day),
        Number(parts.hour),
        Number(parts.minute),
        Number(parts.second),
      ) -
      hour * HOUR_MS;
    offsetOfHour.set(hour, offset);
  }
  return offset;
}

export function parisWallClock(instant: Date): WallClock {
  const wall = new Date(instant.getTime() + parisOffsetMs(instant));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

const offsetMs = (instant: Date): number => {
  const w = parisWallClock(instant);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instant.getTime() / 1000) * 1000;
};

/** The instant of a Paris wall-clock time (a time skipped by the spring change moves forward). */
export function parisInstant(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  let guess = asUtc - offsetMs(new Date(asUtc));
  guess = asUtc - offsetMs(new Date(guess));
  return new Date(guess);
}

/** Midnight in Paris at the start of a YYYY-MM-DD day. */
export function parisStartOfDay(isoDate: string): Date {
  const [year, month, day] = isoDate.split('-').map(Number);
  return parisInstant(year, month, day);
}

/** Today's date in Paris, YYYY-MM-DD. */
export function parisToday(now = new Date()): string {
  const w = parisWallClock(now);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** The YYYY-MM-DD day after a given one. */
export function nextDay(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}
