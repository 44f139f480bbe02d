import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { JobStatus } from '../../../shared/contracts/outbox';
import { JOBS_TABLE, jobsTableRef } from './schema';

/** A row of `core_jobs` as the drivers return it (PostgreSQL gives bigints as strings). */
export interface JobRow {
  id: number;
  name: string;
  payload: string;
  status: JobStatus;
  run_at: number | string;
  expires_at: number | string | null;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  locked_until: number | string | null;
  last_error: string | null;
  idempotency_key: string | null;
  centre_id: number | null;
  created_at: number | string;
  updated_at: number | string;
  finished_at: number | string | null;
}

export interface Job {
  id: number;
  name: string;
  payload: unknown;
  status: JobStatus;
  runAt: number;
  expiresAt: number | null;
  attempts: number;
  maxAttempts: number;
  lockedBy: string | null;
  lockedUntil: number | null;
  lastError: string | null;
  idempotencyKey: string | null;
  centre: number | null;
  createdAt: number;
  updatedAt: number;
  finishedAt: number | null;
}

export interface NewJob {
  name: string;
  payload: string;
  runAt: number;
  expiresAt: number | null;
  maxAttempts: number;
  idempotencyKey: string | null;
  centre: number | null;
}

/** Which jobs a staff member sees: all (super-admin) or those of their centres only. */
export type JobScope = { all: true } | { all: false; centres: number[] };

const time = (value: number | string | null): number | null => (value === null ? null : Number(value));

export function toJob(row: JobRow): Job {
  let payload: unknown = null;
  try {
    payload = typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload;
  } catch {
    payload = null;
  }
  return {
    id: Number(row.id),
    name: row.name,
    payload,
    status: row.status,
    runAt: Number(row.run_at),
    expiresAt: time(row.expires_at),
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    lockedBy: row.locked_by,
    lockedUntil: time(row.locked_until),
    lastError: row.last_error,
    idempotencyKey: row.idempotency_key,
    centre: row.centre_id === null ? null : Number(row.centre_id),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    finishedAt: time(row.finished_at),
  };
}

const rowsOf = (result: unknown): JobRow[] =>
  Array.isArray(result) ? (result as JobRow[]) : ((result as { rows?: JobRow[] }).rows ?? []);

const INSERT_CHUNK = 500;

