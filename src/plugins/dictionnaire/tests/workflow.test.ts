import { startTestApp, type TestApp } from '../../../../tests/harness/strapi';
import { createStaff, type StaffAccount } from '../../../../tests/harness/admin';
import { addressOf, startSmtpServer, type TestSmtpServer } from '../../core/tests/mail/smtp-server';
import { REQUEST_UID, REQUESTER_UID, STRUCTURE_UID } from '../shared/permissions';

const API = '/api/dictionnaire';
const TEACHER = 'enseignante@ecole-jules-ferry.example';
const ANIMATOR = 'animateur@centre-oliviers.example';

let smtp: TestSmtpServer;
let app: TestApp;
let moderator: StaffAccount;
let teacher: string;
let animator: string;

const asStaff = () => ({ Authorization: `Bearer ${moderator.token}` });
const as = (jwt: string) => ({ Authorization: `Bearer ${jwt}` });
const mailsTo = (to: string) => smtp.received.filter((mail) => addressOf(mail.to) === to);

async function waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>): Promise<T> {
  for (let attempt = 0; attempt < 150; attempt += 1) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('Nothing happened within 30 s');
}

/** The public form, staff validation, then the adult chooses a password and logs in. */
async function contributor(name: string, email: string, from: string): Promise<string> {
  await app
    .http()
    .post(`${API}/contributors`)
    .set('X-Forwarded-For', from)
    .send({ name, kind: 'ecole', commune: 'Roubaix', email, digest: 'daily' })
    .expect(202);
  const structure = await app.strapi.db.query(STRUCTURE_UID).findOne({ where: { contact_email: email } });
  await app.http().post(`/dictionnaire/structures/${structure.documentId}/validate`).set(asStaff()).expect(200);
  const user = await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { email } });
  await app.strapi.plugin('users-permissions').service('user').edit(user.id, { password: 'Contributeur-2026' });
  const login = await app.http().post('/api/auth/local').send({ identifier: email, password: 'Contributeur-2026' });
  expect(login.status).toBe(200);
  return login.body.jwt;
}

const requestRow = (word: string) => app.strapi.db.query(REQUEST_UID).findOne({ where: { word } });

async function moderationItem(title: string): Promise<number> {
  const { body } = await app.http().get('/core/moderation?pageSize=100').set(asStaff()).expect(200);
  const item = body.results.find((entry: { title: string }) => entry.title === title);
  if (!item) throw new Error(`No moderation item « ${title} »`);
  return item.id;
}

const DEFINITION = {
  text: 'Le cloud, c’est un endroit sur internet où tu ranges tes photos et tes fichiers. Tu les retrouves sur ton téléphone ou ton ordinateur.',
  example: 'Mes photos de vacances sont dans le cloud.',
  group: { label: 'la classe de CM2 de l’école Jules-Ferry', commune: 'Roubaix', year: 2026 },
};

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await startTestApp({
    EMAIL_MODE: 'smtp',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_SECURE: 'false',
    EMAIL_FROM: 'Dictionnaire <ne-pas-repondre@dictionnaire.example>',
    TRUSTED_PROXIES: '1',
  });
  moderator = await createStaff(app, 'moderation@federation.fr', ['super-admin']);
  // Three visitors ask for the same word; two want to be told.
  const ask = (body: Record<string, unknown>, from: string) =>
    app.http().post(`${API}/requests`).set('X-Forwarded-For', from).send(body).expect(202);
  await ask({ word: 'Cloud', email: 'mamie@example.org', consent: true }, '198.51.100.1');
  await ask({ word: 'le cloud ?', context: 'Mes photos sont dans le cloud, dit mon fils.' }, '198.51.100.2');
  await ask({ word: 'clouds', email: 'papi@example.org', consent: true }, '198.51.100.3');
  teacher = await contributor('École Jules-Ferry', TEACHER, '198.51.100.10');
  animator = await contributor('Centre social des Oliviers', ANIMATOR, '198.51.100.11');
});

afterAll(async () => {
  await app?.stop();
  await smtp?.close();
});

