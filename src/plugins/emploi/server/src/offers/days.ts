const parisDayFormat = new Intl.DateTimeFormat('fr-CA', { timeZone: 'Europe/Paris', dateStyle: 'short' });

/** The Paris calendar day of an instant, YYYY-MM-DD: offers open and close by Paris days. */
export function parisDay(instant: Date): string {
  return parisDayFormat.format(instant);
}

/** `day` plus `days` calendar days, YYYY-MM-DD. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A date column read back from either database, as YYYY-MM-DD. */
export function dayOf(value: unknown): string | null {
  if (!value) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
}

/** The first instant of a Paris day (midnight Paris, as an absolute time). */
export function parisMidnight(day: string): Date {
  const guess = new Date(`${day}T00:00:00Z`);
  // Paris is one or two hours ahead of UTC; pick the offset that lands on midnight of `day`.
  for (const hours of [1, 2]) {
    const candidate = new Date(guess.getTime() - hours * 3_600_000);
    if (parisDay(candidate) === day && parisDay(new Date(candidate.getTime() - 1)) !== day) return candidate;
  }
  return guess;
}
