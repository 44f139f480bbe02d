import { startTestApp, type TestApp } from '../../../../../tests/harness/strapi';
import { createStaff, type StaffAccount } from '../../../../../tests/harness/admin';
import { ACTIONS } from '../../shared/permissions';
import type { JobContext } from '../../server/src/outbox/types';
import type { OutboxService } from '../../server/src/outbox/service';
import { RetryLaterError } from '../../server/src/outbox/errors';
import { jobRow, waitFor, waitForStatus } from './helpers';

const STAFF_ROLE = 'Équipe du centre';
const HOUR = 3600000;

let app: TestApp;
let outbox: OutboxService;
let oliviers: number;
let tilleuls: number;
let superAdmin: StaffAccount;
let accueilOliviers: StaffAccount;
let lecteur: StaffAccount;
let editor: StaffAccount;

interface Run {
  jobId: number;
  attempt: number;
  centre: number | null;
  payload: unknown;
  runAt: number;
  startedAt: number;
}
const runs: Run[] = [];
const runsOf = (jobId: number) => runs.filter((run) => run.jobId === jobId);
let brokenShouldFail = true;
/** The refs of each call of the batch handler, in order. */
const batchCalls: string[][] = [];

const as = (account: StaffAccount) => ({ Authorization: `Bearer ${account.token}` });
const record = (payload: unknown, ctx: JobContext) => {
  runs.push({
    jobId: ctx.jobId,
    attempt: ctx.attempt,
    centre: ctx.centre,
    payload,
    runAt: ctx.runAt.getTime(),
    startedAt: Date.now(),
  });
};

async function roleWith(name: string, actions: string[]) {
  const roles = app.strapi.service('admin::role');
  const role = await roles.create({ name, description: name });
  await roles.assignPermissions(
    role.id,
    actions.map((action) => ({ action, subject: null, properties: {}, conditions: [] })),
  );
}

beforeAll(async () => {
  app = await startTestApp({
    OUTBOX_POLL_INTERVAL_MS: '100',
    OUTBOX_MAX_ATTEMPTS: '3',
    OUTBOX_RETRY_BASE_SECONDS: '1',
    OUTBOX_RETRY_MAX_SECONDS: '2',
  });
  outbox = app.strapi.plugin('core').service('outbox') as OutboxService;
  const centres = app.strapi.documents('plugin::core.centre');
  oliviers = (await centres.create({ data: { name: 'Centre social des Oliviers', slug: 'oliviers' } })).id as number;
  tilleuls = (await centres.create({ data: { name: 'Centre social des Tilleuls', slug: 'tilleuls' } })).id as number;
  await roleWith('Lecture des tâches', [ACTIONS.readOutbox]);
  superAdmin = await createStaff(app, 'direction@federation.fr', ['super-admin']);
  accueilOliviers = await createStaff(app, 'accueil@oliviers.fr', [STAFF_ROLE]);
  lecteur = await createStaff(app, 'lecture@federation.fr', ['Lecture des tâches']);
  editor = await createStaff(app, 'redaction@federation.fr', ['Editor']);
  await app.strapi.db
    .query('plugin::core.centre')
    .update({ where: { id: oliviers }, data: { staff: [accueilOliviers.id] } });

  // Test-only handlers, registered by the test itself on the running app.
  outbox.handle('test.echo', record, { label: 'Essai', publicFields: ['ref'] });
  outbox.handle('test.flaky', (payload, ctx) => {
    record(payload, ctx);
    if (ctx.attempt === 1) throw new Error('Service SMS indisponible pour le 06 12 34 56 78 (lea.martin@example.org)');
  });
  outbox.handle(
    'test.broken',
    (payload, ctx) => {
      record(payload, ctx);
      if (brokenShouldFail) throw new Error('Le prestataire refuse la demande');
    },
    { label: 'Tâche en panne' },
  );
  outbox.handle('test.later', (payload, ctx) => {
    record(payload, ctx);
    if (ctx.attempt === 1) throw new RetryLaterError('Un autre envoi est en cours', new Date(Date.now() + 1500));
  });
  outbox.handle(
    'test.batch',
    () => {
      throw new Error('A batch kind is never run one job at a time');
    },
    {
      batch: async (items) => {
        batchCalls.push(items.map((item) => (item.payload as { ref: string }).ref));
        return items.map(({ payload, context }) => {
          const { ref } = payload as { ref: string };
          if (ref.startsWith('permanent')) return context.permanent('Ce rappel n’existe plus');
          if (ref.startsWith('flaky') && context.attempt === 1) return new Error('OVH indisponible');
          return null;
        });
      },
    },
  );
  outbox.handle('test.permanent', (payload, ctx) => {
    record(payload, ctx);
    throw ctx.permanent('Le rappel a été supprimé entre-temps');
  });
});

