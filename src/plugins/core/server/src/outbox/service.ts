import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import {
  JOB_STATUSES,
  type JobDetail,
  type JobPage,
  type JobStatus,
  type JobView,
  type OutboxSummary,
} from '../../../shared/contracts/outbox';
import { CENTRE_UID, PLUGIN_ID } from '../../../shared/permissions';
import type { AdminUserLike } from '../centres/scope';
import { getService } from '../utils/get-service';
import { parseOrThrow } from '../utils/validation-error';
import type { OutboxConfig } from './config';
import { Scheduler, type Schedule } from './scheduler';
import { ensureJobsTable } from './schema';
import { createJobStore, type Job, type JobScope, type NewJob } from './store';
import type {
  BatchJobHandler,
  EnqueuedJob,
  EnqueueOptions,
  HandlerOptions,
  JobHandler,
  JobToEnqueue,
  JobType,
  RegisteredHandler,
} from './types';
import { JOB_NAME, jobIdParams, jobQuery } from './validation';
import { OutboxWorker } from './worker';

const MAX_PAYLOAD_BYTES = 64 * 1024;
const DEFAULT_TIMEOUT_SECONDS = 300;
/** Subject of the audit entries of staff actions on jobs (not a content type). */
export const JOB_SUBJECT = 'core.job';

const frenchDate = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Europe/Paris',
});

const nameOf = (type: string | JobType<unknown>) => (typeof type === 'string' ? type : type.name);

function assertName(name: string): void {
  if (typeof name !== 'string' || name.length > 120 || !JOB_NAME.test(name)) {
    throw new Error(`Outbox: job name "${String(name)}" must look like <plugin>.<what> (lower case)`);
  }
}

const iso = (time: number | null) => (time === null ? null : new Date(time).toISOString());

/**
 * The jobs outbox: products register handlers by name, enqueue jobs (at once, later, once per
 * key) and recurring schedules; every instance's worker runs what is due. Staff see and act on
 * the queue through the admin API below.
 */
