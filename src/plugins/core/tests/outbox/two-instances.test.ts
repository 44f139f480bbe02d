import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../../../tests/harness/database';
import { waitFor } from './helpers';
import { startInstance, type Instance } from './instances';

/**
 * Two real Strapi processes on one PostgreSQL database: jobs run once across both, and a
 * `kill -9` in the middle of a batch loses nothing. SQLite is one process by design, so these
 * run on PostgreSQL only.
 */
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const describeOnPostgres = onPostgres ? describe : describe.skip;
if (!onPostgres) {
  console.info(
    'two-instances.test.ts skipped: two processes need PostgreSQL (SQLite is single-process); ' +
      'run it with TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test',
  );
}

const INSTANCE_ENV = {
  OUTBOX_POLL_INTERVAL_MS: '100',
  OUTBOX_BATCH_SIZE: '10',
  OUTBOX_CONCURRENCY: '5',
  OUTBOX_LEASE_SECONDS: '3',
};

describeOnPostgres('two instances on one PostgreSQL database (PostgreSQL only)', () => {
  let database: TestDatabase;
  let sql: Client;
  let a: Instance;
  let b: Instance;

  const statusCounts = async (name: string) => {
    const { rows } = await sql.query(
      'select status, count(*)::int as n from core_jobs where name = $1 group by status',
      [name],
    );
    return Object.fromEntries(rows.map((row: { status: string; n: number }) => [row.status, row.n]));
  };
  const runsOf = async (name: string) =>
    (
      await sql.query(
        `select r.job_id, r.worker, r.attempt from test_runs r join core_jobs j on j.id = r.job_id
         where j.name = $1 order by r.id`,
        [name],
      )
    ).rows as { job_id: number; worker: string; attempt: number }[];

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = { ...database.env, ...INSTANCE_ENV };
    // One after the other: two instances syncing a new schema at once race in Strapi itself.
    a = await startInstance(env);
    b = await startInstance(env);
    sql = new Client({ connectionString: database.env.DATABASE_URL });
    await sql.connect();
    await sql.query(
      'create table test_runs (id serial primary key, job_id int not null, worker text not null, attempt int not null)',
    );
  }, 300000);

  afterAll(async () => {
    await sql?.end();
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
  }, 120000);

  it('runs every job of a batch exactly once across both instances', async () => {
    const JOBS = 300;
    expect(await a.request('enqueue', { name: 'test.record', count: JOBS })).toMatchObject({ created: JOBS });
    // Both take the handler at the same moment, so that they compete for the same jobs.
    await Promise.all([a, b].map((instance) => instance.request('handle', { name: 'test.record', record: 'table' })));
    await waitFor(async () => (await statusCounts('test.record')).done === JOBS, `${JOBS} jobs done`, 120000);

    const runs = await runsOf('test.record');
    expect(runs).toHaveLength(JOBS);
    expect(new Set(runs.map((run) => run.job_id)).size).toBe(JOBS);
    expect(runs.every((run) => run.attempt === 1)).toBe(true);
    // Both took part: the claims really competed.
    expect(new Set(runs.map((run) => run.worker))).toEqual(new Set([a.workerId, b.workerId]));
  });

  it('creates one job per schedule slot although both instances schedule it', async () => {
    const schedule = { name: 'test.every-hour', job: 'test.unhandled', every: 'hour', minute: 0 };
    const [fromA, fromB] = await Promise.all(
      [a, b].map((instance) =>
        instance.request<{ results: { schedule: string; id: number }[] }>('schedule', { schedule }),
      ),
    );
    const { rows } = await sql.query(
      "select id from core_jobs where idempotency_key like 'schedule:test.every-hour:%'",
    );
    expect(rows).toHaveLength(1);
    for (const results of [fromA.results, fromB.results]) {
      const mine = results.filter((result) => result.schedule === 'test.every-hour');
      expect(mine.every((result) => result.id === rows[0].id)).toBe(true);
    }
  });

  it('loses nothing when one instance is killed with kill -9 in the middle of a batch', async () => {
    const JOBS = 200;
    await a.request('enqueue', { name: 'test.slow', count: JOBS });
    await Promise.all(
      [a, b].map((instance) => instance.request('handle', { name: 'test.slow', record: 'table', delayMs: 30 })),
    );
    // Let A work a little, then freeze it after its next run: it dies holding a claimed batch,
    // with work done but not yet recorded as done (the worst moment).
    await waitFor(
      async () => (await runsOf('test.slow')).filter((run) => run.worker === a.workerId).length >= 10,
      'instance A to run some jobs',
    );
    await a.request('hang', { when: 'after' });
    await waitFor(async () => a.events.some((event) => event.type === 'hanging'), 'instance A to be mid-batch');
    await a.kill();

    const { rows: held } = await sql.query(
      "select id, attempts from core_jobs where name = 'test.slow' and status = 'running' and locked_by like $1",
      [`${a.workerId}#%`],
    );
    expect(held.length).toBeGreaterThan(0);

    await waitFor(async () => (await statusCounts('test.slow')).done === JOBS, `${JOBS} jobs done`, 120000);
    expect(await statusCounts('test.slow')).toEqual({ done: JOBS });

    const runs = await runsOf('test.slow');
    const byJob = new Map<number, { worker: string; attempt: number }[]>();
    for (const { job_id: jobId, worker, attempt } of runs) {
      byJob.set(jobId, [...(byJob.get(jobId) ?? []), { worker, attempt }]);
    }
    // Every job ran to the end at least once.
    expect(byJob.size).toBe(JOBS);
    // What A held when it died was finished by B, told it is a later attempt.
    for (const job of held as { id: number }[]) {
      const byB = byJob.get(job.id)?.filter((run) => run.worker === b.workerId) ?? [];
      expect([job.id, byB.length]).toEqual([job.id, 1]);
      expect(byB[0].attempt).toBeGreaterThanOrEqual(2);
    }
    // Nothing else ran twice, and no attempt ran twice.
    const heldIds = new Set((held as { id: number }[]).map((job) => job.id));
    for (const [jobId, jobRuns] of byJob) {
      if (!heldIds.has(jobId)) expect([jobId, jobRuns.length]).toEqual([jobId, 1]);
      expect(new Set(jobRuns.map((run) => run.attempt)).size).toBe(jobRuns.length);
    }
  });
});