afterAll(async () => {
  await app?.stop();
});

describe('running jobs', () => {
  it('runs an enqueued job once, with its payload, attempt number and centre', async () => {
    const job = await outbox.enqueue('test.echo', { ref: 'r1' }, { centre: oliviers });
    expect(job).toMatchObject({ name: 'test.echo', status: 'pending', created: true });
    const done = await waitForStatus(app.strapi, job.id, 'done');
    expect(done.attempts).toBe(1);
    expect(runsOf(job.id)).toEqual([
      expect.objectContaining({ jobId: job.id, attempt: 1, centre: oliviers, payload: { ref: 'r1' } }),
    ]);
  });

  it('leaves a job alone until its run time', async () => {
    const later = await outbox.enqueue('test.echo', { ref: 'later' }, { runAt: new Date(Date.now() + HOUR) });
    const now = await outbox.enqueue('test.echo', { ref: 'now' });
    await waitForStatus(app.strapi, now.id, 'done');
    expect((await jobRow(app.strapi, later.id)).status).toBe('pending');
    expect(runsOf(later.id)).toEqual([]);
  });

  it('never creates the same job twice: the key returns the existing job', async () => {
    const first = await outbox.enqueue('test.echo', { ref: 'k' }, { idempotencyKey: 'test:once' });
    const again = await Promise.all(
      [1, 2, 3].map(() => outbox.enqueue('test.echo', { ref: 'k-bis' }, { idempotencyKey: 'test:once' })),
    );
    expect(again.map((job) => [job.id, job.created])).toEqual([
      [first.id, false],
      [first.id, false],
      [first.id, false],
    ]);
    await waitForStatus(app.strapi, first.id, 'done');
    const afterRun = await outbox.enqueue('test.echo', { ref: 'k-ter' }, { idempotencyKey: 'test:once' });
    expect(afterRun).toMatchObject({ id: first.id, created: false, status: 'done' });
    const [{ n }] = await app.strapi.db
      .connection('core_jobs')
      .where({ idempotency_key: 'test:once' })
      .count({ n: '*' });
    expect(Number(n)).toBe(1);
    expect(runsOf(first.id)).toHaveLength(1);
  });

  it('enqueues many jobs at once, skipping the keys already used', async () => {
    const result = await outbox.enqueueMany(
      'test.echo',
      ['a', 'b', 'a', 'c'].map((ref) => ({ payload: { ref }, idempotencyKey: `test:many:${ref}` })),
    );
    expect(result).toEqual({ created: 3, existing: 1 });
    const rows = await app.strapi.db.connection('core_jobs').where('idempotency_key', 'like', 'test:many:%');
    expect(rows).toHaveLength(3);
    for (const row of rows) await waitForStatus(app.strapi, row.id, 'done');
  });

  it('refuses a job name or payload the outbox cannot keep', async () => {
    await expect(outbox.enqueue('Pas un nom', {})).rejects.toThrow('must look like <plugin>.<what>');
    await expect(outbox.enqueue('test.echo', { big: 'x'.repeat(70000) })).rejects.toThrow('larger than 64 KB');
    await expect(
      outbox.enqueue('test.echo', {}, { runAt: new Date(), expiresAt: new Date(Date.now() - HOUR) }),
    ).rejects.toThrow('expiresAt');
  });

  it('enqueues inside the caller’s transaction: a rolled-back transaction leaves no job', async () => {
    await expect(
      app.strapi.db.transaction(async () => {
        await outbox.enqueue('test.echo', { ref: 'rolled-back' }, { idempotencyKey: 'test:rolled-back' });
        throw new Error('the surrounding work failed');
      }),
    ).rejects.toThrow('the surrounding work failed');
    expect(await app.strapi.db.connection('core_jobs').where({ idempotency_key: 'test:rolled-back' })).toEqual([]);
  });
});

