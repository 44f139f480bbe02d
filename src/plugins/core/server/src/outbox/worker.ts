import crypto from 'node:crypto';
import os from 'node:os';
import { retryDelaySeconds } from './backoff';
import type { OutboxConfig } from './config';
import { describeFailure, isPermanent, PermanentJobError, requestedRetryAt } from './errors';
import type { Job, JobStore } from './store';
import type { BatchItem, JobContext, RegisteredHandler } from './types';

export interface WorkerLog {
  debug(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface WorkerOptions {
  store: JobStore;
  /** The handlers this instance knows: it only claims jobs it can run. */
  handlers: () => ReadonlyMap<string, RegisteredHandler>;
  config: OutboxConfig;
  log: WorkerLog;
  now?: () => number;
  random?: () => number;
}

/** hostname#pid#random: tells instances apart in `locked_by`, and a restarted process from its predecessor. */
export function newWorkerId(): string {
  return `${os.hostname().slice(0, 60)}#${process.pid}#${crypto.randomBytes(3).toString('hex')}`;
}

const STOP_GRACE_MS = 10000;

/**
 * The loop every instance runs: claim a batch of due jobs (one statement), run them a few at a
 * time, record the successes in one statement and each failure as it happens, repeat at once
 * while batches come back full, otherwise wait for the poll interval (or for `nudge`).
 *
 * A claim is a lease: its jobs stay reserved until `locked_until`, pushed back every third of
 * the lease while the handlers work. If the process dies, nothing renews it; once it runs out
 * any instance claims the jobs again, with the next attempt number. Every write after a claim
 * carries the claim's token, so a worker that lost its lease can no longer change the job.
 */
export class OutboxWorker {
  readonly id = newWorkerId();
  private loop: Promise<void> | undefined;
  private stopping = false;
  private nudged = false;
  private wake: (() => void) | undefined;
  private sequence = 0;
  private lastExpiry = 0;
  private failures = 0;
  private readonly running = new Set<AbortController>();
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(private readonly options: WorkerOptions) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
  }

  get started(): boolean {
    return this.loop !== undefined;
  }

  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run();
  }

  /** Look at the queue now rather than at the next poll (a job was just enqueued). */
  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  /**
   * Stops claiming, gives back the jobs of the current batch that have not started, and waits
   * for the running ones (up to a grace period, after which they are told to abort; a job still
   * running then is taken again by another instance when its lease runs out).
   */
  async stop(graceMs = STOP_GRACE_MS): Promise<void> {
    const loop = this.loop;
    if (!loop) return;
    this.stopping = true;
    this.wake?.();
    const finished = await Promise.race([loop.then(() => true), delay(graceMs).then(() => false)]);
    if (!finished) {
      for (const controller of this.running) controller.abort(new Error('Arrêt de l’instance pendant la tâche.'));
      await Promise.race([loop, delay(1000)]);
    }
    this.loop = undefined;
  }

