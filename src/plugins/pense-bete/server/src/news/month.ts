import { parisStartOfDay, parisToday } from '@csc/plugin-core/toolkit';

/** The first instant of the calendar month of `now`, in Paris: caps and budgets count from it. */
export function startOfParisMonth(now: Date): Date {
  return parisStartOfDay(`${parisToday(now).slice(0, 8)}01`);
}