describe('batch handlers', () => {
  it('hands the due jobs of a kind together, and records each one’s own outcome', async () => {
    const runAt = new Date(Date.now() + 1000);
    // Due at the same instant: one claim takes them all.
    const [ok1, flaky, permanent, ok2] = await Promise.all(
      ['ok-1', 'flaky-1', 'permanent-1', 'ok-2'].map((ref) => outbox.enqueue('test.batch', { ref }, { runAt })),
    );
    expect((await waitForStatus(app.strapi, ok1.id, 'done')).attempts).toBe(1);
    expect((await waitForStatus(app.strapi, ok2.id, 'done')).attempts).toBe(1);
    // Only the failed one runs again, after its back-off; the permanent one never does.
    expect((await waitForStatus(app.strapi, flaky.id, 'done')).attempts).toBe(2);
    const dead = await waitForStatus(app.strapi, permanent.id, 'dead');
    expect(dead).toMatchObject({ attempts: 1, last_error: 'Ce rappel n’existe plus' });
    expect(batchCalls[0]).toEqual(expect.arrayContaining(['ok-1', 'flaky-1', 'permanent-1', 'ok-2']));
    expect(batchCalls.slice(1).flat()).toEqual(['flaky-1']);
  });
});

describe('failures, back-off, expiry and leases', () => {
  it('retries a failed job after a back-off, masking contact details in the error kept', async () => {
    const job = await outbox.enqueue('test.flaky', { ref: 'flaky' });
    const done = await waitForStatus(app.strapi, job.id, 'done');
    expect(done.attempts).toBe(2);
    const [first, second] = runsOf(job.id);
    expect([first.attempt, second.attempt]).toEqual([1, 2]);
    // The retry was planned for later (base 1 s: at least half of it after the failure; the exact
    // range is the back-off unit test's business), and did not start before that time.
    expect(second.runAt - first.startedAt).toBeGreaterThanOrEqual(500);
    expect(second.startedAt).toBeGreaterThanOrEqual(second.runAt);
    expect(done.last_error).toContain('Service SMS indisponible');
    expect(done.last_error).toContain('[numéro masqué]');
    expect(done.last_error).not.toContain('06 12');
    expect(done.last_error).not.toContain('lea.martin');
  });

  it('retries when the handler asks, rather than after the back-off', async () => {
    const job = await outbox.enqueue('test.later', { ref: 'later' });
    const done = await waitForStatus(app.strapi, job.id, 'done');
    expect(done.attempts).toBe(2);
    const [first, second] = runsOf(job.id);
    // The back-off would have brought it back within a second; it was asked for 1.5 s.
    expect(second.runAt - first.startedAt).toBeGreaterThanOrEqual(1400);
    expect(second.startedAt).toBeGreaterThanOrEqual(second.runAt);
    expect(done.last_error).toBe('RetryLaterError: Un autre envoi est en cours');
  });

  it('sets a job aside as dead after the last attempt, with the last error', async () => {
    const job = await outbox.enqueue('test.broken', { ref: 'broken' }, { centre: tilleuls });
    const dead = await waitForStatus(app.strapi, job.id, 'dead');
    expect(dead).toMatchObject({ attempts: 3, max_attempts: 3, last_error: 'Le prestataire refuse la demande' });
    expect(runsOf(job.id).map((run) => run.attempt)).toEqual([1, 2, 3]);
  });

  it('sends a job whose handler throws a permanent error straight to dead', async () => {
    const job = await outbox.enqueue('test.permanent', { ref: 'gone' }, { centre: oliviers });
    const dead = await waitForStatus(app.strapi, job.id, 'dead');
    expect(dead.attempts).toBe(1);
    expect(dead.last_error).toBe('Le rappel a été supprimé entre-temps');
    expect(runsOf(job.id)).toHaveLength(1);
  });

  it('sets aside, without running it, a job whose expiry passed', async () => {
    const job = await outbox.enqueue(
      'test.echo',
      { ref: 'too-late' },
      { runAt: new Date(Date.now() - 2 * HOUR), expiresAt: new Date(Date.now() - HOUR) },
    );
    await waitForStatus(app.strapi, job.id, 'expired');
    expect(runsOf(job.id)).toEqual([]);
  });

  it('takes again, with the next attempt number, a job whose worker died holding it', async () => {
    const now = Date.now();
    const [{ id }] = await app.strapi.db
      .connection('core_jobs')
      .insert({
        name: 'test.echo',
        payload: JSON.stringify({ ref: 'orphan' }),
        status: 'running',
        run_at: now - 60000,
        attempts: 1,
        max_attempts: 3,
        locked_by: 'crashed-host#4242#abcdef#1',
        locked_until: now - 1000,
        created_at: now - 60000,
        updated_at: now - 60000,
      })
      .returning('id');
    const done = await waitForStatus(app.strapi, id, 'done');
    expect(done.attempts).toBe(2);
    expect(done.locked_by).toContain(outbox.workerId());
    expect(runsOf(id).map((run) => run.attempt)).toEqual([2]);
  });

  it('sets aside a job whose worker died during every allowed attempt', async () => {
    const now = Date.now();
    const [{ id }] = await app.strapi.db
      .connection('core_jobs')
      .insert({
        name: 'test.echo',
        payload: JSON.stringify({ ref: 'poison' }),
        status: 'running',
        run_at: now - 60000,
        attempts: 3,
        max_attempts: 3,
        locked_by: 'crashed-host#4242#abcdef#2',
        locked_until: now - 1000,
        created_at: now - 60000,
        updated_at: now - 60000,
      })
      .returning('id');
    const dead = await waitForStatus(app.strapi, id, 'dead');
    expect(dead.last_error).toContain('Interrompue 3 fois');
    expect(runsOf(id)).toEqual([]);
  });
});

