import { startTestApp, type TestApp } from '../../../../tests/harness/strapi';
import { searchThenErase } from '../../../../tests/harness/personal-data';
import { createStaff } from '../../../../tests/harness/admin';
import { waitFor } from '../../core/tests/outbox/helpers';
import { CANDIDATE_UID, EMPLOYER_UID } from '../shared/permissions';
import type { ClockService } from '../server/src/services/clock';
import { MEMBERS_API, candidateBody, employerBody, memberRequest, sessionOf, type Session } from './member-helpers';

/**
 * Candidates' profiles are reminded after `profileStaleDays` without an update and hidden
 * `profileGraceDays` later (defaults 180 and 14), through the real outbox and mail capture with
 * a moved clock; a profile is found and erased through core's personal-data tools.
 */

const CAPTURED = 'plugin::core.captured-email';
const DAY = 24 * 3600 * 1000;
const start = new Date('2026-03-02T09:00:00Z');

let app: TestApp;
let sequence = 0;
let amina: Session;
let employer: Session;
let aminaId: string;
const as = (...args: Parameters<ReturnType<typeof memberRequest>>) => memberRequest(app)(...args);

const clockAt = (instant: Date) => {
  const clock = app.strapi.plugin('emploi').service('clock') as ClockService;
  jest.spyOn(clock, 'now').mockImplementation(() => new Date(instant));
};
/** Months later, members come back and log in again (a session lasts hours). */
async function moveTo(instant: Date): Promise<void> {
  clockAt(instant);
  const logIn = async (email: string) =>
    sessionOf(
      await app.http().post(`${MEMBERS_API}/session`).send({ email, password: 'Un-mot-de-passe-2026' }).expect(200),
    );
  amina = await logIn('amina.benali@example.org');
  employer = await logIn('rh@entrepots-du-canal.example');
}
const jobs = () => app.strapi.db.connection('core_jobs');

/** Runs the morning job through the outbox, as its schedule does, and waits for the reminders it planned. */
async function runProfileExpiry(): Promise<void> {
  const key = `test:emploi-profile-expiry:${(sequence += 1)}`;
  await app.strapi.plugin('core').service('outbox').enqueue('emploi.profile-expiry', {}, { idempotencyKey: key });
  await waitFor(async () => {
    const busy = await jobs()
      .where('name', 'like', 'emploi.profile-%')
      .whereIn('status', ['pending', 'running', 'retrying'])
      .count({ count: '*' })
      .first();
    return Number(busy?.count ?? 0) === 0;
  }, 'profile expiry job and its reminders');
  expect(await jobs().where('name', 'like', 'emploi.%').andWhere({ status: 'dead' }).select('name')).toEqual([]);
}

const reminders = async () =>
  (await app.strapi.db.query(CAPTURED).findMany({
    where: { to: 'amina.benali@example.org', subject: { $contains: 'toujours à jour' } },
  })) as { subject: string; text: string }[];

const seenByEmployer = async () =>
  ((await as(employer, 'get', '/candidates').expect(200)).body.data as { id: string }[]).map((row) => row.id);

beforeAll(async () => {
  app = await startTestApp({ EMAIL_MODE: 'capture' });
  clockAt(start);
  await app.strapi
    .documents('plugin::core.centre')
    .create({ data: { name: 'Centre social des Oliviers', slug: 'oliviers' } });
  const signedUp = await app.http().post(`${MEMBERS_API}/candidates/sign-up`).send(candidateBody()).expect(201);
  amina = sessionOf(signedUp);
  aminaId = signedUp.body.data.profile.id;
  employer = sessionOf(await app.http().post(`${MEMBERS_API}/employers/sign-up`).send(employerBody()).expect(201));
  const row = await app.strapi.db
    .query(EMPLOYER_UID)
    .findOne({ where: { contactEmail: 'rh@entrepots-du-canal.example' } });
  await app.strapi.documents(EMPLOYER_UID).update({ documentId: row.documentId, data: { validated: true } as never });
});

afterAll(async () => {
  await app?.stop();
});

describe('profile expiry', () => {
  it('is planned every morning through the outbox', async () => {
    // Each instance enqueues the day's slot at start; the slot's key makes it run once.
    const slot = await waitFor(
      () => jobs().where('idempotency_key', 'like', 'schedule:emploi.profile-expiry:%').first(),
      'the daily slot of emploi.profile-expiry',
    );
    expect(slot.name).toBe('emploi.profile-expiry');
  });

  it('leaves a recent profile alone', async () => {
    await moveTo(new Date(start.getTime() + 179 * DAY));
    await runProfileExpiry();
    expect(await reminders()).toEqual([]);
    expect(await seenByEmployer()).toContain(aminaId);
  });

  it('reminds once after 180 days without an update, then hides the profile 14 days later', async () => {
    await moveTo(new Date(start.getTime() + 181 * DAY));
    await runProfileExpiry();
    await runProfileExpiry();
    const sent = await reminders();
    expect(sent).toHaveLength(1);
    expect(sent[0].text).toContain('il ne sera plus montré aux employeurs dans 14 jours');
    expect(await seenByEmployer()).toContain(aminaId);

    await moveTo(new Date(start.getTime() + 194 * DAY));
    await runProfileExpiry();
    expect(await seenByEmployer()).toContain(aminaId);

    await moveTo(new Date(start.getTime() + 196 * DAY));
    await runProfileExpiry();
    expect(await seenByEmployer()).not.toContain(aminaId);
    await as(employer, 'get', `/candidates/${aminaId}`).expect(404);
    await as(employer, 'post', `/candidates/${aminaId}/positionings`)
      .send({ message: 'Bonjour, êtes-vous disponible ?' })
      .expect(404);
    expect((await as(amina, 'get', '/me').expect(200)).body.data.profile.hidden).toBe(true);
    expect(await reminders()).toHaveLength(1);
  });

  it('shows the profile again as soon as the candidate saves it, and reminds afresh later', async () => {
    await as(amina, 'put', '/profile').send({}).expect(200);
    expect(await seenByEmployer()).toContain(aminaId);
    await moveTo(new Date(start.getTime() + (196 + 181) * DAY));
    await runProfileExpiry();
    expect(await reminders()).toHaveLength(2);
  });
});

describe('personal data', () => {
  it('finds the profile by e-mail in core’s tools, exports it and erases it with its positionings', async () => {
    const dpo = await createStaff(app, 'dpo@federation.example', ['super-admin']);
    const email = 'amina.benali@example.org';
    // A password link she asked for goes with her account.
    await app.http().post('/api/emploi/members/password/forgot').send({ email }).expect(202);
    const { found, erased } = await searchThenErase(app, dpo.token, email);
    expect(found.types).toContainEqual({
      uid: CANDIDATE_UID,
      label: 'Emploi — profils de candidats (et positionnements reçus)',
      count: 1,
    });
    expect(erased.types).toContainEqual({
      uid: CANDIDATE_UID,
      label: 'Emploi — profils de candidats (et positionnements reçus)',
      erased: 1,
      anonymised: 0,
    });
    expect(await app.strapi.db.query(CANDIDATE_UID).count({ where: { email } })).toBe(0);
    // The account goes, and with it every session it had open.
    expect(erased.types).toContainEqual(expect.objectContaining({ uid: 'plugin::emploi.session', erased: 1 }));
    expect(erased.types).toContainEqual(expect.objectContaining({ uid: 'plugin::emploi.password-link', erased: 1 }));
    expect(await app.strapi.db.query('plugin::emploi.password-link').count()).toBe(0);
    await as(amina, 'get', '/me').expect(401);
  });
});
