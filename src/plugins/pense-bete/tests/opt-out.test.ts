import { parisInstant } from '@csc/plugin-core/toolkit';
import type { TestApp } from '../../../../tests/harness/strapi';
import { createStaff, type StaffAccount } from '../../../../tests/harness/admin';
import { captureOutput, type CapturedOutput } from '../../core/tests/sms/capture-output';
import type { FakeOvh } from '../../core/tests/sms/fake-ovh/server';
import { FAST_OUTBOX_ENV, startAppWithFakeOvh } from '../../core/tests/sms/fake-ovh/app';
import { waitFor } from '../../core/tests/outbox/helpers';
import { CONSENT_PURPOSES, PERSON_UID, REMINDER_UID } from '../shared/permissions';
import { signUnsubscribeToken } from '../server/src/opt-out/token';
import type { ClockService } from '../server/src/services/clock';

/**
 * Opting out, the two ways a resident can do it without talking to staff: replying STOP (OVH's
 * blacklist, read by the hourly job, against the fake OVH over HTTPS) and the unsubscribe link
 * of the reminder e-mails (public page, no account), in the booted app on SQLite or PostgreSQL.
 */

const STOPPED = '+33612349901';
const STAFF_ROLE = 'Équipe du centre';
const consent = {
  method: 'oral',
  informationText: 'Le centre enregistre votre prénom et votre mobile pour vous rappeler vos démarches.',
};

let app: TestApp;
let fake: FakeOvh;
let stopApp: () => Promise<void>;
let output: CapturedOutput;
let current = parisInstant(2027, 3, 1, 9, 0);
let referente: StaffAccount;
let sequence = 0;
const personal = new Set<string>();

const as = (account: StaffAccount) => ({ Authorization: `Bearer ${account.token}` });
const api = () => app.http();

async function addPerson(data: Record<string, unknown>) {
  const response = await api().post('/pense-bete/persons').set(as(referente)).send(data);
  if (response.status !== 201) throw new Error(`person: ${response.status} ${JSON.stringify(response.body)}`);
  for (const value of [response.body.phone, response.body.email]) if (value) personal.add(value);
  return response.body as { id: string };
}

