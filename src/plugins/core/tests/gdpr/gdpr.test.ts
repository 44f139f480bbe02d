import { strFromU8, unzipSync } from 'fflate';
import type { Response } from 'supertest';
import { startTestApp, type TestApp } from '../../../../../tests/harness/strapi';
import { createStaff, type StaffAccount } from '../../../../../tests/harness/admin';

const MEMBER_UID = 'plugin::users-permissions.user';
const INFORMATION =
  'Vos coordonnées servent uniquement à vous envoyer les rappels de vos démarches. Vous pouvez retirer votre accord à tout moment.';

let app: TestApp;
let superAdmin: StaffAccount;
let team: StaffAccount;
let oliviers: number;
let member: { documentId: string };

const as = (account: StaffAccount) => ({ Authorization: `Bearer ${account.token}` });

function binary(response: Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

beforeAll(async () => {
  app = await startTestApp();
  const centre = await app.strapi
    .documents('plugin::core.centre')
    .create({ data: { name: 'Centre social des Oliviers', slug: 'oliviers' } });
  oliviers = centre.id as number;
  superAdmin = await createStaff(app, 'direction@federation.fr', ['super-admin']);
  team = await createStaff(app, 'accueil@oliviers.fr', ['Équipe du centre']);
  const role = await app.strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'authenticated' } });
  member = await app.strapi.db.query(MEMBER_UID).create({
    data: { username: 'lea', email: 'lea.martin@exemple.fr', provider: 'local', confirmed: true, role: role.id },
  });
  await app.strapi
    .plugin('core')
    .service('consent')
    .record({
      centre: oliviers,
      subject: { uid: MEMBER_UID, id: member.documentId },
      purpose: 'pense-bete.rappels-sms',
      informationText: INFORMATION,
      method: 'paper',
      recordedBy: String(superAdmin.id),
    });
});

afterAll(async () => {
  await app?.stop();
});

describe('consent records', () => {
  it('knows what a person consented to, and forgets it once withdrawn', async () => {
    const consents = app.strapi.plugin('core').service('consent');
    const subject = { uid: MEMBER_UID, id: member.documentId };
    expect(await consents.isGiven(subject, 'pense-bete.rappels-sms')).toBe(true);
    expect(await consents.isGiven(subject, 'lettre-d-information')).toBe(false);

    const other = await consents.record({
      centre: oliviers,
      subject,
      purpose: 'lettre-d-information',
      informationText: INFORMATION,
      method: 'oral',
    });
    expect(await consents.isGiven(subject, 'lettre-d-information')).toBe(true);
    await consents.withdraw(other.documentId, { method: 'sms-stop' });
    expect(await consents.isGiven(subject, 'lettre-d-information')).toBe(false);
    const audit = await app.strapi.db
      .query('plugin::core.audit-entry')
      .findMany({ where: { action: { $startsWith: 'consent.' } } });
    expect(audit.map((entry: { action: string }) => entry.action).sort()).toEqual([
      'consent.record',
      'consent.record',
      'consent.withdraw',
    ]);
  });

  it('refuses a consent without the information text or the way it was given', async () => {
    await expect(
      app.strapi
        .plugin('core')
        .service('consent')
        .record({
          centre: oliviers,
          subject: { uid: MEMBER_UID, id: member.documentId },
          purpose: 'pense-bete.rappels-sms',
          informationText: 'ok',
          method: 'pigeon',
        }),
    ).rejects.toMatchObject({
      name: 'ValidationError',
      details: {
        errors: expect.arrayContaining([
          expect.objectContaining({ path: ['informationText'] }),
          expect.objectContaining({ path: ['method'] }),
        ]),
      },
    });
  });
});