describe('stopping an instance', () => {
  it('finishes the jobs it started, gives back those it had not started, and resumes', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const started: number[] = [];
    outbox.handle('test.gated', async (payload, ctx) => {
      started.push(ctx.jobId);
      await gate;
      record(payload, ctx);
    });
    // Default concurrency: 10 at a time out of one batch of 12.
    await outbox.enqueueMany(
      'test.gated',
      Array.from({ length: 12 }, (_, index) => ({ payload: { index } })),
    );
    await waitFor(async () => started.length === 10, '10 gated jobs to start');
    const stopping = outbox.stop();
    release();
    await stopping;
    const rows = await app.strapi.db.connection('core_jobs').where({ name: 'test.gated' }).orderBy('id');
    expect(
      rows
        .filter((row: { status: string }) => row.status === 'done')
        .map((row: { id: number }) => row.id)
        .sort(),
    ).toEqual([...started].sort());
    const givenBack = rows.filter((row: { status: string }) => row.status !== 'done');
    expect(
      givenBack.map((row: { status: string; attempts: number; locked_by: string | null }) => [
        row.status,
        row.attempts,
        row.locked_by,
      ]),
    ).toEqual([
      ['pending', 0, null],
      ['pending', 0, null],
    ]);

    outbox.start();
    for (const row of givenBack) {
      await waitForStatus(app.strapi, row.id, 'done');
      expect(runsOf(row.id).map((run) => run.attempt)).toEqual([1]);
    }
  });
});