async function addStep(person: string, data: Record<string, unknown>) {
  const response = await api().post(`/pense-bete/persons/${person}/steps`).set(as(referente)).send(data);
  if (response.status !== 201) throw new Error(`step: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { id: string; reminders: { id: number; sendAt: string; status: string }[] };
}

const reminderRow = (id: number) => app.strapi.db.query(REMINDER_UID).findOne({ where: { id } });
const personRow = (documentId: string) => app.strapi.db.query(PERSON_UID).findOne({ where: { documentId } });
const jobOf = (key: string) => app.strapi.db.connection('core_jobs').where({ idempotency_key: key }).first();
const settled = (job: { status: string } | undefined) =>
  job && ['done', 'dead', 'expired'].includes(job.status) ? job : undefined;

/** Moves the plugin's clock to `at` and runs the reminder's job now; resolves once it settled. */
async function runReminderAt(id: number, at: Date) {
  current = at;
  const { key } = await reminderRow(id);
  await app.strapi.db
    .connection('core_jobs')
    .where({ idempotency_key: key })
    .update({ run_at: Date.now() - 1000 });
  await waitFor(async () => settled(await jobOf(key)), `job of reminder ${id}`);
  return reminderRow(id);
}

/** Runs the blacklist job through the outbox, as its hourly schedule does. */
async function runBlacklistJob() {
  const key = `test:blacklist:${(sequence += 1)}`;
  await app.strapi.plugin('core').service('outbox').enqueue('pense-bete.blacklist', {}, { idempotencyKey: key });
  return waitFor(async () => settled(await jobOf(key)), 'blacklist job');
}

const followUp = async () =>
  (await api().get('/pense-bete/follow-up').set(as(referente)).expect(200)).body.results as {
    person: { id: string; firstName: string; phone: string };
    reason: string;
    message: string;
  }[];

beforeAll(async () => {
  ({ app, fake, stop: stopApp } = await startAppWithFakeOvh(FAST_OUTBOX_ENV));
  const clock = app.strapi.plugin('pense-bete').service('clock') as ClockService;
  jest.spyOn(clock, 'now').mockImplementation(() => new Date(current));
  const centre = await app.strapi.documents('plugin::core.centre').create({
    data: { name: 'Centre social des Oliviers', slug: 'oliviers', phone: '03 20 00 00 01', smsSenderName: 'Oliviers' },
  });
  referente = await createStaff(app, 'referente@oliviers.fr', [STAFF_ROLE]);
  await app.strapi.db
    .query('plugin::core.centre')
    .update({ where: { id: centre.id }, data: { staff: [referente.id] } });
  output = captureOutput(app.strapi);
});

afterAll(async () => {
  output?.stop();
  await stopApp?.();
});

describe('STOP replies: the blacklist sync', () => {
  let stopped: { id: string };
  let other: { id: string };
  let stoppedReminder: number;
  let otherReminder: { id: number; sendAt: string };

  beforeAll(async () => {
    current = parisInstant(2027, 3, 1, 9, 0);
    stopped = await addPerson({ firstName: 'Samia', phone: '06 12 34 99 01', channel: 'sms', consent });
    other = await addPerson({ firstName: 'Karim', phone: '06 12 34 99 02', channel: 'sms', consent });
    const step = {
      title: 'Rendez-vous CAF',
      date: '2027-03-12',
      time: '14:00',
      offsets: [{ daysBefore: 1, time: '10:00' }],
    };
    stoppedReminder = (await addStep(stopped.id, step)).reminders[0].id;
    otherReminder = (await addStep(other.id, step)).reminders[0];
  });

  it('runs every hour through the outbox', async () => {
    const scheduled = await app.strapi.db
      .connection('core_jobs')
      .where('idempotency_key', 'like', 'schedule:pense-bete.blacklist:%')
      .first();
    expect(scheduled).toMatchObject({ name: 'pense-bete.blacklist' });
  });

  it('marks the persons whose number replied STOP, and lists them « à relancer » at once', async () => {
    fake.blacklist.add(`0033${STOPPED.slice(3)}`);
    expect(await runBlacklistJob()).toMatchObject({ status: 'done' });
    expect((await personRow(stopped.id)).smsStoppedAt).not.toBeNull();
    expect((await personRow(other.id)).smsStoppedAt).toBeNull();
    const rows = await followUp();
    expect(rows).toEqual([
      {
        person: { id: stopped.id, firstName: 'Samia', phone: '+33 6 •• •• •• 01' },
        reason: 'blacklisted',
        message: 'La personne a demandé à ne plus recevoir de SMS (STOP).',
        at: expect.any(String),
      },
    ]);
    // The mark is read by the staff API only: the number is never served in full.
    expect(JSON.stringify(rows)).not.toContain(STOPPED);
  });

  it('fails their reminders as permanent « blacklisted » without calling OVH, and sends the others', async () => {
    const jobsBefore = fake.calls.filter((call) => call.method === 'POST' && call.path.endsWith('/jobs')).length;
    const row = await runReminderAt(stoppedReminder, new Date((await reminderRow(stoppedReminder)).sendAt));
    expect(row).toMatchObject({ status: 'failed', errorCode: 'blacklisted', errorKind: 'permanent' });
    expect(fake.calls.filter((call) => call.method === 'POST' && call.path.endsWith('/jobs')).length).toBe(jobsBefore);
    expect(fake.outgoing.filter((sms) => sms.receiver === STOPPED)).toEqual([]);
    // Its job is done, not retried: a STOP is for good.
    expect(await jobOf(row.key)).toMatchObject({ status: 'done', attempts: 1 });

    const sent = await runReminderAt(otherReminder.id, new Date(otherReminder.sendAt));
    expect(sent).toMatchObject({ status: 'sent' });
    expect(fake.outgoing.filter((sms) => sms.receiver === '+33612349902')).toHaveLength(1);

    const history = await api().get(`/pense-bete/persons/${stopped.id}/history`).set(as(referente)).expect(200);
    expect(history.body.results[0]).toMatchObject({
      status: 'failed',
      error: { kind: 'permanent', code: 'blacklisted', message: expect.stringContaining('STOP') },
    });
  });

  it('keeps the marks when OVH cannot be read, and lifts a mark once the number left the list', async () => {
    fake.failNext({ kind: 'http', status: 503, errorCode: 'SERVICE_UNAVAILABLE', message: 'down' }, /\/blacklists$/);
    await expect(app.strapi.plugin('pense-bete').service('blacklist').sync()).rejects.toThrow();
    expect((await personRow(stopped.id)).smsStoppedAt).not.toBeNull();

    fake.blacklist.clear();
    expect(await runBlacklistJob()).toMatchObject({ status: 'done' });
    expect((await personRow(stopped.id)).smsStoppedAt).toBeNull();
  });

  it('marks a number again when a new STOP arrives, and writes no number in the logs', async () => {
    fake.blacklist.add(STOPPED);
    const result = await app.strapi.plugin('pense-bete').service('blacklist').sync();
    expect(result).toEqual({ numbers: 1, stopped: 1, cleared: 0 });
    // A second run changes nothing.
    expect(await app.strapi.plugin('pense-bete').service('blacklist').sync()).toEqual({
      numbers: 1,
      stopped: 0,
      cleared: 0,
    });
    const logs = output.text();
    expect(logs).toContain('blacklist synchronised');
    for (const value of [STOPPED, '0612349901', '+33612349902']) expect(logs).not.toContain(value);
  });
});

describe('the unsubscribe link of the e-mails', () => {
  const appKeys = () => app.strapi.config.get('server.app.keys') as string[];
  const consentOf = (person: string) =>
    app.strapi.db.query('plugin::core.consent').findOne({
      where: { subjectUid: PERSON_UID, subjectId: person, purpose: CONSENT_PURPOSES.email },
    });
  let eloise: { id: string };
  let link: string;
  let pending: number;
  let headers: Record<string, string> | undefined;

  beforeAll(async () => {
    current = parisInstant(2027, 3, 1, 9, 0);
    eloise = await addPerson({ firstName: 'Eloïse', email: 'eloise.c@exemple.fr', channel: 'email', consent });
    const step = await addStep(eloise.id, {
      title: 'Rendez-vous CAF',
      date: '2027-03-26',
      time: '09:00',
      offsets: [
        { daysBefore: 1, time: '10:00' },
        { daysBefore: 0, time: '08:00' },
      ],
    });
    pending = step.reminders[1].id;
    // Calls through to the capture: only records what the e-mail plugin was handed.
    const handed = jest.spyOn(app.strapi.plugin('email').provider as { send(options: unknown): unknown }, 'send');
    const row = await runReminderAt(step.reminders[0].id, new Date(step.reminders[0].sendAt));
    expect(row).toMatchObject({ status: 'sent' });
    headers = (handed.mock.calls.at(-1)?.[0] as { headers?: Record<string, string> }).headers;
    handed.mockRestore();
    const mail = await app.strapi.db
      .query('plugin::core.captured-email')
      .findOne({ where: { to: 'eloise.c@exemple.fr' } });
    const found = /https?:\/\/\S+\/api\/pense-bete\/unsubscribe\/(\S+)/.exec(mail.text);
    if (!found) throw new Error('no unsubscribe link in the e-mail');
    link = `/api/pense-bete/unsubscribe/${found[1]}`;
    expect(mail.text).toContain('Vous ne souhaitez plus recevoir ces rappels par e-mail ?');
  });

  it('gives mail clients the link as a one-click List-Unsubscribe header', () => {
    expect(headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(headers?.['List-Unsubscribe']).toMatch(/^<https?:\/\/[^<>\s]+>$/);
    expect(headers?.['List-Unsubscribe']).toContain(`${link}>`);
  });

  it('opens a French confirmation page, without JavaScript, that changes nothing by itself', async () => {
    const response = await api().get(link).expect(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.text).toContain('<html lang="fr">');
    expect(response.text).toContain('<h1>Ne plus recevoir les rappels par e-mail</h1>');
    expect(response.text).toContain(`<form method="post" action="${link}">`);
    expect(response.text).toContain('<button type="submit">Ne plus recevoir de rappels par e-mail</button>');
    expect(response.text).not.toMatch(/<script/i);
    expect(response.text).not.toContain('eloise.c@exemple.fr');
    // Opening the link (a mail scanner does) withdraws nothing.
    expect((await consentOf(eloise.id)).withdrawnAt).toBeNull();
  });

  it('refuses tampered, cut, forged and expired links with a clear French page, changing nothing', async () => {
    const token = link.split('/').pop() as string;
    const [person, expires, mac] = token.split('.');
    const flipped = `${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`;
    const other = await addPerson({ firstName: 'Paul', email: 'paul.c@exemple.fr', channel: 'email', consent });
    const forged = [
      `${person}.${expires}.${flipped}`,
      `${other.id}.${expires}.${mac}`,
      `${person}.${(parseInt(expires, 36) + 86400).toString(36)}.${mac}`,
      token.slice(0, -5),
      'abc',
      `${'a'.repeat(500)}.1.${mac}`,
      signUnsubscribeToken(['another-installation-key'], person, new Date('2030-01-01')),
    ];
    for (const bad of forged) {
      for (const method of ['get', 'post'] as const) {
        const call = api()[method](`/api/pense-bete/unsubscribe/${encodeURIComponent(bad)}`);
        const response = method === 'post' ? await call.type('form').send({ confirmation: 'oui' }) : await call;
        expect([bad, method, response.status, response.text.includes('Ce lien ne fonctionne pas')]).toEqual([
          bad,
          method,
          400,
          true,
        ]);
      }
    }
    const expired = signUnsubscribeToken(appKeys(), other.id, new Date(current.getTime() - 1000));
    const response = await api()
      .post(`/api/pense-bete/unsubscribe/${expired}`)
      .type('form')
      .send({ confirmation: 'oui' });
    expect(response.status).toBe(410);
    expect(response.text).toContain('Ce lien a expiré');
    expect((await consentOf(eloise.id)).withdrawnAt).toBeNull();
    expect((await consentOf(other.id)).withdrawnAt).toBeNull();
  });

  it('refuses hostile form posts through the public-form guard', async () => {
    const cases: [string, string, number][] = [
      ['application/x-www-form-urlencoded', 'confirmation=non', 400],
      ['application/x-www-form-urlencoded', 'confirmation=oui&email=x@y.fr', 400],
      ['application/x-www-form-urlencoded', 'confirmation=oui&confirmation=oui', 400],
      ['application/x-www-form-urlencoded', `confirmation=${'x'.repeat(2000)}`, 413],
      ['text/plain', 'confirmation=oui', 415],
      ['application/json', '{"confirmation":{"$ne":null}}', 400],
    ];
    for (const [type, body, status] of cases) {
      const response = await api().post(link).set('Content-Type', type).send(body);
      expect([body.slice(0, 40), response.status]).toEqual([body.slice(0, 40), status]);
    }
    expect((await consentOf(eloise.id)).withdrawnAt).toBeNull();
  });

  it('withdraws the e-mail consent through core when confirmed, and cancels what was planned', async () => {
    const response = await api().post(link).type('form').send({ confirmation: 'oui' }).expect(200);
    expect(response.text).toContain('C’est fait');
    expect(response.text).toContain('Vous ne recevrez plus de rappels par e-mail.');
    expect(await consentOf(eloise.id)).toMatchObject({
      withdrawnAt: expect.anything(),
      withdrawalMethod: 'online-form',
      withdrawnBy: 'unsubscribe-link',
    });
    expect(await reminderRow(pending)).toMatchObject({ status: 'cancelled' });
    const audit = await app.strapi.db
      .query('plugin::core.audit-entry')
      .findMany({ where: { action: 'consent.withdraw' } });
    expect(audit.length).toBeGreaterThanOrEqual(1);
    const detail = await api().get(`/pense-bete/persons/${eloise.id}`).set(as(referente)).expect(200);
    expect(detail.body.consents).toEqual({ sms: false, email: false });

    // Opening or confirming again says it is done, and changes nothing more.
    expect((await api().get(link).expect(200)).text).toContain('Vous êtes déjà désinscrit·e');
    await api().post(link).type('form').send({ confirmation: 'oui' }).expect(200);
  });

  it('takes a mail client’s one-click unsubscribe (RFC 8058) too', async () => {
    const paul = (await app.strapi.db.query(PERSON_UID).findOne({ where: { email: 'paul.c@exemple.fr' } })) as {
      documentId: string;
    };
    const token = signUnsubscribeToken(appKeys(), paul.documentId, new Date(current.getTime() + 86400000));
    await api()
      .post(`/api/pense-bete/unsubscribe/${token}`)
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    expect((await consentOf(paul.documentId)).withdrawnAt).not.toBeNull();
  });

  it('limits how often one link is posted', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt += 1) {
      statuses.push((await api().post(link).type('form').send({ confirmation: 'oui' })).status);
    }
    expect(statuses).toContain(429);
  });

  it('writes no address in the logs, nor the link’s token', () => {
    const logs = output.text();
    for (const value of personal) expect(logs).not.toContain(value);
    // The requests to the link are logged, with the token replaced.
    const token = link.split('/').at(-1) ?? '';
    expect(token.length).toBeGreaterThan(20);
    expect(logs).not.toContain(token);
    expect(logs).toContain('/api/pense-bete/unsubscribe/[jeton]');
  });
});
