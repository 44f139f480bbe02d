import { startTestApp, type TestApp } from '../../../../../tests/harness/strapi';
import { createStaff, type StaffAccount } from '../../../../../tests/harness/admin';
import { startSmtpServer, type TestSmtpServer } from './smtp-server';

const STAFF_ROLE = 'Équipe du centre';
const RESIDENT = 'karima.benali@example.org';
const OTHER = 'jean.dupont@example.org';

let smtp: TestSmtpServer;
let app: TestApp;
let oliviers: number;
let tilleuls: number;
let superAdmin: StaffAccount;
let accueilOliviers: StaffAccount;
let editor: StaffAccount;

const as = (account: StaffAccount) => ({ Authorization: `Bearer ${account.token}` });
const mail = () => app.strapi.plugin('core').service('mail');

beforeAll(async () => {
  // A reachable SMTP server is configured, and capture must still win: nothing may reach it.
  smtp = await startSmtpServer();
  app = await startTestApp({ EMAIL_MODE: 'capture', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port) });
  const centres = app.strapi.documents('plugin::core.centre');
  oliviers = (await centres.create({ data: { name: 'Centre social des Oliviers', slug: 'oliviers' } })).id as number;
  tilleuls = (await centres.create({ data: { name: 'Centre social des Tilleuls', slug: 'tilleuls' } })).id as number;
  superAdmin = await createStaff(app, 'direction@federation.fr', ['super-admin']);
  accueilOliviers = await createStaff(app, 'accueil@oliviers.fr', [STAFF_ROLE]);
  editor = await createStaff(app, 'redaction@federation.fr', ['Editor']);
  await app.strapi.db
    .query('plugin::core.centre')
    .update({ where: { id: oliviers }, data: { staff: [accueilOliviers.id] } });

  await mail().send({
    to: RESIDENT,
    subject: 'Votre demande a bien été reçue',
    text: 'Bonjour,\n\nNous avons reçu votre demande d’inscription à l’atelier « Théâtre forum ». À très bientôt !',
    centre: oliviers,
  });
  await mail().send({
    to: RESIDENT,
    subject: 'Sortie au musée',
    text: 'Départ à 9 h devant le centre.',
    centre: tilleuls,
  });
  // Any sender of the app is captured, with or without a centre.
  await app.strapi
    .plugin('email')
    .service('email')
    .send({ to: OTHER, subject: 'Réinitialisation du mot de passe', text: 'Votre lien est prêt.' });
});

afterAll(async () => {
  await app?.stop();
  await smtp?.close();
});

