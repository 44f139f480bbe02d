import { startTestApp, type TestApp } from '../../../../tests/harness/strapi';
import { createStaff, type StaffAccount } from '../../../../tests/harness/admin';
import { waitFor } from '../../core/tests/outbox/helpers';
import { addressOf, startSmtpServer, type TestSmtpServer } from '../../core/tests/mail/smtp-server';
import { CANDIDATE_UID, EMPLOYER_UID } from '../shared/permissions';
import type { ClockService } from '../server/src/services/clock';
import { searchThenErase } from '../../../../tests/harness/personal-data';
import { fieldErrors } from './helpers';
import { MEMBERS_API, candidateBody, employerBody, memberRequest, sessionOf, type Session } from './member-helpers';

/**
 * Referents and profiles made by the team: staff create a referent's account and, with a resident
 * present, her profile with consent recorded as oral or paper; the referent sees only her
 * candidates' positionings, answers them and writes with the employer.
 */

const CONSENT = 'plugin::core.consent';
const PASSWORD = 'Un-mot-de-passe-2026';

let app: TestApp;
let smtp: TestSmtpServer;
/** What the real SMTP server received: recipient, subject and text, as a mail client reads them. */
const mails = (subject: (value: string) => boolean) =>
  smtp.received
    .filter((mail) => subject(mail.subject ?? ''))
    .map((mail) => ({ to: addressOf(mail.to), subject: mail.subject ?? '', text: mail.text ?? '' }));
let accueil: StaffAccount;
let other: StaffAccount;
let amina: Session;
let employer: Session;
let rita: Session;
let remi: Session;
let aminaId: string;
let chloeId: string;
let chloePositioning: string;
let aminaPositioning: string;
const as = (...args: Parameters<ReturnType<typeof memberRequest>>) => memberRequest(app)(...args);
const admin = (staff: StaffAccount | null, path: string) => {
  const call = app.http().post(`/emploi${path}`);
  return staff ? call.set('Authorization', `Bearer ${staff.token}`) : call;
};

/** The referent opens her welcome e-mail, chooses her password through its link, then logs in. */
async function referentSession(email: string): Promise<Session> {
  const welcome = await waitFor(
    async () =>
      mails((subject) => subject === 'Votre accès à l’espace emploi du centre social').find(
        (mail) => mail.to === email,
      ),
    `welcome e-mail to ${email}`,
  );
  const token = /espace\/nouveau-mot-de-passe\/#jeton=([A-Za-z0-9_-]+)/.exec(welcome.text)?.[1];
  await app.http().post(`${MEMBERS_API}/password/reset`).send({ token, password: PASSWORD }).expect(200);
  return sessionOf(await app.http().post(`${MEMBERS_API}/session`).send({ email, password: PASSWORD }).expect(200));
}

const chloe = (overrides: Record<string, unknown> = {}) => ({
  firstName: 'Chloé',
  lastName: 'Lefebvre',
  commune: 'Roubaix',
  desiredJobs: ['Agente d’entretien'],
  skills: ['Nettoyage industriel'],
  availability: 'immediate',
  centre: 'oliviers',
  referent: 'rita.k@oliviers.fr',
  consentMethod: 'oral',
  ...overrides,
});

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await startTestApp({
    EMAIL_MODE: 'smtp',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    PUBLIC_URL: 'https://emploi.example.org',
  });
  const centres = app.strapi.documents('plugin::core.centre');
  const oliviers = await centres.create({ data: { name: 'Centre social des Oliviers', slug: 'oliviers' } });
  const tilleuls = await centres.create({ data: { name: 'Centre social des Tilleuls', slug: 'tilleuls' } });
  accueil = await createStaff(app, 'accueil@oliviers.fr', ['Équipe du centre']);
  other = await createStaff(app, 'accueil@tilleuls.fr', ['Équipe du centre']);
  const rows = app.strapi.db.query('plugin::core.centre');
  await rows.update({ where: { documentId: oliviers.documentId }, data: { staff: [accueil.id] } });
  await rows.update({ where: { documentId: tilleuls.documentId }, data: { staff: [other.id] } });

  const signedUp = await app
    .http()
    .post(`${MEMBERS_API}/candidates/sign-up`)
    .send(candidateBody({ centre: 'oliviers' }))
    .expect(201);
  amina = sessionOf(signedUp);
  aminaId = signedUp.body.data.profile.id;
  employer = sessionOf(
    await app
      .http()
      .post(`${MEMBERS_API}/employers/sign-up`)
      .send(employerBody({ centre: 'oliviers' }))
      .expect(201),
  );
  const row = await app.strapi.db
    .query(EMPLOYER_UID)
    .findOne({ where: { contactEmail: 'rh@entrepots-du-canal.example' } });
  await app.strapi.documents(EMPLOYER_UID).update({ documentId: row.documentId, data: { validated: true } as never });
});