describe('a person’s data: find, export, erase', () => {
  it('finds everything held on the person from their e-mail', async () => {
    const { body } = await app
      .http()
      .post('/core/gdpr/search')
      .set(as(superAdmin))
      .send({ email: ' Lea.Martin@exemple.fr ' })
      .expect(200);
    // Other declared types (captured e-mails, contributions…) hold nothing on Léa.
    expect(body.types.filter((type: { count: number }) => type.count > 0)).toEqual([
      { uid: MEMBER_UID, label: 'Compte partenaire ou habitant', count: 1 },
      { uid: 'plugin::core.consent', label: 'Consentements', count: 2 },
    ]);
    expect(body.total).toBe(3);
  });

  it('exports it as one archive, each part in JSON and CSV, and audits the export without the address', async () => {
    const response = await app
      .http()
      .post('/core/gdpr/export')
      .set(as(superAdmin))
      .send({ email: 'lea.martin@exemple.fr' })
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toMatch(
      /attachment; filename="donnees-personnelles-\d{4}-\d{2}-\d{2}\.zip"/,
    );
    const files = unzipSync(new Uint8Array(response.body as Buffer));
    expect(Object.keys(files).sort()).toEqual(
      expect.arrayContaining([
        'compte-partenaire-ou-habitant.csv',
        'compte-partenaire-ou-habitant.json',
        'consentements.csv',
        'consentements.json',
        'lisez-moi.txt',
      ]),
    );
    expect(JSON.parse(strFromU8(files['compte-partenaire-ou-habitant.json']))).toEqual([
      expect.objectContaining({ identifiant: 'lea', email: 'lea.martin@exemple.fr' }),
    ]);
    const csv = strFromU8(files['consentements.csv']);
    // A byte-order mark, so that a French spreadsheet reads the accents right.
    expect(Array.from(files['consentements.csv'].slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.split('\r\n')[0]).toBe('centre;objet;information_donnee;recueilli;le;retire_le');
    expect(csv).toContain('Centre social des Oliviers;pense-bete.rappels-sms;');

    const audit = await app.http().get('/core/audit?action=gdpr').set(as(superAdmin)).expect(200);
    expect(audit.body.results[0]).toMatchObject({
      action: 'gdpr.export',
      details: { counts: { [MEMBER_UID]: 1, 'plugin::core.consent': 2 } },
    });
    expect(JSON.stringify(audit.body)).not.toContain('lea.martin');
  });

  it('erases nothing without the typed confirmation', async () => {
    const response = await app
      .http()
      .post('/core/gdpr/erase')
      .set(as(superAdmin))
      .send({ email: 'lea.martin@exemple.fr', confirmation: 'oui' });
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors).toEqual([
      expect.objectContaining({ path: ['confirmation'], message: 'Tapez EFFACER pour confirmer.' }),
    ]);
    expect(await app.strapi.db.query(MEMBER_UID).count({ where: { email: 'lea.martin@exemple.fr' } })).toBe(1);
  });

  it('keeps the data away from a team without the permission', async () => {
    const response = await app.http().post('/core/gdpr/search').set(as(team)).send({ email: 'lea.martin@exemple.fr' });
    expect(response.status).toBe(403);
  });

  it.each([
    [{}, 'email', 'Indiquez l’e-mail ou le téléphone de la personne.'],
    [{ email: 'pas-une-adresse' }, 'email', 'Cette adresse e-mail n’est pas valide.'],
    [{ phone: '12' }, 'phone', 'Ce numéro de téléphone n’est pas valide.'],
    [{ email: 'lea.martin@exemple.fr', where: '1=1' }, '', 'Champ inconnu : where.'],
    [{ email: ['a@b.fr'] }, 'email', expect.any(String)],
  ])('refuses %j with a French message', async (query, field, message) => {
    const response = await app.http().post('/core/gdpr/search').set(as(superAdmin)).send(query);
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: field ? [field] : [], message })]),
    );
  });

  it('erases every part once confirmed, and audits it', async () => {
    const { body } = await app
      .http()
      .post('/core/gdpr/erase')
      .set(as(superAdmin))
      .send({ email: 'lea.martin@exemple.fr', confirmation: 'EFFACER' })
      .expect(200);
    expect(
      body.types.filter((type: { erased: number; anonymised: number }) => type.erased + type.anonymised > 0),
    ).toEqual([
      { uid: MEMBER_UID, label: 'Compte partenaire ou habitant', erased: 1, anonymised: 0 },
      { uid: 'plugin::core.consent', label: 'Consentements', erased: 2, anonymised: 0 },
    ]);
    expect(await app.strapi.db.query(MEMBER_UID).count({ where: { email: 'lea.martin@exemple.fr' } })).toBe(0);
    expect(await app.strapi.db.query('plugin::core.consent').count({})).toBe(0);
    const search = await app
      .http()
      .post('/core/gdpr/search')
      .set(as(superAdmin))
      .send({ email: 'lea.martin@exemple.fr' });
    expect(search.body.total).toBe(0);
    const audit = await app.http().get('/core/audit?action=gdpr.erase').set(as(superAdmin)).expect(200);
    const counts = Object.entries(audit.body.results[0].details.counts).filter(([, count]) => Number(count) > 0);
    expect(Object.fromEntries(counts)).toEqual({ [MEMBER_UID]: 1, 'plugin::core.consent': 2 });
  });
});