describe('contributor structures', () => {
  it('welcome the adult by e-mail once validated, with an account of the contributor role', async () => {
    const welcome = await waitFor(() =>
      mailsTo(TEACHER).find((mail) => /contribue au dictionnaire/.test(mail.subject ?? '')),
    );
    expect(welcome.text).toContain('Mot de passe oublié');
    const user = await app.strapi.db
      .query('plugin::users-permissions.user')
      .findOne({ where: { email: TEACHER }, populate: { role: true } });
    expect(user.role.type).toBe('dictionnaire-contributeur');
  });

  it('refuse an account whose structure is not validated', async () => {
    const role = await app.strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'dictionnaire-contributeur' } });
    await app.strapi.plugin('users-permissions').service('user').add({
      username: 'seul@example.org',
      email: 'seul@example.org',
      password: 'Seul-2026-compte',
      provider: 'local',
      confirmed: true,
      role: role.id,
    });
    const login = await app
      .http()
      .post('/api/auth/local')
      .send({ identifier: 'seul@example.org', password: 'Seul-2026-compte' });
    const response = await app.http().get(`${API}/contributor/requests`).set(as(login.body.jwt));
    expect(response.status).toBe(403);
    expect(response.body.error.message).toMatch(/aucune structure validée/);
    await app.http().get(`${API}/contributor/requests`).expect(403);
  });
});

describe('the digest of open requests', () => {
  it('sends each daily contributor the words waiting, most asked first, once a day', async () => {
    const notices = app.strapi.plugin('dictionnaire').service('notices');
    const tuesday = new Date('2026-03-10T06:30:00Z');
    expect(await notices.planDigests(tuesday)).toBe(2);
    const digest = await waitFor(() => mailsTo(TEACHER).find((mail) => /attend/.test(mail.subject ?? '')));
    expect(digest.subject).toBe('Un mot attend une définition : « Cloud »');
    expect(digest.text).toContain('• Cloud (demandé 3 fois)');
    await waitFor(() => mailsTo(ANIMATOR).some((mail) => /attend/.test(mail.subject ?? '')));
    // Planned again the same day: no second message.
    await notices.planDigests(tuesday);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(mailsTo(TEACHER).filter((mail) => /attend/.test(mail.subject ?? ''))).toHaveLength(1);
  });

  it('sends weekly digests on Mondays only, and none to who chose none', async () => {
    await app.http().put(`${API}/contributor/digest`).set(as(teacher)).send({ digest: 'weekly' }).expect(200);
    await app.http().put(`${API}/contributor/digest`).set(as(animator)).send({ digest: 'none' }).expect(200);
    const notices = app.strapi.plugin('dictionnaire').service('notices');
    expect(await notices.planDigests(new Date('2026-03-11T06:30:00Z'))).toBe(0);
    expect(await notices.planDigests(new Date('2026-03-16T06:30:00Z'))).toBe(1);
    const bad = await app.http().put(`${API}/contributor/digest`).set(as(teacher)).send({ digest: 'hourly' });
    expect(bad.status).toBe(400);
  });
});

