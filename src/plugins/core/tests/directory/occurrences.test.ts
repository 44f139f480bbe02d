import { nextOccurrence } from '../../server/src/directory/occurrences';
import { parisInstant } from '../../server/src/directory/paris-time';

const paris = (y: number, m: number, d: number, h = 0, mi = 0) => parisInstant(y, m, d, h, mi);
const next = (start: Date, rule: string, from: Date) => nextOccurrence(start, rule, from)?.toISOString() ?? null;

describe('next occurrence of a recurring event', () => {
  // Wednesday 6 January 2021, 14:00 Paris (winter).
  const wednesday = paris(2021, 1, 6, 14);

  it('finds the next Wednesday at the same Paris time, across the summer-time change', () => {
    // Thursday 2 July 2026 → Wednesday 8 July 2026, 14:00 Paris = 12:00 UTC.
    expect(next(wednesday, 'FREQ=WEEKLY;BYDAY=WE', paris(2026, 7, 2))).toBe('2026-07-08T12:00:00.000Z');
    expect(next(wednesday, 'FREQ=WEEKLY', paris(2026, 12, 3))).toBe('2026-12-09T13:00:00.000Z');
    expect(next(wednesday, 'FREQ=WEEKLY;INTERVAL=2', paris(2021, 1, 7))).toBe(paris(2021, 1, 20, 14).toISOString());
  });

  it('stops after COUNT occurrences or after UNTIL (a date-only UNTIL is a Paris day)', () => {
    expect(next(wednesday, 'FREQ=WEEKLY;COUNT=3', paris(2021, 1, 14))).toBe(paris(2021, 1, 20, 14).toISOString());
    expect(next(wednesday, 'FREQ=WEEKLY;COUNT=3', paris(2021, 1, 21))).toBeNull();
    expect(next(wednesday, 'FREQ=WEEKLY;UNTIL=20210120', paris(2021, 1, 20))).toBe(
      paris(2021, 1, 20, 14).toISOString(),
    );
    expect(next(wednesday, 'FREQ=WEEKLY;UNTIL=20210119', paris(2021, 1, 14))).toBeNull();
  });

  it('handles ranked days and days of the month', () => {
    // First Monday of the month, from 10 February 2026 → Monday 2 March 2026.
    expect(next(paris(2026, 1, 5, 18), 'FREQ=MONTHLY;BYDAY=1MO', paris(2026, 2, 10))).toBe(
      paris(2026, 3, 2, 18).toISOString(),
    );
    // Last Friday of the month: 27 February 2026.
    expect(next(paris(2026, 1, 30, 9), 'FREQ=MONTHLY;BYDAY=-1FR', paris(2026, 2, 1))).toBe(
      paris(2026, 2, 27, 9).toISOString(),
    );
    expect(next(paris(2026, 1, 15, 9), 'FREQ=MONTHLY', paris(2026, 1, 16))).toBe(paris(2026, 2, 15, 9).toISOString());
    expect(next(paris(2026, 1, 15, 9), 'FREQ=MONTHLY;BYMONTHDAY=-1', paris(2026, 2, 1))).toBe(
      paris(2026, 2, 28, 9).toISOString(),
    );
    expect(next(paris(2026, 6, 21, 0), 'FREQ=YEARLY', paris(2026, 6, 22))).toBe(paris(2027, 6, 21).toISOString());
    expect(next(paris(2026, 1, 1, 8), 'FREQ=DAILY;INTERVAL=3', paris(2026, 1, 5))).toBe(
      paris(2026, 1, 7, 8).toISOString(),
    );
  });

  it('answers "not known" for rules beyond its reach', () => {
    expect(nextOccurrence(wednesday, 'FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1', paris(2026, 1, 1))).toBeUndefined();
  });
});