const createOutboxService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.plugin(PLUGIN_ID).config<OutboxConfig>('outbox');
  const handlers = new Map<string, RegisteredHandler>();
  const store = createJobStore(strapi);
  const worker = new OutboxWorker({
    store,
    handlers: () => handlers,
    get config() {
      return config();
    },
    log: strapi.log,
  });

  function toNewJob(name: string, payload: unknown, options: Omit<EnqueueOptions, 'transaction'>, now: number): NewJob {
    assertName(name);
    let serialised: string | undefined;
    try {
      serialised = JSON.stringify(payload ?? null);
    } catch {
      throw new Error(`Outbox: the payload of ${name} cannot be written as JSON`);
    }
    if (serialised === undefined) throw new Error(`Outbox: the payload of ${name} cannot be written as JSON`);
    if (Buffer.byteLength(serialised) > MAX_PAYLOAD_BYTES) {
      throw new Error(`Outbox: the payload of ${name} is larger than 64 KB; store the data and pass its id`);
    }
    const runAt = options.runAt ? options.runAt.getTime() : now;
    if (!Number.isFinite(runAt)) throw new Error(`Outbox: runAt of ${name} is not a valid date`);
    const expiresAt = options.expiresAt ? options.expiresAt.getTime() : null;
    if (expiresAt !== null && (!Number.isFinite(expiresAt) || expiresAt <= runAt)) {
      throw new Error(`Outbox: expiresAt of ${name} must be a valid date after runAt`);
    }
    const key = options.idempotencyKey ?? null;
    if (key !== null && (typeof key !== 'string' || key.length === 0 || key.length > 200)) {
      throw new Error(`Outbox: the idempotency key of ${name} must hold 1 to 200 characters`);
    }
    const centre = options.centre ?? null;
    if (centre !== null && (!Number.isInteger(centre) || centre < 1)) {
      throw new Error(`Outbox: centre of ${name} must be a centre id`);
    }
    const maxAttempts = options.maxAttempts ?? handlers.get(name)?.maxAttempts ?? config().maxAttempts;
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 100) {
      throw new Error(`Outbox: maxAttempts of ${name} must be 1 to 100`);
    }
    return { name, payload: serialised, runAt, expiresAt, maxAttempts, idempotencyKey: key, centre };
  }

  /** The caller's transaction, the ambient `strapi.db.transaction`, or none. */
  function inTransaction<T>(trx: Knex.Transaction | undefined, work: (conn: Knex | Knex.Transaction) => Promise<T>) {
    if (trx) return work(trx);
    if (strapi.db.inTransaction()) return strapi.db.transaction(({ trx: ambient }) => work(ambient));
    return work(strapi.db.connection);
  }

  async function enqueueJob(name: string, payload: unknown, options: EnqueueOptions = {}): Promise<EnqueuedJob> {
    const now = Date.now();
    const job = toNewJob(name, payload, options, now);
    const { job: stored, created } = await inTransaction(options.transaction, (conn) => store.insert(conn, job, now));
    if (created && stored.runAt <= now) worker.nudge();
    return { id: stored.id, name: stored.name, status: stored.status, runAt: new Date(stored.runAt), created };
  }

  const scheduler = new Scheduler(
    async (schedule, slot) =>
      enqueueJob(schedule.job, schedule.payload ?? {}, {
        runAt: new Date(slot.runAt),
        expiresAt: new Date(slot.expiresAt),
        idempotencyKey: slot.key,
        centre: schedule.centre ?? null,
      }),
    (message) => strapi.log.error(`Outbox: ${message}`),
  );

  async function scopeOf(user: AdminUserLike): Promise<JobScope> {
    const scope = getService(strapi, 'scope');
    return scope.isSuperAdmin(user) ? { all: true } : { all: false, centres: await scope.centreIdsOf(user.id) };
  }

  async function centreNames(ids: number[]): Promise<Map<number, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = (await strapi.db
      .query(CENTRE_UID)
      .findMany({ where: { id: { $in: unique } }, select: ['id', 'name'] })) as { id: number; name: string }[];
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  function view(job: Job, names: Map<number, string>): JobView {
    return {
      id: job.id,
      name: job.name,
      label: handlers.get(job.name)?.label ?? null,
      status: job.status,
      attempts: job.attempts,
      maxAttempts: job.maxAttempts,
      runAt: new Date(job.runAt).toISOString(),
      expiresAt: iso(job.expiresAt),
      createdAt: new Date(job.createdAt).toISOString(),
      updatedAt: new Date(job.updatedAt).toISOString(),
      finishedAt: iso(job.finishedAt),
      centre: job.centre === null ? null : { id: job.centre, name: names.get(job.centre) ?? `Centre n° ${job.centre}` },
      idempotencyKey: job.idempotencyKey,
    };
  }

  async function detailOf(job: Job): Promise<JobDetail> {
    const publicFields = handlers.get(job.name)?.publicFields ?? [];
    const payload =
      job.payload !== null && typeof job.payload === 'object' ? (job.payload as Record<string, unknown>) : {};
    const fields: JobDetail['fields'] = {};
    for (const field of publicFields) {
      const value = payload[field];
      if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
        fields[field] = value as string | number | boolean | null;
      }
    }
    return {
      ...view(job, await centreNames(job.centre === null ? [] : [job.centre])),
      lastError: job.lastError,
      fields,
    };
  }

  async function findForStaff(user: AdminUserLike, rawParams: unknown): Promise<{ job: Job; scope: JobScope }> {
    const { id } = parseOrThrow(jobIdParams, rawParams ?? {});
    const scope = await scopeOf(user);
    const job = await store.get(scope, id);
    // Another centre's job answers like a missing one: its existence is not the user's business.
    if (!job) throw new errors.NotFoundError('Cette tâche n’existe pas, ou elle ne concerne pas vos centres.');
    return { job, scope };
  }

  function assertDead(job: Job, action: 'relancée' | 'abandonnée'): void {
    if (job.status !== 'dead') {
      throw new errors.ApplicationError(`Seule une tâche en échec définitif peut être ${action}.`);
    }
  }

  return {
    /**
     * Registers the handler of a job name, typically in the product's bootstrap. The worker only
     * claims jobs whose name it knows, so an instance running an older version leaves new kinds
     * of jobs to the others.
     */
    handle<Payload>(
      type: string | JobType<Payload>,
      run: JobHandler<Payload>,
      options: HandlerOptions<Payload> = {},
    ): void {
      const name = nameOf(type);
      assertName(name);
      if (handlers.has(name)) throw new Error(`Outbox: ${name} already has a handler`);
      if (options.maxAttempts !== undefined && (!Number.isInteger(options.maxAttempts) || options.maxAttempts < 1)) {
        throw new Error(`Outbox: maxAttempts of ${name} must be a whole number above 0`);
      }
      const timeoutSeconds = options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
      if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0 || timeoutSeconds > 86400) {
        throw new Error(`Outbox: timeoutSeconds of ${name} must be above 0 and at most 86400 (a day)`);
      }
      handlers.set(name, {
        name,
        run: run as JobHandler<unknown>,
        batch: options.batch as BatchJobHandler<unknown> | undefined,
        label: options.label ?? name,
        maxAttempts: options.maxAttempts,
        timeoutMs: timeoutSeconds * 1000,
        publicFields: options.publicFields ?? [],
      });
      worker.nudge();
    },

    /** Adds a job; with an idempotency key already used, returns the existing job instead. */
    enqueue<Payload>(
      type: string | JobType<Payload>,
      payload: Payload,
      options?: EnqueueOptions,
    ): Promise<EnqueuedJob> {
      return enqueueJob(nameOf(type), payload, options);
    },

    /** Adds many jobs of one kind in a few statements (keys already used are skipped). */
    async enqueueMany<Payload>(
      type: string | JobType<Payload>,
      jobs: JobToEnqueue<Payload>[],
      options: { transaction?: Knex.Transaction } = {},
    ): Promise<{ created: number; existing: number }> {
      const now = Date.now();
      const name = nameOf(type);
      const rows = jobs.map(({ payload, ...jobOptions }) => toNewJob(name, payload, jobOptions, now));
      const created = await inTransaction(options.transaction, (conn) => store.insertMany(conn, rows, now));
      if (created > 0) worker.nudge();
      return { created, existing: rows.length - created };
    },

    /** A recurring job (daily at a Paris time, or hourly), enqueued once per slot across instances. */
    schedule(schedule: Schedule): void {
      scheduler.add(schedule);
    },

    /** Enqueues the current slot of every schedule now (the worker does it every minute). */
    runSchedules(now: Date = new Date()) {
      return scheduler.tick(now.getTime());
    },

    /** Creates the jobs table if missing (core's bootstrap). */
    ensureTable(): Promise<void> {
      return ensureJobsTable(strapi);
    },

    /** Starts the worker and the schedules, unless OUTBOX_WORKER=false (core's bootstrap). */
    start(): void {
      if (!config().worker) {
        strapi.log.info('Outbox: worker disabled in this instance (OUTBOX_WORKER=false)');
        return;
      }
      worker.start();
      scheduler.start();
    },

    /** Stops cleanly: no new claims, unstarted jobs given back, running ones awaited (core's destroy). */
    async stop(): Promise<void> {
      await scheduler.stop();
      await worker.stop();
    },

    /** This instance's worker id, as written in `locked_by`. */
    workerId(): string {
      return worker.id;
    },

    isRunning(): boolean {
      return worker.started;
    },

    /** Retention of finished jobs (see the retention service). */
    deleteFinishedBefore(cutoff: Date): Promise<number> {
      return store.deleteFinishedBefore(cutoff.getTime());
    },

    async summary(user: AdminUserLike): Promise<OutboxSummary> {
      const found = await store.counts(await scopeOf(user));
      const counts = Object.fromEntries(JOB_STATUSES.map((status) => [status, found[status] ?? 0])) as Record<
        JobStatus,
        number
      >;
      const names = [...handlers.values()]
        .map(({ name, label }) => ({ name, label }))
        .sort((a, b) => a.label.localeCompare(b.label, 'fr'));
      return { counts, names, worker: config().worker };
    },

    async list(user: AdminUserLike, rawQuery: unknown): Promise<JobPage> {
      const query = parseOrThrow(jobQuery, rawQuery ?? {});
      const { jobs, total } = await store.list(await scopeOf(user), {
        status: query.status,
        name: query.name,
        offset: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      });
      const names = await centreNames(jobs.flatMap((job) => (job.centre === null ? [] : [job.centre])));
      return {
        results: jobs.map((job) => view(job, names)),
        pagination: { page: query.page, pageSize: query.pageSize, total, pageCount: Math.ceil(total / query.pageSize) },
      };
    },

    async detail(user: AdminUserLike, rawParams: unknown): Promise<JobDetail> {
      return detailOf((await findForStaff(user, rawParams)).job);
    },

    /** A dead job starts over (attempts from zero), unless its expiry has passed. */
    async retry(user: AdminUserLike, rawParams: unknown): Promise<JobDetail> {
      const { job, scope } = await findForStaff(user, rawParams);
      assertDead(job, 'relancée');
      const now = Date.now();
      if (job.expiresAt !== null && job.expiresAt <= now) {
        throw new errors.ApplicationError(
          `Cette tâche a expiré le ${frenchDate.format(job.expiresAt)} : il est trop tard pour la relancer.`,
        );
      }
      const retried = await store.retry(scope, job.id, now);
      if (!retried) throw new errors.ApplicationError('Cette tâche vient de changer d’état : rechargez la page.');
      await getService(strapi, 'audit').record({
        action: 'outbox.retry',
        subject: { uid: JOB_SUBJECT, id: String(job.id) },
        centre: job.centre,
        details: { name: job.name, attempts: job.attempts },
      });
      worker.nudge();
      // As staff left it: the worker may already be running it.
      return detailOf(retried);
    },

    /** A dead job is abandoned for good (kept as discarded, so its key still holds). */
    async discard(user: AdminUserLike, rawParams: unknown): Promise<JobDetail> {
      const { job, scope } = await findForStaff(user, rawParams);
      assertDead(job, 'abandonnée');
      const discarded = await store.discard(scope, job.id, Date.now());
      if (!discarded) throw new errors.ApplicationError('Cette tâche vient de changer d’état : rechargez la page.');
      await getService(strapi, 'audit').record({
        action: 'outbox.discard',
        subject: { uid: JOB_SUBJECT, id: String(job.id) },
        centre: job.centre,
        details: { name: job.name, attempts: job.attempts },
      });
      return detailOf(discarded);
    },
  };
};

export type OutboxService = ReturnType<typeof createOutboxService>;
export default createOutboxService;
