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

export function parisWallClock(instant: Date): WallClock {
  const parts = Object.fromEntries(FORMAT.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
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