/** Every statement the outbox runs; the worker and the admin go through here. */
export function createJobStore(strapi: Core.Strapi) {
  const knex = (): Knex => strapi.db.connection;
  const postgres = strapi.db.dialect.client === 'postgres';
  const ref = () => jobsTableRef(strapi);
  const table = (conn: Knex | Knex.Transaction = knex()) => {
    const schema = strapi.db.getSchemaName();
    return schema ? conn(JOBS_TABLE).withSchema(schema) : conn(JOBS_TABLE);
  };
  const scoped = (query: Knex.QueryBuilder, scope: JobScope) =>
    scope.all ? query : query.whereIn('centre_id', scope.centres.length ? scope.centres : [-1]);

  function rowOf(job: NewJob, now: number) {
    return {
      name: job.name,
      payload: job.payload,
      status: 'pending',
      run_at: job.runAt,
      expires_at: job.expiresAt,
      attempts: 0,
      max_attempts: job.maxAttempts,
      idempotency_key: job.idempotencyKey,
      centre_id: job.centre,
      created_at: now,
      updated_at: now,
    };
  }

  return {
    /** Inserts a job, or returns the one already holding its idempotency key. */
    async insert(conn: Knex | Knex.Transaction, job: NewJob, now: number): Promise<{ job: Job; created: boolean }> {
      const inserted = await table(conn).insert(rowOf(job, now)).onConflict('idempotency_key').ignore().returning('*');
      if (inserted.length > 0) return { job: toJob(inserted[0] as JobRow), created: true };
      const existing = await table(conn).where('idempotency_key', job.idempotencyKey).first();
      if (!existing) throw new Error('Outbox: a job with this idempotency key vanished while enqueuing');
      return { job: toJob(existing as JobRow), created: false };
    },

    /** Inserts many jobs in chunks; those whose key already exists are left as they are. */
    async insertMany(conn: Knex | Knex.Transaction, jobs: NewJob[], now: number): Promise<number> {
      let created = 0;
      for (let start = 0; start < jobs.length; start += INSERT_CHUNK) {
        const rows = jobs.slice(start, start + INSERT_CHUNK).map((job) => rowOf(job, now));
        const inserted = await table(conn).insert(rows).onConflict('idempotency_key').ignore().returning(['id']);
        created += inserted.length;
      }
      return created;
    },

    /**
     * Takes up to `limit` due jobs of the given names in one statement: pending or retrying
     * jobs whose time has come, and running jobs whose lease ran out (their worker died).
     * PostgreSQL skips rows another instance is claiming at the same moment; SQLite has one
     * writer at a time. Each claimed job's attempt counter goes up by one.
     */
    async claim(token: string, names: string[], now: number, leaseMs: number, limit: number): Promise<Job[]> {
      if (names.length === 0 || limit < 1) return [];
      const placeholders = names.map(() => '?').join(', ');
      const result = await knex().raw(
        `update ?? set status = 'running', attempts = attempts + 1, locked_by = ?, locked_until = ?, updated_at = ?
         where id in (
           select id from ??
           where name in (${placeholders})
             and ((status in ('pending', 'retrying') and run_at <= ?) or (status = 'running' and locked_until <= ?))
             and (expires_at is null or expires_at > ?)
           order by run_at, id
           limit ?${postgres ? ' for update skip locked' : ''}
         )
         returning *`,
        [ref(), token, now + leaseMs, now, ref(), ...names, now, now, now, limit],
      );
      return rowsOf(result)
        .map(toJob)
        .sort((a, b) => a.runAt - b.runAt || a.id - b.id);
    },

    /** Marks the jobs of this claim done, in one statement. */
    async complete(token: string, ids: number[], now: number): Promise<number> {
      if (ids.length === 0) return 0;
      return table()
        .whereIn('id', ids)
        .where({ locked_by: token, status: 'running' })
        .update({ status: 'done', locked_until: null, finished_at: now, updated_at: now });
    },

    /** Records a failed attempt: back to waiting until `retryAt`, or dead. */
    async fail(
      token: string,
      id: number,
      outcome: { status: 'retrying'; retryAt: number; error: string } | { status: 'dead'; error: string },
      now: number,
    ): Promise<boolean> {
      const changed = await table()
        .where({ id, locked_by: token, status: 'running' })
        .update(
          outcome.status === 'retrying'
            ? {
                status: 'retrying',
                run_at: outcome.retryAt,
                locked_by: null,
                locked_until: null,
                last_error: outcome.error,
                updated_at: now,
              }
            : { status: 'dead', locked_until: null, last_error: outcome.error, finished_at: now, updated_at: now },
        );
      return changed > 0;
    },

    /** Gives back jobs claimed but never started (the worker is stopping): not an attempt. */
    async release(token: string, ids: number[], now: number): Promise<number> {
      if (ids.length === 0) return 0;
      return table()
        .whereIn('id', ids)
        .where({ locked_by: token, status: 'running' })
        .update({
          status: knex().raw(`case when attempts > 1 then 'retrying' else 'pending' end`),
          attempts: knex().raw('attempts - 1'),
          locked_by: null,
          locked_until: null,
          updated_at: now,
        });
    },

    /** Keeps the claim's jobs reserved while their handlers are still working. */
    async extendLease(token: string, until: number, now: number): Promise<number> {
      return table().where({ locked_by: token, status: 'running' }).update({ locked_until: until, updated_at: now });
    },

    /** Jobs whose expiry passed before they could run (or run again) are set aside, not run. */
    async expire(now: number): Promise<number> {
      return table()
        .whereIn('status', ['pending', 'retrying', 'running'])
        .where('expires_at', '<=', now)
        .where((query) => query.whereNot('status', 'running').orWhere('locked_until', '<=', now))
        .update({ status: 'expired', locked_until: null, finished_at: now, updated_at: now });
    },

    async counts(scope: JobScope): Promise<Record<string, number>> {
      const rows = (await scoped(table(), scope)
        .select('status')
        .count({ count: '*' })
        .groupBy('status')) as unknown as { status: string; count: number | string }[];
      return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
    },

    async list(
      scope: JobScope,
      query: { status?: JobStatus; name?: string; offset: number; limit: number },
    ): Promise<{ jobs: Job[]; total: number }> {
      const filtered = () => {
        const builder = scoped(table(), scope);
        if (query.status) builder.where('status', query.status);
        if (query.name) builder.where('name', query.name);
        return builder;
      };
      const [rows, [{ total }]] = await Promise.all([
        filtered()
          .select('*')
          .orderBy([
            { column: 'updated_at', order: 'desc' },
            { column: 'id', order: 'desc' },
          ])
          .offset(query.offset)
          .limit(query.limit),
        filtered().count({ total: '*' }) as unknown as Promise<{ total: number | string }[]>,
      ]);
      return { jobs: (rows as JobRow[]).map(toJob), total: Number(total) };
    },

    async get(scope: JobScope, id: number): Promise<Job | undefined> {
      const row = await scoped(table(), scope).where('id', id).first();
      return row ? toJob(row as JobRow) : undefined;
    },

    async findByKey(key: string): Promise<Job | undefined> {
      const row = await table().where('idempotency_key', key).first();
      return row ? toJob(row as JobRow) : undefined;
    },

    /** A dead job starts over: attempts back to zero, due now. Returns it as left (undefined: not dead). */
    async retry(scope: JobScope, id: number, now: number): Promise<Job | undefined> {
      const changed = await scoped(table(), scope)
        .where({ id, status: 'dead' })
        .where((query) => query.whereNull('expires_at').orWhere('expires_at', '>', now))
        .update({
          status: 'pending',
          attempts: 0,
          run_at: now,
          locked_by: null,
          locked_until: null,
          finished_at: null,
          updated_at: now,
        })
        .returning('*');
      return changed.length > 0 ? toJob(changed[0] as JobRow) : undefined;
    },

    /** A dead job is abandoned; it stays (discarded) so that its idempotency key keeps holding. */
    async discard(scope: JobScope, id: number, now: number): Promise<Job | undefined> {
      const changed = await scoped(table(), scope)
        .where({ id, status: 'dead' })
        .update({ status: 'discarded', locked_by: null, locked_until: null, finished_at: now, updated_at: now })
        .returning('*');
      return changed.length > 0 ? toJob(changed[0] as JobRow) : undefined;
    },

    /** Retention: finished jobs (done, expired, discarded) that finished before `cutoff`. */
    async deleteFinishedBefore(cutoff: number): Promise<number> {
      return table().whereIn('status', ['done', 'expired', 'discarded']).where('finished_at', '<', cutoff).delete();
    },
  };
}

export type JobStore = ReturnType<typeof createJobStore>;
