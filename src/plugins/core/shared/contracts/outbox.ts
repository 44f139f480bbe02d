/**
 * Jobs outbox, as the admin API shows it. A job's payload is never sent: only the fields its
 * handler declared as non-personal (`publicFields`).
 */

/**
 * - `pending`: waiting for its run time (or for a worker);
 * - `running`: claimed by a worker, under lease;
 * - `retrying`: failed, waiting for its next attempt (back-off);
 * - `dead`: failed for good (permanent error or too many attempts) — retry or discard it;
 * - `expired`: not run because its expiry passed first;
 * - `done`: ran successfully;
 * - `discarded`: a dead job staff chose to abandon.
 */
export const JOB_STATUSES = ['pending', 'running', 'retrying', 'dead', 'expired', 'done', 'discarded'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** `GET /core/outbox/jobs` (admin) query: every key optional, unknown keys refused. */
export interface JobQuery {
  page?: number;
  pageSize?: number;
  status?: JobStatus;
  /** Exact job name, e.g. `core.retention`. */
  name?: string;
}

export interface JobView {
  id: number;
  name: string;
  /** French label the handler gave, or null for a job no handler of this instance knows. */
  label: string | null;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  /** ISO dates. */
  runAt: string;
  expiresAt: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
  centre: { id: number; name: string } | null;
  /** Scheduled jobs: `schedule:<schedule>:<slot>`. */
  idempotencyKey: string | null;
}

export interface JobDetail extends JobView {
  /** Message of the last failure, with e-mail addresses and phone numbers masked. */
  lastError: string | null;
  /** Only the payload fields the handler declared as non-personal. */
  fields: Record<string, string | number | boolean | null>;
}

export interface JobPage {
  results: JobView[];
  pagination: { page: number; pageSize: number; total: number; pageCount: number };
}

/** `GET /core/outbox/summary`: counts per status in the user's scope, and the job kinds known here. */
export interface OutboxSummary {
  counts: Record<JobStatus, number>;
  names: { name: string; label: string }[];
  /** Whether this instance runs the worker (OUTBOX_WORKER). */
  worker: boolean;
}