describe('Socle › File d’attente (admin API)', () => {
  let deadOliviers: number;
  let deadTilleuls: number;
  let deadNoCentre: number;

  beforeAll(async () => {
    brokenShouldFail = true;
    deadOliviers = (await outbox.enqueue('test.permanent', { ref: 'o', phone: '0612345678' }, { centre: oliviers })).id;
    deadTilleuls = (await outbox.enqueue('test.permanent', { ref: 't' }, { centre: tilleuls })).id;
    deadNoCentre = (await outbox.enqueue('test.permanent', { ref: 'n' })).id;
    for (const id of [deadOliviers, deadTilleuls, deadNoCentre]) await waitForStatus(app.strapi, id, 'dead');
  });

  it('counts jobs per status, as stored', async () => {
    const { body } = await app.http().get('/core/outbox/summary').set(as(superAdmin)).expect(200);
    const rows = await app.strapi.db.connection('core_jobs').select('status');
    const expected: Record<string, number> = {};
    for (const row of rows) expected[row.status] = (expected[row.status] ?? 0) + 1;
    for (const [status, count] of Object.entries(body.counts))
      expect([status, count]).toEqual([status, expected[status] ?? 0]);
    expect(body.counts.dead).toBeGreaterThanOrEqual(3);
    expect(body.names).toEqual(expect.arrayContaining([{ name: 'test.echo', label: 'Essai' }]));
    expect(body.worker).toBe(true);
  });

  it('lists jobs filtered by status and name, page by page', async () => {
    const { body } = await app
      .http()
      .get('/core/outbox/jobs?status=dead&name=test.permanent&pageSize=2')
      .set(as(superAdmin))
      .expect(200);
    expect(body.results).toHaveLength(2);
    expect(body.results.every((job: { status: string; name: string }) => job.status === 'dead')).toBe(true);
    expect(body.pagination).toMatchObject({ page: 1, pageSize: 2 });
    expect(body.pagination.total).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(body)).not.toContain('payload');
  });

  it('shows a job’s last error and only the fields its handler declared non-personal', async () => {
    const echo = await outbox.enqueue('test.echo', { ref: 'visible', phone: '0612345678' }, { centre: oliviers });
    await waitForStatus(app.strapi, echo.id, 'done');
    const { body } = await app.http().get(`/core/outbox/jobs/${echo.id}`).set(as(superAdmin)).expect(200);
    expect(body).toMatchObject({
      id: echo.id,
      name: 'test.echo',
      label: 'Essai',
      status: 'done',
      attempts: 1,
      centre: { id: oliviers, name: 'Centre social des Oliviers' },
      fields: { ref: 'visible' },
    });
    expect(JSON.stringify(body)).not.toContain('0612345678');
    const dead = await app.http().get(`/core/outbox/jobs/${deadOliviers}`).set(as(superAdmin)).expect(200);
    expect(dead.body).toMatchObject({
      status: 'dead',
      lastError: 'Le rappel a été supprimé entre-temps',
    });
    expect(JSON.stringify(dead.body)).not.toContain('0612345678');
  });

  it('retries a dead job: it runs again from its first attempt, and the retry is audited', async () => {
    const job = await outbox.enqueue('test.broken', { ref: 'to-retry' }, { centre: oliviers });
    await waitForStatus(app.strapi, job.id, 'dead');
    brokenShouldFail = false;
    const { body } = await app.http().post(`/core/outbox/jobs/${job.id}/retry`).set(as(superAdmin)).expect(200);
    expect(body.attempts).toBe(0);
    const done = await waitForStatus(app.strapi, job.id, 'done');
    expect(done.attempts).toBe(1);
    expect(runsOf(job.id).map((run) => run.attempt)).toEqual([1, 2, 3, 1]);
    const audit = await app.http().get('/core/audit?action=outbox.retry').set(as(superAdmin)).expect(200);
    expect(audit.body.results[0]).toMatchObject({
      action: 'outbox.retry',
      subject: { uid: 'core.job', id: String(job.id) },
      centre: { id: oliviers },
      details: { name: 'test.broken', attempts: 3 },
    });
  });

  it('discards a dead job: it stays, discarded, and is never run again', async () => {
    const { body } = await app.http().post(`/core/outbox/jobs/${deadTilleuls}/discard`).set(as(superAdmin)).expect(200);
    expect(body.status).toBe('discarded');
    const again = await app.http().post(`/core/outbox/jobs/${deadTilleuls}/retry`).set(as(superAdmin));
    expect(again.status).toBe(400);
    expect(again.body.error.message).toBe('Seule une tâche en échec définitif peut être relancée.');
    const audit = await app.http().get('/core/audit?action=outbox.discard').set(as(superAdmin)).expect(200);
    expect(audit.body.results[0]).toMatchObject({ subject: { id: String(deadTilleuls) } });
  });

  it('refuses to retry a dead job whose expiry has passed', async () => {
    const now = Date.now();
    const [{ id }] = await app.strapi.db
      .connection('core_jobs')
      .insert({
        name: 'test.echo',
        payload: '{}',
        status: 'dead',
        run_at: now - 3 * HOUR,
        expires_at: now - HOUR,
        attempts: 3,
        max_attempts: 3,
        last_error: 'Le prestataire refuse la demande',
        created_at: now - 3 * HOUR,
        updated_at: now - 2 * HOUR,
        finished_at: now - 2 * HOUR,
      })
      .returning('id');
    const response = await app.http().post(`/core/outbox/jobs/${id}/retry`).set(as(superAdmin));
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/^Cette tâche a expiré le .* : il est trop tard pour la relancer\.$/);
    expect((await jobRow(app.strapi, id)).status).toBe('dead');
  });

  it.each([
    ['/core/outbox/jobs?status=perdue', 'status', 'Statut inconnu.'],
    ['/core/outbox/jobs?pageSize=1000', 'pageSize', '100 lignes par page au plus.'],
    ['/core/outbox/jobs?page=abc', 'page', 'Le numéro de page est un nombre.'],
    ["/core/outbox/jobs?name=x';drop table core_jobs;--", 'name', 'Nom de tâche inconnu.'],
    ['/core/outbox/jobs?sort=id', '', 'Paramètre inconnu : sort.'],
    ['/core/outbox/jobs/abc', 'id', 'Le numéro de tâche est un nombre.'],
    ['/core/outbox/jobs/-4', 'id', 'Le numéro de tâche est un nombre positif.'],
  ])('refuses %s with a French message', async (url, field, message) => {
    const response = await app.http().get(url).set(as(superAdmin));
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors).toEqual([
      expect.objectContaining({ path: field ? [field] : [], message }),
    ]);
  });

  it('answers 404 for a job that does not exist', async () => {
    const response = await app.http().get('/core/outbox/jobs/999999').set(as(superAdmin));
    expect(response.status).toBe(404);
    expect(response.body.error.message).toBe('Cette tâche n’existe pas, ou elle ne concerne pas vos centres.');
  });

  it('refuses every outbox route to a role without the outbox permissions', async () => {
    for (const url of ['/core/outbox/summary', '/core/outbox/jobs', `/core/outbox/jobs/${deadOliviers}`]) {
      expect([url, (await app.http().get(url).set(as(editor))).status]).toEqual([url, 403]);
    }
    for (const action of ['retry', 'discard']) {
      const response = await app.http().post(`/core/outbox/jobs/${deadOliviers}/${action}`).set(as(editor));
      expect([action, response.status]).toEqual([action, 403]);
    }
    expect((await app.http().get('/core/outbox/jobs')).status).toBe(401);
  });

  it('lets a reader read but not retry or discard', async () => {
    await app.http().get('/core/outbox/jobs').set(as(lecteur)).expect(200);
    for (const action of ['retry', 'discard']) {
      const response = await app.http().post(`/core/outbox/jobs/${deadOliviers}/${action}`).set(as(lecteur));
      expect([action, response.status]).toEqual([action, 403]);
    }
    expect((await jobRow(app.strapi, deadOliviers)).status).toBe('dead');
  });

  it('shows a centre’s team only its centre’s jobs, never those of other centres nor centre-less ones', async () => {
    const { body } = await app.http().get('/core/outbox/jobs?pageSize=100').set(as(accueilOliviers)).expect(200);
    expect(body.results.length).toBeGreaterThan(0);
    expect(body.results.every((job: { centre: { id: number } | null }) => job.centre?.id === oliviers)).toBe(true);
    const [{ n }] = await app.strapi.db.connection('core_jobs').where({ centre_id: oliviers }).count({ n: '*' });
    expect(body.pagination.total).toBe(Number(n));
    const summary = await app.http().get('/core/outbox/summary').set(as(accueilOliviers)).expect(200);
    const counted = Object.values(summary.body.counts as Record<string, number>).reduce((sum, count) => sum + count, 0);
    expect(counted).toBe(Number(n));
    for (const id of [deadTilleuls, deadNoCentre]) {
      expect((await app.http().get(`/core/outbox/jobs/${id}`).set(as(accueilOliviers))).status).toBe(404);
    }
    await app.http().get(`/core/outbox/jobs/${deadOliviers}`).set(as(accueilOliviers)).expect(200);
  });
});