  private async run(): Promise<void> {
    const { config, log, store } = this.options;
    while (!this.stopping) {
      let claimed = 0;
      try {
        const now = this.now();
        if (now - this.lastExpiry >= config.pollIntervalMs) {
          this.lastExpiry = now;
          const expired = await store.expire(now);
          if (expired > 0) log.debug(`Outbox: ${expired} job(s) expired before they could run`);
        }
        claimed = await this.runBatch();
        this.failures = 0;
      } catch (error) {
        // Database unreachable, most likely: say so, then wait longer each time (up to 30 s).
        this.failures += 1;
        log.error(`Outbox worker: ${(error as Error).message}`);
      }
      if (this.stopping) break;
      if (this.failures > 0) await this.sleep(Math.min(config.pollIntervalMs * 2 ** this.failures, 30000));
      else if (claimed < config.batchSize) await this.sleep(config.pollIntervalMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.nudged) {
      this.nudged = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        this.nudged = false;
        done();
      };
    });
  }

  /** One claim, run and record; returns how many jobs it claimed. */
  private async runBatch(): Promise<number> {
    const { config, store, log } = this.options;
    const handlers = this.options.handlers();
    const leaseMs = config.leaseSeconds * 1000;
    const token = `${this.id}#${++this.sequence}`;
    const jobs = await store.claim(token, [...handlers.keys()], this.now(), leaseMs, config.batchSize);
    if (jobs.length === 0) return 0;

    const heartbeat = setInterval(
      () => {
        const now = this.now();
        store.extendLease(token, now + leaseMs, now).catch((error: Error) => {
          log.error(`Outbox: could not extend a lease: ${error.message}`);
        });
      },
      Math.max(Math.floor(leaseMs / 3), 500),
    );
    heartbeat.unref();

    // Kinds with a batch handler run as one call each; the others one job at a time, in lanes.
    const groups = new Map<RegisteredHandler, Job[]>();
    const waiting: Job[] = [];
    for (const job of jobs) {
      const handler = handlers.get(job.name);
      if (handler?.batch && job.attempts <= job.maxAttempts) {
        groups.set(handler, [...(groups.get(handler) ?? []), job]);
      } else {
        waiting.push(job);
      }
    }
    const succeeded: number[] = [];
    const lane = async () => {
      while (waiting.length > 0 && !this.stopping) {
        const job = waiting.shift() as Job;
        try {
          if (await this.runJob(token, job, handlers.get(job.name))) succeeded.push(job.id);
        } catch (error) {
          // Recording the failure failed (database gone): the lease runs out and the job comes back.
          log.error(`Outbox: could not record the outcome of job ${job.id}: ${(error as Error).message}`);
        }
      }
    };
    try {
      await Promise.all([
        ...Array.from({ length: Math.min(config.concurrency, waiting.length) }, lane),
        ...[...groups].map(async ([handler, group]) => {
          try {
            succeeded.push(...(await this.runGroup(token, group, handler)));
          } catch (error) {
            log.error(`Outbox: could not record the outcomes of a ${handler.name} batch: ${(error as Error).message}`);
          }
        }),
      ]);
      if (waiting.length > 0) {
        await store.release(
          token,
          waiting.map((job) => job.id),
          this.now(),
        );
      }
      const completed = await store.complete(token, succeeded, this.now());
      if (completed < succeeded.length) {
        log.warn(
          `Outbox: ${succeeded.length - completed} job(s) finished after another instance took over their lease`,
        );
      }
    } finally {
      clearInterval(heartbeat);
    }
    return jobs.length;
  }

  /** Runs one job; true when it succeeded (recorded with the batch), failures are recorded here. */
  private async runJob(token: string, job: Job, handler: RegisteredHandler | undefined): Promise<boolean> {
    const { store, log } = this.options;
    if (!handler) {
      await store.release(token, [job.id], this.now());
      return false;
    }
    if (job.attempts > job.maxAttempts) {
      // Its instance died during each of the allowed attempts: running it again could crash this one.
      await store.fail(
        token,
        job.id,
        {
          status: 'dead',
          error: `Interrompue ${job.attempts - 1} fois sans se terminer (arrêt brutal de l’instance) : mise de côté.`,
        },
        this.now(),
      );
      log.warn(`Outbox: job ${job.id} (${job.name}) is dead: its instance stopped during every attempt`);
      return false;
    }

    const controller = new AbortController();
    this.running.add(controller);
    const timeout = setTimeout(
      () => controller.abort(new Error(`Délai dépassé : la tâche a duré plus de ${handler.timeoutMs / 1000} s.`)),
      handler.timeoutMs,
    );
    timeout.unref();
    const context = this.contextOf(job, controller.signal);
    try {
      await Promise.race([
        Promise.resolve().then(() => handler.run(job.payload, context)),
        new Promise<never>((_resolve, reject) => {
          controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
        }),
      ]);
      return true;
    } catch (error) {
      await this.recordFailure(token, job, error);
      return false;
    } finally {
      clearTimeout(timeout);
      this.running.delete(controller);
    }
  }

  /** Runs jobs of one kind through its batch handler; answers the ids of those that succeeded. */
  private async runGroup(token: string, jobs: Job[], handler: RegisteredHandler): Promise<number[]> {
    const batch = handler.batch as NonNullable<RegisteredHandler['batch']>;
    const controller = new AbortController();
    this.running.add(controller);
    const timeout = setTimeout(
      () => controller.abort(new Error(`Délai dépassé : le lot a duré plus de ${handler.timeoutMs / 1000} s.`)),
      handler.timeoutMs,
    );
    timeout.unref();
    let outcomes: unknown[];
    try {
      const items: BatchItem[] = jobs.map((job) => ({
        payload: job.payload,
        context: this.contextOf(job, controller.signal),
      }));
      outcomes = await Promise.race([
        Promise.resolve().then(() => batch(items)),
        new Promise<never>((_resolve, reject) => {
          controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
        }),
      ]);
    } catch (error) {
      outcomes = jobs.map(() => error);
    } finally {
      clearTimeout(timeout);
      this.running.delete(controller);
    }
    const succeeded: number[] = [];
    for (const [index, job] of jobs.entries()) {
      const outcome = index < outcomes.length ? outcomes[index] : new Error('Aucun résultat pour cette tâche du lot.');
      if (outcome === null || outcome === undefined) succeeded.push(job.id);
      else await this.recordFailure(token, job, outcome);
    }
    return succeeded;
  }

  private contextOf(job: Job, signal: AbortSignal): JobContext {
    return {
      jobId: job.id,
      name: job.name,
      attempt: job.attempts,
      maxAttempts: job.maxAttempts,
      centre: job.centre,
      idempotencyKey: job.idempotencyKey,
      runAt: new Date(job.runAt),
      expiresAt: job.expiresAt === null ? null : new Date(job.expiresAt),
      signal,
      permanent: (message: string) => new PermanentJobError(message),
    };
  }

  /** A failed run: dead when permanent or out of attempts, otherwise retried after its back-off. */
  private async recordFailure(token: string, job: Job, error: unknown): Promise<void> {
    const { store, log, config } = this.options;
    const message = describeFailure(error);
    const now = this.now();
    if (isPermanent(error) || job.attempts >= job.maxAttempts) {
      await store.fail(token, job.id, { status: 'dead', error: message }, now);
      log.warn(
        `Outbox: job ${job.id} (${job.name}) is dead after ${job.attempts} attempt(s)` +
          `${isPermanent(error) ? ' (permanent error)' : ''}; see Socle › File d’attente`,
      );
      return;
    }
    const backoff = retryDelaySeconds(
      job.attempts,
      { baseSeconds: config.retryBaseSeconds, maxSeconds: config.retryMaxSeconds },
      this.random,
    );
    // A time asked by the handler wins, kept between one second and the longest back-off.
    const asked = requestedRetryAt(error);
    const wait = asked === null ? backoff : Math.min(Math.max((asked - now) / 1000, 1), config.retryMaxSeconds);
    await store.fail(
      token,
      job.id,
      { status: 'retrying', retryAt: now + Math.round(wait * 1000), error: message },
      now,
    );
    log.debug(`Outbox: job ${job.id} (${job.name}) failed attempt ${job.attempts}, next in ${Math.round(wait)} s`);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
