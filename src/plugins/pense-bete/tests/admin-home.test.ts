import { parisInstant } from '@csc/plugin-core/toolkit';
import { startTestApp, type TestApp } from '../../../../tests/harness/strapi';
import { createStaff, type StaffAccount } from '../../../../tests/harness/admin';
import type { ClockService } from '../server/src/services/clock';

/**
 * What the admin screens read before showing anything: the user's centres (the « Ajouter une
 * personne » form asks for one only when there are several) and, in the list of persons, when
 * each one's next reminder goes out.
 */

const STAFF_ROLE = 'Équipe du centre';
const consent = {
  method: 'oral',
  informationText: 'Le centre enregistre votre prénom et votre mobile pour vous rappeler vos démarches.',
};

let app: TestApp;
let oliviers: number;
let tilleuls: number;
let referente: StaffAccount;
let coordinatrice: StaffAccount;
let sansCentre: StaffAccount;

const as = (account: StaffAccount) => ({ Authorization: `Bearer ${account.token}` });

beforeAll(async () => {
  app = await startTestApp({ SMS_PROVIDER: 'console' });
  const clock = app.strapi.plugin('pense-bete').service('clock') as ClockService;
  jest.spyOn(clock, 'now').mockImplementation(() => parisInstant(2027, 3, 1, 9, 0));
  const centres = app.strapi.documents('plugin::core.centre');
  oliviers = (await centres.create({ data: { name: 'Centre social des Oliviers', slug: 'oliviers' } })).id as number;
  tilleuls = (await centres.create({ data: { name: 'Centre social des Tilleuls', slug: 'tilleuls' } })).id as number;
  referente = await createStaff(app, 'referente@oliviers.fr', [STAFF_ROLE]);
  coordinatrice = await createStaff(app, 'coordination@federation.fr', [STAFF_ROLE]);
  sansCentre = await createStaff(app, 'nouvelle@federation.fr', [STAFF_ROLE]);
  await app.strapi.db
    .query('plugin::core.centre')
    .update({ where: { id: oliviers }, data: { staff: [referente.id, coordinatrice.id] } });
  await app.strapi.db
    .query('plugin::core.centre')
    .update({ where: { id: tilleuls }, data: { staff: [coordinatrice.id] } });
});

afterAll(async () => {
  await app?.stop();
});

describe('admin home', () => {
  it('tells each user their own centres, by name, and nothing of the others', async () => {
    const one = await app.http().get('/pense-bete/summary').set(as(referente)).expect(200);
    expect(one.body).toEqual({
      plugin: 'pense-bete',
      centres: [{ id: oliviers, name: 'Centre social des Oliviers' }],
    });
    const two = await app.http().get('/pense-bete/summary').set(as(coordinatrice)).expect(200);
    expect(two.body.centres).toEqual([
      { id: oliviers, name: 'Centre social des Oliviers' },
      { id: tilleuls, name: 'Centre social des Tilleuls' },
    ]);
    const none = await app.http().get('/pense-bete/summary').set(as(sansCentre)).expect(200);
    expect(none.body.centres).toEqual([]);
  });

  it('shows in the list when each person’s next reminder goes out, and nothing for the others', async () => {
    const add = async (firstName: string, phone: string) =>
      (
        await app
          .http()
          .post('/pense-bete/persons')
          .set(as(referente))
          .send({ firstName, phone, channel: 'sms', consent })
          .expect(201)
      ).body.id as string;
    const amina = await add('Amina', '06 12 34 56 01');
    await add('Bintou', '06 12 34 56 02');
    const steps = (
      await app
        .http()
        .post(`/pense-bete/persons/${amina}/steps`)
        .set(as(referente))
        .send({
          title: 'Rendez-vous CAF',
          date: '2027-03-18',
          time: '14:30',
          offsets: [
            { daysBefore: 1, time: '10:00' },
            { daysBefore: 7, time: '10:00' },
          ],
        })
        .expect(201)
    ).body;
    expect(steps.reminders).toHaveLength(2);
    const { body } = await app.http().get('/pense-bete/persons').set(as(referente)).expect(200);
    const next = Object.fromEntries(
      body.results.map((row: { firstName: string; nextReminder: string | null }) => [row.firstName, row.nextReminder]),
    );
    // J-7 goes first: Thursday 11 March, 10:00 Paris (winter time).
    expect(next).toEqual({ Amina: '2027-03-11T09:00:00.000Z', Bintou: null });

    await app
      .http()
      .post(`/pense-bete/persons/${amina}/withdraw-consent`)
      .set(as(referente))
      .send({ method: 'oral' })
      .expect(200);
    const after = await app.http().get('/pense-bete/persons?q=amina').set(as(referente)).expect(200);
    expect(after.body.results[0].nextReminder).toBeNull();
  });
});