afterAll(async () => {
  await app?.stop();
  await smtp?.close();
});

describe('the team', () => {
  it('creates referents’ accounts, only with the permission', async () => {
    await admin(null, '/referents').send({ email: 'rita.k@oliviers.fr' }).expect(401);
    const author = await createStaff(app, 'auteur@oliviers.fr', ['Author']);
    await admin(author, '/referents').send({ email: 'rita.k@oliviers.fr' }).expect(403);
    await admin(author, '/candidates').send(chloe()).expect(403);
    const created = await admin(accueil, '/referents').send({ email: 'rita.k@oliviers.fr' }).expect(201);
    expect(created.body.data).toMatchObject({ email: 'rita.k@oliviers.fr' });
    await admin(accueil, '/referents').send({ email: 'remi.d@tilleuls.fr' }).expect(201);
    const taken = await admin(accueil, '/referents').send({ email: 'rita.k@oliviers.fr' }).expect(400);
    expect(fieldErrors(taken.body)).toEqual([['email', 'Ce référent est déjà dans votre liste.']]);
    // A member's address is not a referent's: the account is not touched.
    const member = await admin(accueil, '/referents').send({ email: 'amina.benali@example.org' }).expect(400);
    expect(fieldErrors(member.body)).toEqual([['email', 'Un compte existe déjà avec cette adresse : connectez-vous.']]);
    await admin(accueil, '/referents').send({ email: 'x@y.fr', role: 'admin' }).expect(400);
    // Nobody knows the account's first password: the referent cannot log in before choosing hers.
    await app
      .http()
      .post(`${MEMBERS_API}/session`)
      .send({ email: 'rita.k@oliviers.fr', password: PASSWORD })
      .expect(400);
    rita = await referentSession('rita.k@oliviers.fr');
    remi = await referentSession('remi.d@tilleuls.fr');
    expect((await as(rita, 'get', '/me').expect(200)).body.data).toEqual({
      csrfToken: rita.csrf,
      kind: 'referent',
      referent: { email: 'rita.k@oliviers.fr', candidates: 0 },
    });
  });

  it('sends each new referent, in French, a link to choose her password, valid a week', async () => {
    await admin(accueil, '/referents').send({ email: 'sonia.b@oliviers.fr' }).expect(201);
    const welcome = await waitFor(
      async () => mails(() => true).find((mail) => mail.to === 'sonia.b@oliviers.fr'),
      'welcome e-mail to sonia.b@oliviers.fr',
    );
    expect(welcome.subject).toBe('Votre accès à l’espace emploi du centre social');
    expect(welcome.text).toContain('https://emploi.example.org/emploi/espace/nouveau-mot-de-passe/#jeton=');
    expect(welcome.text).toContain('valable 7 jours');
    const token = /jeton=([A-Za-z0-9_-]+)/.exec(welcome.text)?.[1];
    const clock = app.strapi.plugin('emploi').service('clock') as ClockService;
    const sixDays = new Date(Date.now() + 6 * 24 * 3600 * 1000);
    const spy = jest.spyOn(clock, 'now').mockImplementation(() => new Date(sixDays));
    try {
      await app.http().post(`${MEMBERS_API}/password/reset`).send({ token, password: PASSWORD }).expect(200);
    } finally {
      spy.mockRestore();
    }
    await app
      .http()
      .post(`${MEMBERS_API}/session`)
      .send({ email: 'sonia.b@oliviers.fr', password: PASSWORD })
      .expect(200);
  });

  it('lets a welcome link lapse after a week', async () => {
    await admin(accueil, '/referents').send({ email: 'yanis.t@oliviers.fr' }).expect(201);
    const welcome = await waitFor(
      async () => mails(() => true).find((mail) => mail.to === 'yanis.t@oliviers.fr'),
      'welcome e-mail to yanis.t@oliviers.fr',
    );
    const token = /jeton=([A-Za-z0-9_-]+)/.exec(welcome.text)?.[1];
    const clock = app.strapi.plugin('emploi').service('clock') as ClockService;
    const eightDays = new Date(Date.now() + 8 * 24 * 3600 * 1000);
    const spy = jest.spyOn(clock, 'now').mockImplementation(() => new Date(eightDays));
    try {
      await app.http().post(`${MEMBERS_API}/password/reset`).send({ token, password: PASSWORD }).expect(400);
    } finally {
      spy.mockRestore();
    }
  });

  it('creates a profile with a resident present, her consent recorded as oral, by whom', async () => {
    const created = await admin(accueil, '/candidates').send(chloe()).expect(201);
    chloeId = created.body.data.id;
    const [consent] = await app.strapi.db
      .query(CONSENT)
      .findMany({ where: { subjectUid: CANDIDATE_UID, subjectId: chloeId } });
    expect(consent).toMatchObject({
      method: 'oral',
      recordedBy: `admin:${accueil.id}`,
      purpose: 'emploi.candidate-profile',
    });
    expect(consent.informationText).toContain('Mon référent répond avec moi aux employeurs');
  });

  it('refuses a profile without a known referent or a consent method, or for another centre', async () => {
    const bad = await admin(accueil, '/candidates')
      .send(chloe({ referent: 'amina.benali@example.org', consentMethod: 'tacite', lastName: '', email: 'non' }))
      .expect(400);
    expect(
      fieldErrors(bad.body)
        .map(([field]) => field)
        .sort(),
    ).toEqual(['consentMethod', 'email', 'lastName']);
    const unknown = await admin(accueil, '/candidates')
      .send(chloe({ referent: 'amina.benali@example.org' }))
      .expect(400);
    expect(fieldErrors(unknown.body)).toEqual([
      ['referent', 'Aucun référent de ce centre n’a cette adresse : créez ou ajoutez d’abord son compte.'],
    ]);
    for (const hostile of [[], { ...chloe(), hidden: false }, chloe({ referent: { $ne: null } })]) {
      await admin(accueil, '/candidates')
        .send(hostile as object)
        .expect(400);
    }
    // A blocked referent could not log in to answer for the resident: the team is told so.
    const users = app.strapi.db.query('plugin::users-permissions.user');
    await users.update({ where: { email: 'remi.d@tilleuls.fr' }, data: { blocked: true } });
    const blocked = await admin(accueil, '/candidates')
      .send(chloe({ referent: 'remi.d@tilleuls.fr' }))
      .expect(400);
    expect(fieldErrors(blocked.body)).toEqual([
      ['referent', 'Le compte de ce référent est bloqué : débloquez-le ou choisissez un autre référent.'],
    ]);
    await users.update({ where: { email: 'remi.d@tilleuls.fr' }, data: { blocked: false } });
    const elsewhere = await admin(other, '/candidates').send(chloe()).expect(403);
    expect(elsewhere.body.error.message).toBe('Vous ne pouvez créer un profil que pour votre centre.');
    await admin(null, '/candidates').send(chloe()).expect(401);
    expect(await app.strapi.db.query(CANDIDATE_UID).count({ where: { firstName: 'Chloé' } })).toBe(1);
  });
});

