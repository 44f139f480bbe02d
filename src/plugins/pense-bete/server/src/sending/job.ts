import { jobType } from '@csc/plugin-core/toolkit';

/** One outbox job per planned reminder, run at its sending time, keyed by the reminder's key. */
export const REMINDER_JOB = jobType<{ reminderId: number }>('pense-bete.reminder');

/** Daily: plans the next occurrences of repeating steps, and closes reminders left too late. */
export const PLANNING_JOB = jobType<Record<string, never>>('pense-bete.plan');

/** Hourly: reads the SMS provider's blacklist (STOP replies) and marks the persons on it. */
export const BLACKLIST_JOB = jobType<Record<string, never>>('pense-bete.blacklist');

/**
 * Retries of a transient failure go on, with the outbox's back-off (up to an hour apart), until
 * the reminder's own deadline expires the job: the deadline is the limit, not a count.
 */
export const REMINDER_MAX_ATTEMPTS = 100;