describe('capture mode', () => {
  it('runs without the test fixture plugin, which only TEST_PLUGINS loads', () => {
    expect(app.strapi.plugin('moderation-fixture')).toBeUndefined();
  });

  it('keeps every e-mail and sends none', async () => {
    expect(mail().mode()).toBe('capture');
    expect(await app.strapi.db.query('plugin::core.captured-email').count()).toBe(3);
    expect(smtp.received).toHaveLength(0);
  });

  it('lists every captured e-mail to a super-admin, newest first, page by page', async () => {
    const { body } = await app.http().get('/core/e-mails?pageSize=2').set(as(superAdmin)).expect(200);
    expect(body.mode).toBe('capture');
    expect(body.pagination).toEqual({ page: 1, pageSize: 2, total: 3, pageCount: 2 });
    expect(body.results.map((row: { subject: string }) => row.subject)).toEqual([
      'Réinitialisation du mot de passe',
      'Sortie au musée',
    ]);
    expect(body.results[0]).toMatchObject({ to: OTHER, centre: null });
    expect(body.results[1]).toMatchObject({
      to: RESIDENT,
      centre: { id: tilleuls, name: 'Centre social des Tilleuls' },
    });
    // The list carries no message bodies.
    expect(body.results[1].text).toBeUndefined();
    const second = await app.http().get('/core/e-mails?pageSize=2&page=2').set(as(superAdmin)).expect(200);
    expect(second.body.results.map((row: { subject: string }) => row.subject)).toEqual([
      'Votre demande a bien été reçue',
    ]);
  });

  it('shows the whole message, accents intact, with its HTML twin', async () => {
    const list = await app.http().get(`/core/e-mails?centre=${oliviers}`).set(as(superAdmin)).expect(200);
    const { body } = await app.http().get(`/core/e-mails/${list.body.results[0].id}`).set(as(superAdmin)).expect(200);
    expect(body).toMatchObject({
      to: RESIDENT,
      subject: 'Votre demande a bien été reçue',
      from: 'Centre social <ne-pas-repondre@demo.centre-social.fr>',
      centre: { id: oliviers, name: 'Centre social des Oliviers' },
    });
    expect(body.text).toContain('l’atelier « Théâtre forum ». À très bientôt !');
    expect(body.html).toContain('<html lang="fr">');
  });

  it('shows a centre’s team only the e-mails sent for its centre', async () => {
    const { body } = await app.http().get('/core/e-mails').set(as(accueilOliviers)).expect(200);
    expect(body.results.map((row: { subject: string }) => row.subject)).toEqual(['Votre demande a bien été reçue']);
    expect(body.pagination.total).toBe(1);
    const asked = await app.http().get(`/core/e-mails?centre=${tilleuls}`).set(as(accueilOliviers)).expect(200);
    expect(asked.body.results).toEqual([]);
  });

  it('answers "not found" for another centre’s e-mail or one without a centre', async () => {
    const all = await app.http().get('/core/e-mails').set(as(superAdmin)).expect(200);
    for (const row of all.body.results.filter(
      (item: { centre: { id: number } | null }) => item.centre?.id !== oliviers,
    )) {
      const response = await app.http().get(`/core/e-mails/${row.id}`).set(as(accueilOliviers));
      expect(response.status).toBe(404);
      expect(response.body.error.message).toBe('Cet e-mail n’existe pas.');
      expect(JSON.stringify(response.body)).not.toContain(row.to);
    }
    expect((await app.http().get('/core/e-mails/abc').set(as(superAdmin))).status).toBe(404);
  });

  it('refuses roles without the permission, and anonymous callers', async () => {
    expect((await app.http().get('/core/e-mails').set(as(editor))).status).toBe(403);
    expect((await app.http().get('/core/e-mails')).status).toBe(401);
  });

  it.each([
    ['pageSize=1000', 'pageSize', '100 lignes par page au plus.'],
    ['page=zero', 'page', 'Le numéro de page est un nombre.'],
    ['to=x', '', 'Paramètre inconnu : to.'],
  ])('refuses %s with a French message', async (query, field, message) => {
    const response = await app.http().get(`/core/e-mails?${query}`).set(as(superAdmin));
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors).toEqual([
      expect.objectContaining({ path: field ? [field] : [], message }),
    ]);
  });
});

describe('captured e-mails are personal data', () => {
  it('are found from the recipient’s address, for the centres one works for', async () => {
    const all = await app.http().post('/core/gdpr/search').set(as(superAdmin)).send({ email: RESIDENT }).expect(200);
    expect(all.body.types).toContainEqual({ uid: 'plugin::core.captured-email', label: 'E-mails capturés', count: 2 });
    const other = await app.http().post('/core/gdpr/search').set(as(superAdmin)).send({ email: 'benali@example.org' });
    expect(other.body.total).toBe(0);
  });

  it('are erased with the person’s other data', async () => {
    const { body } = await app
      .http()
      .post('/core/gdpr/erase')
      .set(as(superAdmin))
      .send({ email: RESIDENT, confirmation: 'EFFACER' })
      .expect(200);
    expect(body.types).toContainEqual(expect.objectContaining({ uid: 'plugin::core.captured-email', erased: 2 }));
    const list = await app.http().get('/core/e-mails').set(as(superAdmin)).expect(200);
    expect(list.body.results.map((row: { to: string }) => row.to)).toEqual([OTHER]);
  });
});
