import { parisInstant } from '@csc/plugin-core/toolkit';
import type { TestApp } from '../../../../tests/harness/strapi';
import { createStaff, type StaffAccount } from '../../../../tests/harness/admin';
import { captureOutput, type CapturedOutput } from '../../core/tests/sms/capture-output';
import type { FakeOvh } from '../../core/tests/sms/fake-ovh/server';
import { FAST_OUTBOX_ENV, startAppWithFakeOvh } from '../../core/tests/sms/fake-ovh/app';
import { waitFor } from '../../core/tests/outbox/helpers';
import { CONSENT_PURPOSES, PERSON_UID, REMINDER_UID } from '../shared/permissions';
import type { ClockService } from '../server/src/services/clock';

/**
 * The whole module in the booted app (SQLite or PostgreSQL): staff add people and steps through
 * the admin API, reminders are planned with the plugin's clock set on a chosen day, and each
 * reminder's outbox job is run by the real worker — pulled forward to now when the test moves
 * the clock to its sending time — through the real OVH client against the fake OVH over HTTPS.
 */

const BLACKLISTED = '+33612340099';
const STAFF_ROLE = 'Équipe du centre';
const INFORMATION =
  'Le centre enregistre votre prénom et votre mobile pour vous envoyer des rappels de vos démarches. Vous pouvez arrêter à tout moment.';

let app: TestApp;
let fake: FakeOvh;
let stopApp: () => Promise<void>;
let output: CapturedOutput;
let clock: ClockService;
let current = parisInstant(2027, 3, 1, 9, 0);
let oliviers: number;
let tilleuls: number;
let referente: StaffAccount;
let autreCentre: StaffAccount;
let editor: StaffAccount;
const personal = new Set<string>();

const as = (account: StaffAccount) => ({ Authorization: `Bearer ${account.token}` });
const api = () => app.http();
const consent = { method: 'oral', informationText: INFORMATION };

async function addPerson(data: Record<string, unknown>, account = referente) {
  const response = await api().post('/pense-bete/persons').set(as(account)).send(data);
  if (response.status !== 201) throw new Error(`person: ${response.status} ${JSON.stringify(response.body)}`);
  if (typeof data.phone === 'string') personal.add(response.body.phone);
  return response.body as { id: string; phone: string };
}

