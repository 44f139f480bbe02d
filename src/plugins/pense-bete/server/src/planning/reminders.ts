import { nextDay, occurrencesFrom, parisInstant, parisStartOfDay, parisWallClock } from '@csc/plugin-core/toolkit';
import { nextSendingTime, type SendingWindow } from '@csc/plugin-core/shared';

/** « J-7 à 10 h » : so many days before the step, at a Paris time of day. */
export interface ReminderOffset {
  daysBefore: number;
  /** `HH:MM`, Paris time. */
  time: string;
}

export const DEFAULT_OFFSETS: readonly ReminderOffset[] = [
  { daysBefore: 7, time: '10:00' },
  { daysBefore: 1, time: '10:00' },
];

/** A step's dates: a day (a deadline), or a day and a time (an appointment), maybe repeating. */
export interface StepDates {
  /** `YYYY-MM-DD`, the first (or only) date. */
  date: string;
  /** `HH:MM` Paris time, for an appointment; none for a deadline. */
  time?: string | null;
  /** RFC 5545 RRULE (normalised), e.g. `FREQ=MONTHLY;BYMONTHDAY=28;UNTIL=20270630`. */
  recurrence?: string | null;
}

export interface PlannedReminder {
  /** The occurrence of the step this reminder is for. */
  occurrence: Date;
  offset: ReminderOffset;
  /** When the offset says, before the sending window is applied. */
  dueAt: Date;
  /** When it may go out: the first moment of the sending window at or after `dueAt`. */
  sendAt: Date;
  /** Too late after this: the appointment itself, or the end of the deadline's day. */
  notAfter: Date;
  /** The occurrence and offset, whatever the step's revision: `20261210T133000Z:J7-1000`. */
  slot: string;
  /** Stable for a step, occurrence and offset: what makes a reminder sent once only. */
  key: string;
}

/** How far ahead reminders of a repeating step are planned; a daily job plans the rest. */
export const PLANNING_HORIZON_DAYS = 62;
const DAY_MS = 86_400_000;

const [hourOf, minuteOf] = [(time: string) => Number(time.slice(0, 2)), (time: string) => Number(time.slice(3, 5))];

function firstInstant({ date, time }: StepDates): Date {
  const [year, month, day] = date.split('-').map(Number);
  return time ? parisInstant(year, month, day, hourOf(time), minuteOf(time)) : parisStartOfDay(date);
}

/** The same Paris calendar day, `days` earlier, at `time`. */
function daysBeforeAt(occurrence: Date, days: number, time: string): Date {
  const wall = parisWallClock(occurrence);
  const noon = new Date(Date.UTC(wall.year, wall.month - 1, wall.day, 12) - days * DAY_MS);
  return parisInstant(noon.getUTCFullYear(), noon.getUTCMonth() + 1, noon.getUTCDate(), hourOf(time), minuteOf(time));
}

function deadlineOf(occurrence: Date, dates: StepDates): Date {
  if (dates.time) return occurrence;
  const wall = parisWallClock(occurrence);
  const day = `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
  return parisStartOfDay(nextDay(day));
}

/**
 * Names an occurrence and offset with only the characters core's SMS tags and outbox keys
 * accept (letters, digits, `.:/-_`), so the key can serve as both.
 */
export function slotOf(occurrence: Date, offset: ReminderOffset): string {
  const instant = occurrence
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  return `${instant}:J${offset.daysBefore}-${offset.time.replace(':', '')}`;
}

/** The step's occurrences whose reminders may still go out, from `now` to the horizon. */
export function upcomingOccurrences(dates: StepDates, now: Date, horizonDays = PLANNING_HORIZON_DAYS): Date[] {
  const first = firstInstant(dates);
  const horizon = new Date(now.getTime() + horizonDays * DAY_MS);
  if (!dates.recurrence) return first >= now || deadlineOf(first, dates) > now ? [first] : [];
  // An occurrence already begun today may still have its deadline ahead: start from the day before.
  const occurrences = occurrencesFrom(first, dates.recurrence, new Date(now.getTime() - DAY_MS));
  if (!occurrences) return [];
  const found: Date[] = [];
  for (const occurrence of occurrences) {
    if (occurrence > horizon) break;
    if (deadlineOf(occurrence, dates) > now) found.push(occurrence);
  }
  return found;
}

/**
 * The reminders to schedule for a step: one per occurrence and offset, moved into the sending
 * window, and dropped when already past or when the window would make them arrive too late.
 */
export function planReminders(
  stepKey: string,
  dates: StepDates,
  offsets: readonly ReminderOffset[],
  window: SendingWindow,
  now: Date,
  horizonDays = PLANNING_HORIZON_DAYS,
): PlannedReminder[] {
  const planned: PlannedReminder[] = [];
  for (const occurrence of upcomingOccurrences(dates, now, horizonDays)) {
    const notAfter = deadlineOf(occurrence, dates);
    for (const offset of offsets) {
      const dueAt = daysBeforeAt(occurrence, offset.daysBefore, offset.time);
      if (dueAt < now) continue;
      const sendAt = nextSendingTime(dueAt, window);
      if (sendAt >= notAfter) continue;
      planned.push({
        occurrence,
        offset,
        dueAt,
        sendAt,
        notAfter,
        slot: slotOf(occurrence, offset),
        key: `${stepKey}:${slotOf(occurrence, offset)}`,
      });
    }
  }
  return planned.sort((a, b) => a.sendAt.getTime() - b.sendAt.getTime() || a.key.localeCompare(b.key));
}