describe('a referent', () => {
  it('sees her candidates only, as they see themselves', async () => {
    const mine = await as(rita, 'get', '/referent/candidates').expect(200);
    expect(mine.body.data).toEqual([
      expect.objectContaining({
        id: chloeId,
        firstName: 'Chloé',
        lastName: 'Lefebvre',
        email: null,
        hasAccount: false,
      }),
    ]);
    expect((await as(remi, 'get', '/referent/candidates').expect(200)).body.data).toEqual([]);
    await as(amina, 'get', '/referent/candidates').expect(403);
    await as(employer, 'get', '/referent/candidates').expect(403);
    await as(null, 'get', '/referent/candidates').expect(401);
    await as(rita, 'get', '/candidates').expect(403);
    await as(rita, 'put', '/profile').send({ commune: 'Lille' }).expect(403);
  });

  it('hears of an employer’s interest and answers for her candidate, not for others', async () => {
    const shown = await as(employer, 'get', `/candidates/${chloeId}`).expect(200);
    expect(shown.body.data).toMatchObject({ name: 'Chloé L.', positioning: null });
    chloePositioning = (
      await as(employer, 'post', `/candidates/${chloeId}/positionings`)
        .send({ message: 'Bonjour, nous cherchons une agente d’entretien le matin.' })
        .expect(201)
    ).body.data.id;
    aminaPositioning = (
      await as(employer, 'post', `/candidates/${aminaId}/positionings`)
        .send({ message: 'Bonjour, un poste de préparatrice vous intéresse-t-il ?' })
        .expect(201)
    ).body.data.id;
    // The notices leave through the outbox, a moment after the answer.
    const toRita = () =>
      mails((subject) => subject.startsWith('Une entreprise')).filter((mail) => mail.to === 'rita.k@oliviers.fr');
    await waitFor(async () => toRita().length > 0, 'the referent’s positioning notice');
    const [notice] = toRita();
    expect(notice.subject).toBe('Une entreprise s’intéresse au profil de Chloé');
    expect(notice.text).not.toContain('agente d’entretien le matin');

    const listed = await as(rita, 'get', '/positionings').expect(200);
    expect(listed.body.data).toEqual([
      expect.objectContaining({
        id: chloePositioning,
        candidate: { id: chloeId, firstName: 'Chloé', lastName: 'Lefebvre' },
        state: 'pending',
      }),
    ]);
    expect((await as(remi, 'get', '/positionings').expect(200)).body.data).toEqual([]);
    await as(rita, 'post', `/positionings/${aminaPositioning}/answer`).send({ decision: 'accept' }).expect(404);
    await as(remi, 'post', `/positionings/${chloePositioning}/answer`).send({ decision: 'accept' }).expect(404);
    await as(amina, 'post', `/positionings/${chloePositioning}/answer`).send({ decision: 'accept' }).expect(404);
    await as(rita, 'post', `/positionings/${chloePositioning}/answer`).send({ decision: 'accept' }).expect(200);
    const after = await as(employer, 'get', `/candidates/${chloeId}`).expect(200);
    expect(after.body.data.contact).toEqual({
      firstName: 'Chloé',
      lastName: 'Lefebvre',
      email: null,
      phone: null,
      referentEmail: 'rita.k@oliviers.fr',
    });
  });

  it('writes with the employer in her candidate’s conversation, and nobody else reads it', async () => {
    await as(employer, 'post', `/positionings/${chloePositioning}/messages`)
      .send({ body: 'Pouvez-vous venir jeudi avec Chloé, 9 h, porte B ?' })
      .expect(201);
    await as(rita, 'post', `/positionings/${chloePositioning}/messages`).send({ body: 'Nous serons là.' }).expect(201);
    const thread = await as(rita, 'get', `/positionings/${chloePositioning}/messages`).expect(200);
    expect(thread.body.data.map((item: { from: string; mine: boolean }) => [item.from, item.mine])).toEqual([
      ['employer', false],
      ['referent', true],
    ]);
    await as(remi, 'get', `/positionings/${chloePositioning}/messages`).expect(404);
    await as(remi, 'post', `/positionings/${chloePositioning}/messages`).send({ body: 'Bonjour' }).expect(404);
    await as(amina, 'get', `/positionings/${chloePositioning}/messages`).expect(404);
    await as(rita, 'get', `/positionings/${aminaPositioning}/messages`).expect(404);
    await waitFor(
      async () => mails((subject) => subject.startsWith('Nouveau message d')).length === 2,
      'the two message notices',
    );
    const notices = mails((subject) => subject.startsWith('Nouveau message d'));
    expect(notices.map((notice) => [notice.to, notice.subject]).sort()).toEqual([
      ['rh@entrepots-du-canal.example', 'Nouveau message du référent de Chloé'],
      ['rita.k@oliviers.fr', 'Nouveau message d’Entrepôts du Canal'],
    ]);
    for (const notice of notices) expect(notice.text).not.toContain('porte B');
  });
});