describe('recurring schedules', () => {
  const keysOf = async (schedule: string) =>
    (
      await app.strapi.db
        .connection('core_jobs')
        // Slots of 2020 only: registering a schedule also enqueues the slot of the real clock.
        .where('idempotency_key', 'like', `schedule:${schedule}:2020-%`)
        .orderBy('idempotency_key')
    ).map((row: { idempotency_key: string; run_at: string | number; expires_at: string | number }) => ({
      key: row.idempotency_key,
      runAt: new Date(Number(row.run_at)).toISOString(),
      expiresAt: new Date(Number(row.expires_at)).toISOString(),
    }));

  it('creates one job per hourly slot, however many times and instances ask', async () => {
    outbox.schedule({ name: 'test.hourly', job: 'test.echo', every: 'hour', minute: 15, payload: { ref: 'hourly' } });
    const at = new Date('2020-03-10T10:20:00Z');
    const results = await Promise.all([outbox.runSchedules(at), outbox.runSchedules(at), outbox.runSchedules(at)]);
    const created = results.flat().filter((result) => result.schedule === 'test.hourly');
    expect(new Set(created.map((result) => result.id)).size).toBe(1);
    await outbox.runSchedules(new Date('2020-03-10T10:59:00Z'));
    await outbox.runSchedules(new Date('2020-03-10T11:16:00Z'));
    expect(await keysOf('test.hourly')).toEqual([
      {
        key: 'schedule:test.hourly:2020-03-10T10:15Z',
        runAt: '2020-03-10T10:15:00.000Z',
        expiresAt: '2020-03-10T11:15:00.000Z',
      },
      {
        key: 'schedule:test.hourly:2020-03-10T11:15Z',
        runAt: '2020-03-10T11:15:00.000Z',
        expiresAt: '2020-03-10T12:15:00.000Z',
      },
    ]);
  });

  it('creates one job per day at a Paris time, summer and winter', async () => {
    outbox.schedule({ name: 'test.daily', job: 'test.echo', every: 'day', at: '07:45' });
    await outbox.runSchedules(new Date('2020-07-01T05:00:00Z')); // 07:00 in Paris: yesterday's slot
    await outbox.runSchedules(new Date('2020-07-01T05:50:00Z')); // 07:50 in Paris
    await outbox.runSchedules(new Date('2020-07-01T21:00:00Z'));
    await outbox.runSchedules(new Date('2020-12-01T06:50:00Z')); // 07:50 in Paris, winter time
    expect(await keysOf('test.daily')).toEqual([
      {
        key: 'schedule:test.daily:2020-06-30',
        runAt: '2020-06-30T05:45:00.000Z',
        expiresAt: '2020-07-01T05:45:00.000Z',
      },
      {
        key: 'schedule:test.daily:2020-07-01',
        runAt: '2020-07-01T05:45:00.000Z',
        expiresAt: '2020-07-02T05:45:00.000Z',
      },
      {
        key: 'schedule:test.daily:2020-12-01',
        runAt: '2020-12-01T06:45:00.000Z',
        expiresAt: '2020-12-02T06:45:00.000Z',
      },
    ]);
  });

  it('schedules the nightly retention of core', async () => {
    const [job] = await app.strapi.db
      .connection('core_jobs')
      .where('idempotency_key', 'like', 'schedule:core.retention:%');
    expect(job).toMatchObject({ name: 'core.retention' });
    expect(Number(job.expires_at) - Number(job.run_at)).toBeGreaterThanOrEqual(23 * HOUR);
  });
});

