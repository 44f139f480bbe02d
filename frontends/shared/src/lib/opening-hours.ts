import OpeningHours from 'opening_hours';

export interface DayHours {
  /** 0 = Monday … 6 = Sunday. */
  day: number;
  /** « 09:00 – 12:00 » slots; empty when closed. */
  slots: string[];
}

const NOMINATIM = { lat: 48.85, lon: 2.35, address: { country_code: 'fr', state: '' } };
const pad = (value: number) => String(value).padStart(2, '0');
// Written by hand: toLocaleTimeString makes a formatter at each call, the slowest part of a page.
const time = (date: Date) => `${pad(date.getUTCHours())} h ${pad(date.getUTCMinutes())}`;
/** Most places share a handful of usual weeks (« Mo-Fr 09:00-12:00,14:00-17:30 »): each is read once. */
const weeks = new Map<string, DayHours[] | null>();

/**
 * A week of opening hours, Monday to Sunday, from OpenStreetMap syntax; null when the value
 * is empty or unreadable (the page then asks residents to call the reception).
 * A fixed week without public holidays is read, so the table shows the usual week.
 */
export function weeklyHours(value: string | null | undefined): DayHours[] | null {
  if (!value?.trim()) return null;
  if (!weeks.has(value)) weeks.set(value, readWeek(value));
  return weeks.get(value) ?? null;
}

function readWeek(value: string): DayHours[] | null {
  let parsed: OpeningHours;
  try {
    parsed = new OpeningHours(value, NOMINATIM as never, { locale: 'fr', mode: 0 } as never);
  } catch {
    return null;
  }
  // 2 March 2026 is a Monday with no holiday in that week. The dates are handled as UTC
  // wall-clock values so that the build machine's time zone never shifts an hour.
  const monday = Date.UTC(2026, 2, 2);
  return Array.from({ length: 7 }, (_, day) => {
    const from = new Date(monday + day * 86_400_000);
    const to = new Date(from.getTime() + 86_400_000);
    const slots = parsed
      .getOpenIntervals(asLocal(from), asLocal(to))
      .map(([start, end]) => `${time(asUtc(start))} – ${time(asUtc(end))}`);
    return { day, slots };
  });
}

// opening_hours works in the process's local time; these shift a UTC wall-clock value in and out.
function asLocal(date: Date): Date {
  return new Date(date.getTime() + date.getTimezoneOffset() * 60_000);
}
function asUtc(date: Date): Date {
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
}