async function addStep(person: string, data: Record<string, unknown>) {
  const response = await api().post(`/pense-bete/persons/${person}/steps`).set(as(referente)).send(data);
  if (response.status !== 201) throw new Error(`step: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { id: string; reminders: { id: number; sendAt: string; status: string; offset: string }[] };
}

const reminderRow = (id: number) => app.strapi.db.query(REMINDER_UID).findOne({ where: { id } });
const jobOf = async (key: string) => app.strapi.db.connection('core_jobs').where({ idempotency_key: key }).first();

/** Moves the plugin's clock to `at` and runs the reminder's job now; resolves once it settled. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a database row, read field by field
async function runReminderAt(id: number, at: Date): Promise<Record<string, any>> {
  const [row] = await runRemindersAt([id], at);
  return row;
}

/** The same for several reminders, their jobs due at the same instant. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- database rows, read field by field
async function runRemindersAt(ids: number[], at: Date): Promise<Record<string, any>[]> {
  current = at;
  const keys = await Promise.all(ids.map(async (id) => (await reminderRow(id)).key as string));
  await app.strapi.db
    .connection('core_jobs')
    .whereIn('idempotency_key', keys)
    .update({ run_at: Date.now() - 1000 });
  for (const key of keys) {
    await waitFor(async () => {
      const job = await jobOf(key);
      return ['done', 'dead', 'expired'].includes(job.status) ? job : undefined;
    }, `job of reminder ${key}`);
  }
  return Promise.all(ids.map(reminderRow));
}

const paris = (iso: string) =>
  new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    weekday: 'short',
    day: '2-digit',
    month: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));

beforeAll(async () => {
  ({ app, fake, stop: stopApp } = await startAppWithFakeOvh(FAST_OUTBOX_ENV, { blacklisted: [BLACKLISTED] }));
  clock = app.strapi.plugin('pense-bete').service('clock') as ClockService;
  jest.spyOn(clock, 'now').mockImplementation(() => new Date(current));
  const centres = app.strapi.documents('plugin::core.centre');
  oliviers = (
    await centres.create({
      data: {
        name: 'Centre social des Oliviers',
        slug: 'oliviers',
        phone: '03 20 00 00 01',
        smsSenderName: 'Oliviers',
      },
    })
  ).id as number;
  tilleuls = (await centres.create({ data: { name: 'Centre social des Tilleuls', slug: 'tilleuls' } })).id as number;
  referente = await createStaff(app, 'referente@oliviers.fr', [STAFF_ROLE]);
  autreCentre = await createStaff(app, 'accueil@tilleuls.fr', [STAFF_ROLE]);
  editor = await createStaff(app, 'redaction@federation.fr', ['Editor']);
  await app.strapi.db.query('plugin::core.centre').update({ where: { id: oliviers }, data: { staff: [referente.id] } });
  await app.strapi.db
    .query('plugin::core.centre')
    .update({ where: { id: tilleuls }, data: { staff: [autreCentre.id] } });
  output = captureOutput(app.strapi);
});

afterAll(async () => {
  output?.stop();
  await stopApp?.();
});

describe('supported persons', () => {
  it('adds a person with first name, mobile and consent, in one go, mobile stored E.164', async () => {
    const response = await api()
      .post('/pense-bete/persons')
      .set(as(referente))
      .send({ firstName: 'Amina', phone: '06 12 34 56 01', channel: 'sms', consent })
      .expect(201);
    personal.add('+33612345601');
    expect(response.body).toMatchObject({
      firstName: 'Amina',
      phone: '+33612345601',
      channel: 'sms',
      centre: { id: oliviers, name: 'Centre social des Oliviers' },
      consents: { sms: true, email: false },
    });
    const consents = await app.strapi.db.query('plugin::core.consent').findMany({
      where: { subjectUid: PERSON_UID, subjectId: response.body.id },
    });
    expect(consents).toEqual([
      expect.objectContaining({
        purpose: CONSENT_PURPOSES.sms,
        method: 'oral',
        informationText: INFORMATION,
        recordedBy: `admin:${referente.id}`,
        withdrawnAt: null,
      }),
    ]);
  });

  it('refuses landlines, foreign numbers, missing consent, unknown fields and another centre, field by field', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ firstName: 'Léa', phone: '03 20 12 34 56', channel: 'sms', consent }, 'phone', /fixe/],
      [{ firstName: 'Léa', phone: '+44 7911 123456', channel: 'sms', consent }, 'phone', /étranger/],
      [{ firstName: 'Léa', phone: '06 12', channel: 'sms', consent }, 'phone', /pas valide/],
      [{ firstName: 'Léa', phone: '06 12 34 56 02', channel: 'sms' }, 'consent', /consentement/],
      [
        {
          firstName: 'Léa',
          phone: '06 12 34 56 02',
          channel: 'sms',
          consent: { method: 'oral', informationText: 'ok' },
        },
        'consent',
        /information/,
      ],
      [{ firstName: 'Léa', channel: 'sms', consent }, 'phone', /numéro de mobile/],
      [{ firstName: 'Léa', channel: 'email', consent }, 'email', /adresse e-mail/],
      [{ firstName: '', phone: '06 12 34 56 02', channel: 'sms', consent }, 'firstName', /prénom/],
      [{ firstName: '<script>', phone: '06 12 34 56 02', channel: 'sms', consent }, 'firstName', /non autorisés/],
      [{ firstName: 'Léa', phone: '06 12 34 56 02', channel: 'fax', consent }, 'channel', /sms/],
      [
        { firstName: 'Léa', phone: '06 12 34 56 02', channel: 'sms', consent, lastName: 'Martin' },
        '',
        /Champ inconnu : lastName/,
      ],
      [
        { firstName: 'Léa', phone: '06 12 34 56 02', channel: 'sms', consent, centre: tilleuls },
        'centre',
        /vos centres/,
      ],
      [{ firstName: { $ne: null }, phone: ['06'], channel: 'sms', consent }, 'firstName', /prénom/],
    ];
    for (const [body, path, message] of cases) {
      const response = await api().post('/pense-bete/persons').set(as(referente)).send(body);
      expect([response.status, body]).toEqual([400, body]);
      const errors = response.body.error.details.errors as { path: string[]; message: string }[];
      expect(errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ message: expect.stringMatching(message) })]),
      );
      if (path) expect(errors.map((error) => error.path[0])).toContain(path);
    }
    expect(await app.strapi.db.query(PERSON_UID).count({ where: { firstName: 'Léa' } })).toBe(0);
  });

  it('lists, pages and searches by first name (accents ignored), numbers masked, own centre only', async () => {
    await addPerson({ firstName: 'Élodie', phone: '07 81 23 45 02', channel: 'sms', consent });
    await addPerson({ firstName: 'Eloïse', email: 'eloise@exemple.fr', channel: 'email', consent });
    await addPerson({ firstName: 'Bintou', phone: '06 12 34 56 03', channel: 'sms', consent }, autreCentre);
    const { body } = await api().get('/pense-bete/persons?q=elo&pageSize=1').set(as(referente)).expect(200);
    expect(body.pagination).toEqual({ page: 1, pageSize: 1, total: 2, pageCount: 2 });
    expect(body.results[0]).toMatchObject({ firstName: 'Élodie', phone: '+33 7 •• •• •• 02' });
    const all = await api().get('/pense-bete/persons').set(as(referente)).expect(200);
    expect(all.body.results.map((row: { firstName: string }) => row.firstName)).not.toContain('Bintou');
    for (const query of ['page=0', 'pageSize=500', 'sort=phone', 'q[$ne]=x', `q=${'a'.repeat(61)}`]) {
      const response = await api().get(`/pense-bete/persons?${query}`).set(as(referente));
      expect([query, response.status]).toEqual([query, 400]);
    }
  });

  it('keeps the API for staff with the permission, and another centre’s person out of reach', async () => {
    await api().get('/pense-bete/persons').expect(401);
    await api().get('/pense-bete/persons').set(as(editor)).expect(403);
    await api()
      .post('/pense-bete/persons')
      .set(as(editor))
      .send({ firstName: 'Léa', phone: '06 12 34 56 02', channel: 'sms', consent })
      .expect(403);
    const bintou = (await api().get('/pense-bete/persons').set(as(autreCentre)).expect(200)).body.results[0];
    await api().get(`/pense-bete/persons/${bintou.id}`).set(as(referente)).expect(404);
    await api().put(`/pense-bete/persons/${bintou.id}`).set(as(referente)).send({ firstName: 'X' }).expect(404);
    await api()
      .post(`/pense-bete/persons/${bintou.id}/steps`)
      .set(as(referente))
      .send({ date: '2027-04-01', title: 'X' })
      .expect(404);
    await api().get('/pense-bete/persons/..%2F..%2Fadmin').set(as(referente)).expect(400);
    await api().get('/pense-bete/persons/abcdefghijklmnopqrstuvwx/history?page=x').set(as(referente)).expect(400);
  });
});

describe('steps and their reminders', () => {
  let amina: string;

  beforeAll(async () => {
    const { body } = await api().get('/pense-bete/persons?q=amina').set(as(referente)).expect(200);
    amina = body.results[0].id;
  });

  it('offers the French catalogue of steps to each centre', async () => {
    const { body } = await api().get('/pense-bete/step-types').set(as(referente)).expect(200);
    expect(body.results.map((type: { name: string }) => type.name)).toEqual([
      'Actualisation France Travail',
      'Déclaration trimestrielle CAF',
      'Rendez-vous CAF',
      'Renouvellement du titre de séjour',
    ]);
    expect(body.results[0].defaultRecurrence).toBe('FREQ=MONTHLY;BYMONTHDAY=28');
  });

  it('plans J-7 and J-1 for a CAF appointment, each with its outbox job at its sending time', async () => {
    const types = (await api().get('/pense-bete/step-types').set(as(referente))).body.results;
    const rdv = types.find((type: { code: string }) => type.code === 'rendez-vous-caf');
    const step = await addStep(amina, { stepType: rdv.id, date: '2027-03-18', time: '14:30' });
    expect(step.reminders.map((reminder) => [reminder.offset, paris(reminder.sendAt), reminder.status])).toEqual([
      ['J-7 à 10:00', 'jeu. 11/03 10:00', 'planned'],
      ['J-1 à 10:00', 'mer. 17/03 10:00', 'planned'],
    ]);
    for (const reminder of step.reminders) {
      const row = await reminderRow(reminder.id);
      const job = await jobOf(row.key);
      expect(job).toMatchObject({ name: 'pense-bete.reminder', status: 'pending', centre_id: oliviers });
      expect(Number(job.run_at)).toBe(new Date(reminder.sendAt).getTime());
    }
  });

  it('moves a reminder falling on a public holiday (Whit Monday) to the next allowed slot', async () => {
    const step = await addStep(amina, {
      title: 'Rendez-vous à la mairie',
      date: '2027-05-18',
      time: '14:00',
      offsets: [{ daysBefore: 1, time: '10:00' }],
    });
    expect(step.reminders.map((reminder) => paris(reminder.sendAt))).toEqual(['mar. 18/05 08:00']);
  });

  it('keeps 10:00 Paris across the change to summer time for a repeating step', async () => {
    const step = await addStep(amina, {
      title: 'Déclaration trimestrielle CAF',
      date: '2027-03-10',
      recurrence: 'FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=10',
      until: '2027-04-30',
      offsets: [{ daysBefore: 1, time: '10:00' }],
    });
    expect(step.reminders.map((reminder) => [paris(reminder.sendAt), reminder.sendAt])).toEqual([
      ['mar. 09/03 10:00', '2027-03-09T09:00:00.000Z'],
      ['ven. 09/04 10:00', '2027-04-09T08:00:00.000Z'],
    ]);
  });

  it('refuses past dates, endless repetitions, unknown variables and bad offsets at save time', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ title: 'CAF', date: '2027-02-20' }, 'date', /passée/],
      [{ title: 'CAF', date: '2027-02-30' }, 'date', /n’existe pas/],
      [{ title: 'CAF', date: '2027-04-01', recurrence: 'FREQ=MONTHLY' }, 'until', /date de fin/],
      [{ title: 'CAF', date: '2027-04-01', recurrence: 'FREQ=HOURLY;COUNT=3' }, 'recurrence', /FREQ/],
      [{ title: 'CAF', date: '2027-04-01', template: 'Bonjour {nom}' }, 'template', /Variable inconnue : \{nom\}/],
      [{ title: 'CAF', date: '2027-04-01', template: 'Bonjour {prenom' }, 'template', /accolade/],
      [{ title: 'CAF', date: '2027-04-01', offsets: [] }, 'offsets', /au moins un rappel/],
      [{ title: 'CAF', date: '2027-04-01', offsets: [{ daysBefore: -2, time: '10:00' }] }, 'offsets', /avant la date/],
      [{ title: 'CAF', date: '2027-04-01', time: '25:00' }, 'time', /HH:MM/],
      [{ date: '2027-04-01' }, 'title', /type de démarche/],
      [{ title: 'CAF', date: '2027-04-01', stepType: 'abcdefghijklmnopqrstuvwx' }, 'stepType', /n’existe pas/],
      [{ title: 'CAF', date: '2027-04-01', person: 'x' }, '', /Champ inconnu/],
    ];
    for (const [body, path, message] of cases) {
      const response = await api().post(`/pense-bete/persons/${amina}/steps`).set(as(referente)).send(body);
      expect([response.status, body]).toEqual([400, body]);
      const errors = response.body.error.details.errors as { path: string[]; message: string }[];
      expect(errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ message: expect.stringMatching(message) })]),
      );
      if (path) expect(errors.map((error) => error.path[0])).toContain(path);
    }
  });

  it('previews the message with its encoding, parts and cost, and offers a one-SMS version', async () => {
    const template = `Bonjour {prenom}, n’oubliez pas votre rendez-vous CAF le {date} à {heure}. Apportez vos pièces d’identité. {centre}`;
    const { body } = await api()
      .post('/pense-bete/preview')
      .set(as(referente))
      .send({ template, person: amina, date: '2027-03-18', time: '14:30' })
      .expect(200);
    expect(body.text).toContain('Bonjour Amina, n’oubliez pas votre rendez-vous CAF le jeudi 18 mars à 14 h 30.');
    // 137 characters: three UCS-2 parts of 67 because of ’ ; in GSM-7 the same text fits one SMS.
    expect(body).toMatchObject({ encoding: 'UCS-2', characters: 137, parts: 3, credits: 3 });
    expect(body.suggestion).toMatchObject({ parts: 1 });
    expect(body.suggestion.template).toContain("n'oubliez");
    const bad = await api()
      .post('/pense-bete/preview')
      .set(as(referente))
      .send({ template: 'Salut {nom}' })
      .expect(400);
    expect(bad.body.error.details.errors[0]).toMatchObject({ path: ['template'] });
  });
});

describe('sending', () => {
  let amina: string;
  const stepOf = async (title: string) => {
    const { body } = await api().get(`/pense-bete/persons/${amina}`).set(as(referente)).expect(200);
    return body.steps.find((step: { title: string }) => step.title === title);
  };

  beforeAll(async () => {
    amina = (await api().get('/pense-bete/persons?q=amina').set(as(referente))).body.results[0].id;
  });

  it('sends the J-7 reminder through OVH at its time, with the centre’s name and phone, once', async () => {
    const step = await stepOf('Rendez-vous CAF');
    const [j7] = step.reminders;
    const row = await runReminderAt(j7.id, new Date(j7.sendAt));
    expect(row).toMatchObject({ status: 'sent', attempts: 1, recipient: '+33612345601' });
    const sent = fake.outgoing.filter((message) => message.receiver === '+33612345601');
    expect(sent).toHaveLength(1);
    expect(sent[0].message).toBe(
      'Bonjour Amina, rappel de votre rendez-vous CAF le jeudi 18 mars a 14 h 30. Centre social des Oliviers : 03 20 00 00 01',
    );
    expect(sent[0].sender).toBe('Oliviers');
    personal.add(sent[0].message);
    const receipt = await app.strapi.db.query('plugin::core.sms-receipt').findOne({ where: { id: row.smsReceiptId } });
    expect(receipt).toMatchObject({ tag: row.key, status: 'sent' });
  });

  it('on an edit, cancels and replaces pending reminders, never sends the old one, never re-sends the sent one', async () => {
    const step = await stepOf('Rendez-vous CAF');
    const [j7, j1] = step.reminders;
    const oldJ1 = await reminderRow(j1.id);
    current = parisInstant(2027, 3, 12, 9, 0);
    const { body } = await api()
      .put(`/pense-bete/steps/${step.id}`)
      .set(as(referente))
      .send({ title: 'Rendez-vous CAF', date: '2027-03-18', time: '15:00' })
      .expect(200);
    expect(body.revision).toBe(2);
    // J-7 went out already and is kept; J-1 is replaced (new key), the old one cancelled.
    expect(
      body.reminders.map((reminder: { id: number; status: string }) => [reminder.id === j7.id, reminder.status]),
    ).toEqual([
      [true, 'sent'],
      [false, 'planned'],
    ]);
    expect((await reminderRow(j1.id)).status).toBe('cancelled');
    const before = fake.outgoing.length;
    // The cancelled reminder's job still runs at its time: it finds the reminder cancelled.
    await runReminderAt(j1.id, new Date(oldJ1.sendAt));
    expect(fake.outgoing.length).toBe(before);
    const replaced = await runReminderAt(body.reminders[1].id, new Date(body.reminders[1].sendAt));
    expect(replaced.status).toBe('sent');
    expect(fake.outgoing.at(-1)?.message).toContain('15 h');
    expect(fake.outgoing.length).toBe(before + 1);
  });

  it('retries a transient OVH failure with back-off, then sends it once', async () => {
    current = parisInstant(2027, 3, 1, 9, 0);
    const step = await addStep(amina, {
      title: 'Rendez-vous Pôle santé',
      date: '2027-03-25',
      time: '11:00',
      offsets: [{ daysBefore: 2, time: '09:00' }],
    });
    fake.failNext({ kind: 'http', status: 503, errorCode: 'SERVICE_UNAVAILABLE', message: 'Service indisponible' });
    const row = await runReminderAt(step.reminders[0].id, new Date(step.reminders[0].sendAt));
    expect(row).toMatchObject({ status: 'sent', attempts: 2, errorKind: null });
    const job = await jobOf(row.key);
    expect(job.attempts).toBe(2);
    const receipt = await app.strapi.db.query('plugin::core.sms-receipt').findOne({ where: { id: row.smsReceiptId } });
    expect(fake.sentWithTag(receipt.providerTag)).toHaveLength(1);
  });

  it('does not retry a permanent refusal (STOP), shows it, and lists the person to follow up', async () => {
    current = parisInstant(2027, 3, 1, 9, 0);
    const stopped = await addPerson({ firstName: 'Karim', phone: BLACKLISTED, channel: 'sms', consent });
    const step = await addStep(stopped.id, {
      title: 'Renouvellement',
      date: '2027-03-30',
      offsets: [{ daysBefore: 3, time: '10:00' }],
    });
    const row = await runReminderAt(step.reminders[0].id, new Date(step.reminders[0].sendAt));
    expect(row).toMatchObject({ status: 'failed', errorKind: 'permanent', errorCode: 'blacklisted', attempts: 1 });
    expect((await jobOf(row.key)).attempts).toBe(1);
    const history = await api().get(`/pense-bete/persons/${stopped.id}/history`).set(as(referente)).expect(200);
    expect(history.body.results[0]).toMatchObject({
      status: 'failed',
      error: { kind: 'permanent', code: 'blacklisted', message: expect.stringContaining('STOP') },
    });
    const followUp = await api().get('/pense-bete/follow-up').set(as(referente)).expect(200);
    expect(followUp.body.results).toEqual([
      expect.objectContaining({ person: expect.objectContaining({ firstName: 'Karim' }), reason: 'blacklisted' }),
    ]);
    const other = await api().get('/pense-bete/follow-up').set(as(autreCentre)).expect(200);
    expect(other.body.results).toEqual([]);
  });

  it('drops a reminder whose job runs too late, and sends nothing', async () => {
    current = parisInstant(2027, 3, 1, 9, 0);
    const step = await addStep(amina, {
      title: 'Atelier CV',
      date: '2027-03-23',
      time: '10:30',
      offsets: [{ daysBefore: 0, time: '08:30' }],
    });
    const before = fake.outgoing.length;
    const row = await runReminderAt(step.reminders[0].id, parisInstant(2027, 3, 23, 10, 45));
    expect(row).toMatchObject({ status: 'dropped', errorCode: 'too-late' });
    expect(fake.outgoing.length).toBe(before);
  });

  it('waits for the sending window when a run lands at night, or drops it when that is too late', async () => {
    current = parisInstant(2027, 3, 1, 9, 0);
    const step = await addStep(amina, {
      title: 'Permanence juridique',
      date: '2027-03-24',
      time: '18:00',
      offsets: [{ daysBefore: 1, time: '19:00' }],
    });
    const before = fake.outgoing.length;
    const row = await runReminderAt(step.reminders[0].id, parisInstant(2027, 3, 23, 22, 0));
    expect(row.status).toBe('planned');
    expect(paris(new Date(row.sendAt).toISOString())).toBe('mer. 24/03 08:00');
    expect(fake.outgoing.length).toBe(before);
  });

  it('stops everything at once when consent is withdrawn', async () => {
    current = parisInstant(2027, 3, 1, 9, 0);
    const person = await addPerson({ firstName: 'Sarah', phone: '06 12 34 56 07', channel: 'sms', consent });
    const step = await addStep(person.id, { title: 'Rendez-vous CAF', date: '2027-03-26', time: '09:00' });
    expect(step.reminders).toHaveLength(2);
    const { body } = await api()
      .post(`/pense-bete/persons/${person.id}/withdraw-consent`)
      .set(as(referente))
      .send({ method: 'oral' })
      .expect(200);
    expect(body).toMatchObject({ cancelled: 2, consents: { sms: false, email: false } });
    const before = fake.outgoing.length;
    const row = await runReminderAt(step.reminders[0].id, new Date(step.reminders[0].sendAt));
    expect(row.status).toBe('cancelled');
    expect(fake.outgoing.length).toBe(before);
    // Re-planning needs consent again.
    await api().put(`/pense-bete/persons/${person.id}`).set(as(referente)).send({ firstName: 'Sarah' }).expect(400);
  });

  it('never sends when consent was withdrawn outside the module', async () => {
    current = parisInstant(2027, 3, 1, 9, 0);
    const person = await addPerson({ firstName: 'Yasmine', phone: '06 12 34 56 08', channel: 'sms', consent });
    const step = await addStep(person.id, {
      title: 'Rendez-vous CAF',
      date: '2027-03-26',
      time: '09:00',
      offsets: [{ daysBefore: 1, time: '10:00' }],
    });
    const [record] = await app.strapi.db.query('plugin::core.consent').findMany({ where: { subjectId: person.id } });
    await app.strapi.plugin('core').service('consent').withdraw(record.documentId, { method: 'paper' });
    const before = fake.outgoing.length;
    const row = await runReminderAt(step.reminders[0].id, new Date(step.reminders[0].sendAt));
    expect(row).toMatchObject({ status: 'cancelled', errorCode: 'no-consent' });
    expect(fake.outgoing.length).toBe(before);
  });

  it('sends by e-mail to a person who chose e-mail, with the same template', async () => {
    current = parisInstant(2027, 3, 1, 9, 0);
    const person = await addPerson({ firstName: 'Eloïse', email: 'eloise.b@exemple.fr', channel: 'email', consent });
    const step = await addStep(person.id, {
      title: 'Rendez-vous CAF',
      date: '2027-03-26',
      time: '09:00',
      offsets: [{ daysBefore: 1, time: '10:00' }],
    });
    const before = fake.outgoing.length;
    const row = await runReminderAt(step.reminders[0].id, new Date(step.reminders[0].sendAt));
    expect(row).toMatchObject({ status: 'sent', channel: 'email', recipient: 'eloise.b@exemple.fr' });
    expect(fake.outgoing.length).toBe(before);
    const mails = await app.strapi.db
      .query('plugin::core.captured-email')
      .findMany({ where: { subject: 'Rappel : Rendez-vous CAF' } });
    expect(mails).toEqual([expect.objectContaining({ to: 'eloise.b@exemple.fr' })]);
    expect(mails[0].text).toContain('Bonjour Eloïse, rappel : Rendez-vous CAF le vendredi 26 mars.');
    personal.add('eloise.b@exemple.fr');
  });

  it('sends reminders falling due together in one batch, each by its own rules, once', async () => {
    current = parisInstant(2027, 3, 1, 9, 0);
    const step = {
      title: 'Déclaration trimestrielle CAF',
      date: '2027-03-30',
      offsets: [{ daysBefore: 1, time: '10:00' }],
    };
    const people = await Promise.all(
      ['Inès', 'Karim', 'Lucie'].map((firstName, index) =>
        addPerson({ firstName, phone: `06 12 34 58 0${index + 1}`, channel: 'sms', consent }),
      ),
    );
    const withdrawn = await addPerson({ firstName: 'Malik', phone: '06 12 34 58 04', channel: 'sms', consent });
    const byMail = await addPerson({ firstName: 'Nadia', email: 'nadia.r@exemple.fr', channel: 'email', consent });
    const stopped = await addPerson({ firstName: 'Omar', phone: '06 12 34 00 99', channel: 'sms', consent });
    personal.add('nadia.r@exemple.fr');
    const reminders = [];
    for (const person of [...people, withdrawn, byMail, stopped]) {
      reminders.push((await addStep(person.id, step)).reminders[0]);
    }
    const [record] = await app.strapi.db.query('plugin::core.consent').findMany({ where: { subjectId: withdrawn.id } });
    await app.strapi.plugin('core').service('consent').withdraw(record.documentId, { method: 'paper' });

    const sending = app.strapi.plugin('pense-bete').service('sending');
    const batches = jest.spyOn(sending, 'deliverMany');
    const rows = await runRemindersAt(
      reminders.map((reminder) => reminder.id),
      new Date(reminders[0].sendAt),
    );
    // One claim of the worker took them all: they went through the batch way together.
    expect(Math.max(...batches.mock.calls.map(([items]) => (items as unknown[]).length))).toBe(6);
    batches.mockRestore();

    expect(rows.map((row) => [row.status, row.errorCode ?? null])).toEqual([
      ['sent', null],
      ['sent', null],
      ['sent', null],
      ['cancelled', 'no-consent'],
      ['sent', null],
      ['failed', 'blacklisted'],
    ]);
    for (const [index, person] of people.entries()) {
      const sent = fake.outgoing.filter((message) => message.receiver === person.phone);
      expect(sent).toHaveLength(1);
      expect(sent[0].message).toContain(`Bonjour ${['Inès', 'Karim', 'Lucie'][index]},`);
      personal.add(sent[0].message);
      expect(rows[index]).toMatchObject({ recipient: person.phone, message: sent[0].message, attempts: 1 });
      const receipt = await app.strapi.db
        .query('plugin::core.sms-receipt')
        .findOne({ where: { id: rows[index].smsReceiptId } });
      expect(receipt).toMatchObject({ tag: rows[index].key, status: 'sent' });
    }
    expect(fake.outgoing.filter((message) => message.receiver === '+33612345804')).toEqual([]);
    expect(fake.outgoing.filter((message) => message.receiver === BLACKLISTED)).toEqual([]);
    expect(rows[4]).toMatchObject({ channel: 'email', recipient: 'nadia.r@exemple.fr' });
  });

  it('deletes a step with its pending reminders', async () => {
    current = parisInstant(2027, 3, 1, 9, 0);
    const step = await addStep(amina, { title: 'Atelier numérique', date: '2027-04-02', time: '14:00' });
    const { body } = await api().delete(`/pense-bete/steps/${step.id}`).set(as(referente)).expect(200);
    expect(body).toEqual({ cancelled: 2 });
    await api().delete(`/pense-bete/steps/${step.id}`).set(as(autreCentre)).expect(404);
    expect((await reminderRow(step.reminders[0].id)).status).toBe('cancelled');
  });

  it('plans the next occurrences of repeating steps each day', async () => {
    current = parisInstant(2027, 3, 1, 9, 0);
    const step = await addStep(amina, {
      title: 'Actualisation',
      date: '2027-03-28',
      recurrence: 'FREQ=MONTHLY;BYMONTHDAY=28;UNTIL=20271231',
      offsets: [{ daysBefore: 2, time: '10:00' }],
    });
    expect(step.reminders).toHaveLength(2);
    const planner = app.strapi.plugin('pense-bete').service('steps');
    const { planned } = await planner.planAhead(parisInstant(2027, 4, 20, 4, 15));
    expect(planned).toBeGreaterThanOrEqual(1);
    const again = await planner.planAhead(parisInstant(2027, 4, 20, 4, 15));
    expect(again.planned).toBe(0);
    const rows = await app.strapi.db
      .query(REMINDER_UID)
      .findMany({ where: { step: { documentId: step.id } }, orderBy: { sendAt: 'asc' } });
    expect(rows.map((row: { sendAt: string }) => paris(new Date(row.sendAt).toISOString()))).toEqual([
      'ven. 26/03 10:00',
      'lun. 26/04 10:00',
      'mer. 26/05 10:00',
    ]);
  });
});

describe('privacy', () => {
  it('finds, exports and erases a person and their reminders through core', async () => {
    const superAdmin = await createStaff(app, 'direction@federation.fr', ['super-admin']);
    const { body } = await api()
      .post('/core/gdpr/search')
      .set(as(superAdmin))
      .send({ phone: '06 12 34 56 01' })
      .expect(200);
    const counts = Object.fromEntries(body.types.map((type: { uid: string; count: number }) => [type.uid, type.count]));
    expect(counts[PERSON_UID]).toBe(1);
    expect(counts[REMINDER_UID]).toBeGreaterThanOrEqual(3);
    expect(counts['plugin::core.consent']).toBe(1);
    await api()
      .post('/core/gdpr/erase')
      .set(as(superAdmin))
      .send({ phone: '06 12 34 56 01', confirmation: 'EFFACER' })
      .expect(200);
    expect(await app.strapi.db.query(PERSON_UID).count({ where: { phone: '+33612345601' } })).toBe(0);
    expect(await app.strapi.db.query(REMINDER_UID).count({ where: { recipient: '+33612345601' } })).toBe(0);
  });

  it('drops numbers and texts of reminders after 6 months and deletes them after 2 years', async () => {
    const retention = app.strapi.plugin('core').service('retention');
    const rule = retention.list().find((entry: { name: string }) => entry.name === 'pense-bete.reminders');
    expect(rule).toBeDefined();
    const settled = await app.strapi.db
      .query(REMINDER_UID)
      .count({ where: { status: { $in: ['sent', 'failed', 'cancelled', 'dropped'] } } });
    const rules = await retention.runAll(parisInstant(2027, 10, 1));
    expect(rules.find((outcome: { name: string }) => outcome.name === 'pense-bete.reminders')).toMatchObject({
      anonymised: settled,
      deleted: 0,
    });
    expect(
      await app.strapi.db.query(REMINDER_UID).count({ where: { recipient: { $notNull: true }, status: 'sent' } }),
    ).toBe(0);
    const later = await retention.runAll(parisInstant(2029, 6, 1));
    expect(later.find((outcome: { name: string }) => outcome.name === 'pense-bete.reminders').deleted).toBe(settled);
  });

  it('never writes a number or a message in the logs', () => {
    const logged = output.text();
    for (const value of personal) expect(logged).not.toContain(value);
  });
});
