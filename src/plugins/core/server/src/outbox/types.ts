import type { Knex } from 'knex';
import type { PermanentJobError } from './errors';

/**
 * A job kind with its payload type, declared once by the product that owns it and used on both
 * sides, so that `enqueue` and `handle` cannot disagree on the payload:
 * `export const REMINDER = jobType<{ reminderId: string }>('pense-bete.reminder');`
 */
export interface JobType<Payload> {
  readonly name: string;
  /** Type-level only: never set. */
  readonly payloadType?: Payload;
}

export function jobType<Payload>(name: string): JobType<Payload> {
  return { name };
}

/** What a handler learns about the run, besides the payload. */
export interface JobContext {
  jobId: number;
  name: string;
  /**
   * 1 on the first run. Above 1, an earlier attempt failed — or its instance died midway, so
   * part of its work may already be done: handlers make their effects idempotent (check before
   * sending, use the job id or key as the provider's deduplication id).
   */
  attempt: number;
  maxAttempts: number;
  centre: number | null;
  idempotencyKey: string | null;
  runAt: Date;
  expiresAt: Date | null;
  /** Aborted when the run times out or the instance stops: stop early and throw. */
  signal: AbortSignal;
  /** `throw ctx.permanent('…')`: no retry, the job goes straight to dead. */
  permanent(message: string): PermanentJobError;
}

export type JobHandler<Payload = unknown> = (payload: Payload, context: JobContext) => Promise<void> | void;

/** One claimed job handed to a batch handler. */
export interface BatchItem<Payload = unknown> {
  payload: Payload;
  context: JobContext;
}

/**
 * Runs several claimed jobs of one kind in one call, so that a handler can read and write them
 * in a few statements instead of a few per job. Answers one entry per item, in order: `null`
 * when that job succeeded, otherwise what it failed with (retried, or dead for a
 * `PermanentJobError`, as a failure of `run` would be). Throwing fails every item.
 */
export type BatchJobHandler<Payload = unknown> = (items: BatchItem<Payload>[]) => Promise<unknown[]>;

export interface HandlerOptions<Payload = unknown> {
  /** French, shown in Socle › File d’attente, e.g. « Rappel SMS ». */
  label?: string;
  /** Attempts before dead (default OUTBOX_MAX_ATTEMPTS); a job's own `maxAttempts` wins. */
  maxAttempts?: number;
  /** A run taking longer fails (and is retried); default 300 s. */
  timeoutSeconds?: number;
  /**
   * Payload keys holding nothing personal (identifiers, counts), shown in the job's detail.
   * Everything else in the payload is never shown nor logged.
   */
  publicFields?: string[];
  /**
   * When given, the worker hands this kind's jobs of a claimed batch (up to OUTBOX_BATCH_SIZE)
   * to it in one call instead of calling the handler once per job; the timeout is the batch's.
   */
  batch?: BatchJobHandler<Payload>;
}

export interface RegisteredHandler {
  name: string;
  run: JobHandler<unknown>;
  batch?: BatchJobHandler<unknown>;
  label: string;
  maxAttempts?: number;
  timeoutMs: number;
  publicFields: string[];
}

export interface EnqueueOptions {
  /** Not before (default: now). */
  runAt?: Date;
  /** After this, the job is set aside as expired instead of run (too late to be useful). */
  expiresAt?: Date;
  /**
   * The same key never creates a second job: enqueuing again returns the existing job (as long
   * as it is kept: finished jobs are deleted after OUTBOX_KEEP_DAYS). Shown to staff: no
   * personal data in it.
   */
  idempotencyKey?: string;
  /** The centre the job works for: its team sees it in the admin; none = super-admins only. */
  centre?: number | null;
  maxAttempts?: number;
  /**
   * Enqueue inside this knex transaction (the job exists only if it commits). Inside
   * `strapi.db.transaction(...)`, the ambient transaction is used without asking.
   */
  transaction?: Knex.Transaction;
}

export interface EnqueuedJob {
  id: number;
  name: string;
  status: string;
  runAt: Date;
  /** false when a job with this idempotency key already existed (it is the one returned). */
  created: boolean;
}

export interface JobToEnqueue<Payload = unknown> extends Omit<EnqueueOptions, 'transaction'> {
  payload: Payload;
}