describe('retention', () => {
  it('deletes audit entries and finished jobs past their time, keeps the rest, and audits each rule', async () => {
    const audit = app.strapi.db.query('plugin::core.audit-entry');
    const longAgo = new Date(Date.now() - 1100 * 24 * HOUR);
    const old = await Promise.all(
      ['test.old-1', 'test.old-2'].map((action) =>
        audit.create({ data: { action, actorType: 'system', createdAt: longAgo } }),
      ),
    );
    const recent = await audit.create({ data: { action: 'test.recent', actorType: 'system' } });
    const stale = Date.now() - 40 * 24 * HOUR;
    const oldJob = (row: Record<string, unknown>) => ({
      name: 'test.echo',
      payload: '{}',
      run_at: stale,
      attempts: 1,
      max_attempts: 3,
      created_at: stale,
      updated_at: stale,
      finished_at: stale,
      ...row,
    });
    const inserted = await app.strapi.db
      .connection('core_jobs')
      .insert([oldJob({ status: 'done' }), oldJob({ status: 'dead' })])
      .returning('id');
    const [oldDone, oldDead] = inserted.map((row: { id: number }) => row.id);
    expect(await audit.count({ where: { action: { $startsWith: 'test.old' } } })).toBe(2);

    const job = await outbox.enqueue('core.retention', {});
    await waitForStatus(app.strapi, job.id, 'done');

    expect(await audit.count({ where: { id: { $in: old.map((entry: { id: number }) => entry.id) } } })).toBe(0);
    expect(await audit.count({ where: { id: recent.id } })).toBe(1);
    expect(await app.strapi.db.connection('core_jobs').whereIn('id', [oldDone, oldDead]).pluck('status')).toEqual([
      'dead',
    ]);
    const runsAudited = (await audit.findMany({
      where: { action: 'retention.run' },
      orderBy: { id: 'desc' },
    })) as { details: { rule: string; deleted: number; anonymised: number }; actorType: string }[];
    expect(runsAudited.find((entry) => entry.details.rule === 'core.audit-entries')).toMatchObject({
      actorType: 'system',
      details: { rule: 'core.audit-entries', deleted: 2, anonymised: 0 },
    });
    expect(runsAudited.find((entry) => entry.details.rule === 'core.jobs')).toMatchObject({
      details: { rule: 'core.jobs', deleted: 1, anonymised: 0 },
    });
  });

  it('lets a product add its own rule, run with the others', async () => {
    const retention = app.strapi.plugin('core').service('retention') as {
      register(rule: {
        name: string;
        label: string;
        run: (now: Date) => Promise<{ anonymised: number; deleted: number }>;
      }): void;
      runAll(now?: Date): Promise<{ name: string; anonymised: number; deleted: number }[]>;
    };
    const seen: Date[] = [];
    retention.register({
      name: 'test.rule',
      label: 'Règle d’essai',
      run: async (now) => {
        seen.push(now);
        return { anonymised: 4, deleted: 1 };
      },
    });
    const at = new Date('2026-05-01T01:30:00Z');
    const outcomes = await retention.runAll(at);
    // Product plugins loaded in the app (pense-bete…) add rules of their own in between.
    const ours = outcomes.filter((outcome) => /^(core|test)\./.test(outcome.name));
    expect(ours.map((outcome) => outcome.name)).toEqual([
      'core.audit-entries',
      'core.jobs',
      'core.sms-receipts',
      'test.rule',
    ]);
    expect(ours[3]).toMatchObject({ anonymised: 4, deleted: 1 });
    expect(seen).toEqual([at]);
  });
});
