import { parisInstant } from '@csc/plugin-core/toolkit';
import { startTestApp, type TestApp } from '../../../../tests/harness/strapi';
import { createStaff, type StaffAccount } from '../../../../tests/harness/admin';
import { waitFor } from '../../core/tests/outbox/helpers';
import { CONSENT_PURPOSES, PERSON_UID, REMINDER_UID, STEP_UID } from '../shared/permissions';
import type { ClockService } from '../server/src/services/clock';

/**
 * The demo (`npm run demo`, SMS_PROVIDER=console): the demo centre gets a few supported persons
 * with consent and steps, once; when a reminder falls due, staff read the message that would
 * have gone out in Socle › SMS (or Socle › E-mails capturés), and nothing leaves the machine.
 */

let app: TestApp;
let current = parisInstant(2027, 3, 1, 9, 0);
let centre: number;
let staff: StaffAccount;

const as = (account: StaffAccount) => ({ Authorization: `Bearer ${account.token}` });
const seed = () => app.strapi.plugin('pense-bete').service('demo').seed() as Promise<{ persons: number }>;

beforeAll(async () => {
  app = await startTestApp({ SMS_PROVIDER: 'console', OUTBOX_POLL_INTERVAL_MS: '100' });
  const clock = app.strapi.plugin('pense-bete').service('clock') as ClockService;
  jest.spyOn(clock, 'now').mockImplementation(() => new Date(current));
  await app.strapi.plugin('core').service('demo').seed();
  centre = (await app.strapi.db.query('plugin::core.centre').findOne({ where: { slug: 'demonstration' } })).id;
  staff = await createStaff(app, 'referente@demo.centre-social.fr', ['Équipe du centre']);
  await app.strapi.db.query('plugin::core.centre').update({ where: { id: centre }, data: { staff: [staff.id] } });
});

afterAll(async () => {
  await app?.stop();
});

describe('demo data of the Pense-bête', () => {
  it('gives the demo centre a few persons with consent and steps, once', async () => {
    expect(await seed()).toEqual({ persons: 3 });
    expect(await seed()).toEqual({ persons: 0 });
    const persons = (await app.strapi.db.query(PERSON_UID).findMany({
      where: { centre: { id: centre } },
      orderBy: { id: 'asc' },
    })) as { documentId: string; firstName: string; phone: string | null; channel: 'sms' | 'email' }[];
    expect(persons.map((person) => [person.firstName, person.channel])).toEqual([
      ['Nadia', 'sms'],
      ['Mamadou', 'sms'],
      ['Josiane', 'email'],
    ]);
    // ARCEP's fiction block only: the demo can never text a real person.
    for (const person of persons) expect(person.phone).toMatch(/^\+3363998\d{4}$/);
    for (const person of persons) {
      const given = await app.strapi
        .plugin('core')
        .service('consent')
        .isGiven({ uid: PERSON_UID, id: person.documentId }, CONSENT_PURPOSES[person.channel]);
      expect([person.firstName, given]).toEqual([person.firstName, true]);
    }
    const steps = (await app.strapi.db.query(STEP_UID).findMany({
      where: { centre: { id: centre } },
      orderBy: { id: 'asc' },
    })) as { title: string; recurrence: string | null; time: string | null }[];
    expect(steps).toEqual([
      expect.objectContaining({
        title: 'Actualisation France Travail',
        recurrence: expect.stringMatching(/^FREQ=MONTHLY;BYMONTHDAY=28;UNTIL=/),
      }),
      expect.objectContaining({ title: 'Rendez-vous CAF', time: '14:30', recurrence: null }),
      expect.objectContaining({ title: 'Rendez-vous à France Services', time: '10:30' }),
    ]);
  });

  it('shows staff the persons and their planned reminders', async () => {
    const { body } = await app.http().get('/pense-bete/persons').set(as(staff)).expect(200);
    expect(body.pagination.total).toBe(3);
    const mamadou = body.results.find((person: { firstName: string }) => person.firstName === 'Mamadou');
    const detail = await app.http().get(`/pense-bete/persons/${mamadou.id}`).set(as(staff)).expect(200);
    expect(detail.body.steps[0].reminders.map((reminder: { offset: string }) => reminder.offset)).toEqual([
      'J-7 à 10:00',
      'J-1 à 10:00',
    ]);
  });

  it('lets staff read, in Socle › SMS, the message that would have gone out', async () => {
    const mamadou = await app.strapi.db.query(PERSON_UID).findOne({ where: { firstName: 'Mamadou' } });
    const reminder = await app.strapi.db
      .query(REMINDER_UID)
      .findOne({ where: { person: { id: mamadou.id }, status: 'planned' }, orderBy: { sendAt: 'asc' } });
    current = new Date(reminder.sendAt);
    await app.strapi.db
      .connection('core_jobs')
      .where({ idempotency_key: reminder.key })
      .update({ run_at: Date.now() - 1000 });
    const row = await waitFor(async () => {
      const found = await app.strapi.db.query(REMINDER_UID).findOne({ where: { id: reminder.id } });
      return ['planned', 'sending'].includes(found.status) ? undefined : found;
    }, 'the demo reminder');
    expect(row).toMatchObject({ status: 'sent' });

    const list = await app.http().get('/core/sms/receipts').set(as(staff)).expect(200);
    expect(list.body.results).toEqual([expect.objectContaining({ provider: 'console', status: 'delivered' })]);
    const receipt = await app.http().get(`/core/sms/receipts/${list.body.results[0].id}`).set(as(staff)).expect(200);
    expect(JSON.stringify(receipt.body)).toContain(
      'Bonjour Mamadou, rappel de votre rendez-vous CAF le mercredi 10 mars a 14 h 30.',
    );
  });
});