describe('messages to a group', () => {
  it('reach each candidate of the referent who has a space, in the space and by a notice without the message', async () => {
    const bruno = sessionOf(
      await app
        .http()
        .post(`${MEMBERS_API}/candidates/sign-up`)
        .send(
          candidateBody({
            email: 'bruno.martin@example.org',
            firstName: 'Bruno',
            lastName: 'Martin',
            centre: 'oliviers',
          }),
        )
        .expect(201),
    );
    // The team names Rita as Amina's referent too; Bruno has none.
    const user = await app.strapi.db
      .query('plugin::users-permissions.user')
      .findOne({ where: { email: 'rita.k@oliviers.fr' } });
    await app.strapi.db.query(CANDIDATE_UID).update({ where: { documentId: aminaId }, data: { referent: user.id } });

    const body = 'Atelier CV jeudi à 14 h au centre : apportez une clé USB.';
    const sent = await as(rita, 'post', '/referent/messages').send({ body }).expect(201);
    // Chloé has no space: the message goes to Amina only.
    expect(sent.body.data.recipients).toBe(1);
    const received = await as(amina, 'get', '/group-messages').expect(200);
    expect(received.body.data).toEqual([expect.objectContaining({ group: 'referent-candidates', mine: false, body })]);
    expect((await as(bruno, 'get', '/group-messages').expect(200)).body.data).toEqual([]);
    expect((await as(employer, 'get', '/group-messages').expect(200)).body.data).toEqual([]);
    expect((await as(rita, 'get', '/group-messages').expect(200)).body.data).toEqual([
      expect.objectContaining({ mine: true, body }),
    ]);
    expect((await as(remi, 'get', '/group-messages').expect(200)).body.data).toEqual([]);

    // Only a referent writes to her candidates, with a session and a valid body.
    await as(amina, 'post', '/referent/messages').send({ body }).expect(403);
    await as(employer, 'post', '/referent/messages').send({ body }).expect(403);
    await as(null, 'post', '/referent/messages').send({ body }).expect(401);
    const none = await as(remi, 'post', '/referent/messages').send({ body }).expect(403);
    expect(none.body.error.message).toContain('Aucun des candidats');
    await as(rita, 'post', '/referent/messages').send({ body: '', to: 'tous' }).expect(400);

    await waitFor(
      async () => mails((subject) => subject === 'Nouveau message de votre référent').length === 1,
      'the group notice',
    );
    const notices = mails((subject) => subject === 'Nouveau message de votre référent');
    expect(notices.map((notice) => notice.to)).toEqual(['amina.benali@example.org']);
    expect(notices[0].text).not.toContain('clé USB');
    expect(notices[0].text).not.toContain('Atelier CV');
  });

  it('leaves with the candidate who deletes her space', async () => {
    const exported = await as(amina, 'get', '/me/export').expect(200);
    expect(exported.body.data.groupMessages).toHaveLength(1);
    await as(amina, 'post', '/me/delete').send({ confirmation: 'SUPPRIMER' }).expect(204);
    expect(await app.strapi.db.query('plugin::emploi.delivery').count({})).toBe(0);
  });

  it('leave every candidate’s space with the referent erased through core’s personal-data tools', async () => {
    const signedUp = await app
      .http()
      .post(`${MEMBERS_API}/candidates/sign-up`)
      .send(candidateBody({ email: 'delphine.roux@example.org', firstName: 'Delphine', centre: 'oliviers' }))
      .expect(201);
    const delphine = sessionOf(signedUp);
    const user = await app.strapi.db
      .query('plugin::users-permissions.user')
      .findOne({ where: { email: 'rita.k@oliviers.fr' } });
    await app.strapi.db
      .query(CANDIDATE_UID)
      .update({ where: { documentId: signedUp.body.data.profile.id }, data: { referent: user.id } });
    await as(rita, 'post', '/referent/messages').send({ body: 'Forum de l’emploi samedi, salle Brel.' }).expect(201);
    expect((await as(delphine, 'get', '/group-messages').expect(200)).body.data).toHaveLength(1);

    const dpo = await createStaff(app, 'dpo@federation.example', ['super-admin']);
    const { found, erased } = await searchThenErase(app, dpo.token, 'rita.k@oliviers.fr');
    // The message to Amina, who left, and the one to Delphine.
    const label = 'Emploi — messages écrits à un groupe';
    expect(found.types).toContainEqual({ uid: 'plugin::emploi.group-message', label, count: 2 });
    expect(erased.types).toContainEqual({ uid: 'plugin::emploi.group-message', label, erased: 2, anonymised: 0 });
    expect(await app.strapi.db.query('plugin::emploi.group-message').count({})).toBe(0);
    expect((await as(delphine, 'get', '/group-messages').expect(200)).body.data).toEqual([]);
  });
});