describe('claiming, submitting, moderating', () => {
  it('lets one group claim a request; another group is told someone is on it', async () => {
    const cloud = await requestRow('Cloud');
    const list = await app.http().get(`${API}/contributor/requests`).set(as(teacher)).expect(200);
    expect(list.body.data).toEqual([
      expect.objectContaining({ id: cloud.documentId, word: 'Cloud', count: 3, status: 'open', mine: false }),
    ]);
    expect(list.body.data[0].contexts).toEqual(['Mes photos sont dans le cloud, dit mon fils.']);
    const claimed = await app
      .http()
      .post(`${API}/contributor/requests/${cloud.documentId}/claim`)
      .set(as(teacher))
      .expect(200);
    expect(claimed.body.data).toMatchObject({ status: 'claimed', mine: true });
    const other = await app.http().post(`${API}/contributor/requests/${cloud.documentId}/claim`).set(as(animator));
    expect(other.status).toBe(400);
    expect(other.body.error.message).toBe('Un autre groupe s’occupe déjà de ce mot.');
    await app.http().post(`${API}/contributor/requests/inconnue12345/claim`).set(as(teacher)).expect(404);
  });

  it('needs no child’s name, and refuses a field for one', async () => {
    const cloud = await requestRow('Cloud');
    for (const extra of [
      { prenom: 'Léa' },
      { auteur: 'Léa M.' },
      { group: { ...DEFINITION.group, eleves: ['Léa'] } },
    ]) {
      const response = await app
        .http()
        .post(`${API}/contributor/definitions`)
        .set(as(teacher))
        .send({ ...DEFINITION, request: cloud.documentId, ...extra });
      expect(response.status).toBe(400);
    }
    const short = await app
      .http()
      .post(`${API}/contributor/definitions`)
      .set(as(teacher))
      .send({ request: cloud.documentId, text: 'Court.', example: '', group: { label: '', commune: '', year: 1900 } });
    expect(short.body.error.details.errors.map((problem: { path: string[] }) => problem.path.join('.')).sort()).toEqual(
      ['example', 'group.commune', 'group.label', 'group.year', 'text'],
    );
  });

  it('sends a definition to moderation with readability hints; asking for changes tells the adult', async () => {
    const cloud = await requestRow('Cloud');
    const sent = await app
      .http()
      .post(`${API}/contributor/definitions`)
      .set(as(teacher))
      .send({
        ...DEFINITION,
        request: cloud.documentId,
        text: 'Le cloud désigne une infrastructure informatique distante permettant la synchronisation automatique de vos données personnelles entre plusieurs appareils connectés simultanément au réseau.',
      });
    expect([sent.status, sent.body.error]).toEqual([201, undefined]);
    const id = await moderationItem('Cloud — la classe de CM2 de l’école Jules-Ferry');
    const detail = await app.http().get(`/core/moderation/${id}`).set(asStaff()).expect(200);
    const hints = Object.fromEntries(
      detail.body.hints.map((hint: { label: string; value: string; level: string }) => [hint.label, hint]),
    );
    expect(hints['Mots longs']).toMatchObject({ level: 'warning' });
    expect(hints['Mots longs'].value).toContain('infrastructure');
    expect(hints['Mots peu courants'].value).toContain('distante');
    expect(hints['Longueur des phrases'].value).toMatch(/mots par phrase en moyenne/);
    // Not public before a moderator accepts.
    await app.http().get(`${API}/words/cloud`).expect(404);

    await app
      .http()
      .post(`/core/moderation/${id}/decision`)
      .set(asStaff())
      .send({
        decision: 'request-changes',
        message: 'Merci ! Pouvez-vous écrire des phrases plus courtes, sans « infrastructure » ?',
      })
      .expect(200);
    const mail = mailsTo(TEACHER).find((entry) => /Des modifications sont demandées/.test(entry.subject ?? ''));
    expect(mail?.text).toContain('sans « infrastructure »');
    const own = await app.http().get(`${API}/contributor/definitions`).set(as(teacher)).expect(200);
    expect(own.body.data[0]).toMatchObject({
      term: 'Cloud',
      published: false,
      moderation: { status: 'changes-requested', message: expect.stringContaining('phrases plus courtes') },
    });
  });

  it('publishes an accepted definition, closes the request and tells each requester once, then forgets them', async () => {
    const cloud = await requestRow('Cloud');
    await app
      .http()
      .post(`${API}/contributor/definitions`)
      .set(as(teacher))
      .send({ ...DEFINITION, request: cloud.documentId })
      .expect(201);
    const { body } = await app.http().get('/core/moderation?pageSize=100').set(asStaff()).expect(200);
    const pending = body.results.filter((entry: { title: string }) => entry.title.startsWith('Cloud'));
    expect(pending).toHaveLength(1);
    await app
      .http()
      .post(`/core/moderation/${pending[0].id}/decision`)
      .set(asStaff())
      .send({ decision: 'accept' })
      .expect(200);

    const word = await app.http().get(`${API}/words/cloud`).expect(200);
    expect(word.body.data.definition).toMatchObject({
      text: DEFINITION.text,
      credit: { group: DEFINITION.group.label, structure: { name: 'École Jules-Ferry', commune: 'Roubaix' } },
    });
    expect((await requestRow('Cloud')).status).toBe('defined');

    const told = await waitFor(() => {
      const mails = [...mailsTo('mamie@example.org'), ...mailsTo('papi@example.org')];
      return mails.length === 2 && mails;
    });
    expect(told[0].subject).toBe('Le mot « Cloud » est maintenant dans le dictionnaire');
    expect(told[0].text).toContain('Votre adresse e-mail vient d’être effacée');
    await waitFor(async () => (await app.strapi.db.query(REQUESTER_UID).count()) === 0);

    // Published again (a staff edit): nobody is told twice.
    const notices = app.strapi.plugin('dictionnaire').service('notices');
    await notices.notifyRequesters([cloud.id], 'cloud');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect([...mailsTo('mamie@example.org'), ...mailsTo('papi@example.org')]).toHaveLength(2);

    // A new visitor asking for it now is counted on the defined request, and not kept.
    await app
      .http()
      .post(`${API}/requests`)
      .set('X-Forwarded-For', '198.51.100.40')
      .send({ word: 'Clouds', email: 'tata@example.org', consent: true })
      .expect(202);
    expect(await app.strapi.db.query(REQUESTER_UID).count()).toBe(0);
  });
});
