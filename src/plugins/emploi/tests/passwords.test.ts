import { startTestApp, type TestApp } from '../../../../tests/harness/strapi';
import { waitFor } from '../../core/tests/outbox/helpers';
import { addressOf, logsDuring, startSmtpServer, type TestSmtpServer } from '../../core/tests/mail/smtp-server';
import { PASSWORD_LINK_UID } from '../shared/permissions';
import { FORGOT_ANSWER } from '../server/src/services/passwords';
import type { ClockService } from '../server/src/services/clock';
import { createAccount, fieldErrors } from './helpers';
import { MEMBERS_API, candidateBody, employerBody, memberRequest, sessionOf } from './member-helpers';

/**
 * « Mot de passe oublié » : a member asks for a link by e-mail (the answer says nothing of
 * whether the address has an account), chooses a new password with it once, within the hour,
 * and every session opened with the old password ends.
 */

const OLD = 'Un-mot-de-passe-2026';
const NEW = 'Nouveau-mot-de-passe-2026';
const SITE = 'https://emploi.example.org/emploi/';

let app: TestApp;
let smtp: TestSmtpServer;
const as = (...args: Parameters<ReturnType<typeof memberRequest>>) => memberRequest(app)(...args);
const forgot = (body: unknown) =>
  app
    .http()
    .post(`${MEMBERS_API}/password/forgot`)
    .send(body as object);
const reset = (body: unknown) =>
  app
    .http()
    .post(`${MEMBERS_API}/password/reset`)
    .send(body as object);
const logIn = (email: string, password: string) => app.http().post(`${MEMBERS_API}/session`).send({ email, password });

/** The text of the n-th e-mail (1-based) the real SMTP server received for an address. */
const mailTo = (email: string, nth = 1) =>
  waitFor(async () => {
    const mails = smtp.received.filter((mail) => addressOf(mail.to) === email);
    return mails.length >= nth ? { subject: mails[nth - 1].subject ?? '', text: mails[nth - 1].text ?? '' } : null;
  }, `e-mail ${nth} to ${email}`);
const tokenIn = (text: string) => {
  const found = /espace\/nouveau-mot-de-passe\/#jeton=([A-Za-z0-9_-]+)/.exec(text);
  if (!found) throw new Error('No link in the e-mail');
  return found[1];
};

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await startTestApp({
    EMAIL_MODE: 'smtp',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    PUBLIC_URL: 'https://emploi.example.org',
  });
  await app.strapi
    .documents('plugin::core.centre')
    .create({ data: { name: 'Centre social des Oliviers', slug: 'oliviers' } });
  await app.http().post(`${MEMBERS_API}/candidates/sign-up`).send(candidateBody()).expect(201);
  await app.http().post(`${MEMBERS_API}/employers/sign-up`).send(employerBody()).expect(201);
});

afterAll(async () => {
  await app?.stop();
  await smtp?.close();
});

describe('a forgotten password', () => {
  it('is replaced through the e-mailed link, which serves once, and ends every old session', async () => {
    const email = 'amina.benali@example.org';
    const first = sessionOf(await logIn(email, OLD).expect(200));
    const second = sessionOf(await logIn(email, OLD).expect(200));
    let token = '';
    const { logs, error } = await logsDuring(app.strapi, async () => {
      const asked = await forgot({ email: 'Amina.Benali@example.org' }).expect(202);
      expect(asked.headers['cache-control']).toBe('no-store');
      expect(asked.body).toEqual({ data: { message: FORGOT_ANSWER } });
      const mail = await mailTo(email);
      expect(mail.subject).toBe('Choisir un nouveau mot de passe');
      expect(mail.text).toContain(`${SITE}espace/nouveau-mot-de-passe/#jeton=`);
      expect(mail.text).toContain('valable une heure');
      expect(mail.text).not.toContain(OLD);
      token = tokenIn(mail.text);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
      // Only the token's hash is kept, nowhere the token itself.
      const rows = await app.strapi.db.query(PASSWORD_LINK_UID).findMany({});
      const jobs = await app.strapi.db.connection('core_jobs').select('*');
      expect(rows).toHaveLength(1);
      expect(JSON.stringify([rows, jobs])).not.toContain(token);
      const done = await reset({ token, password: NEW }).expect(200);
      expect(done.body.data.message).toBe('Votre mot de passe est enregistré : connectez-vous avec lui.');
    });
    expect(error).toBeUndefined();
    expect(logs).not.toContain(email);
    expect(logs).not.toContain(token);
    for (const session of [first, second]) await as(session, 'get', '/me').expect(401);
    expect(fieldErrors((await logIn(email, OLD).expect(400)).body)).toEqual([
      ['password', 'Adresse e-mail ou mot de passe incorrect.'],
    ]);
    await as(sessionOf(await logIn(email, NEW).expect(200)), 'get', '/me').expect(200);
    const again = await reset({ token, password: 'Encore-un-autre-2026' }).expect(400);
    expect(fieldErrors(again.body)).toEqual([
      ['token', 'Ce lien n’est plus valable : il a déjà servi ou il a expiré. Demandez-en un nouveau.'],
    ]);
    await logIn(email, NEW).expect(200);
  });

  it('answers the same for an address without an account, and sends nothing', async () => {
    const links = await app.strapi.db.query(PASSWORD_LINK_UID).count();
    const asked = await forgot({ email: 'personne@example.org' }).expect(202);
    expect(asked.body).toEqual({ data: { message: FORGOT_ANSWER } });
    expect(await app.strapi.db.query(PASSWORD_LINK_UID).count()).toBe(links);
    // A later request for a real account is sent: the unknown one never was.
    await forgot({ email: 'rh@entrepots-du-canal.example' }).expect(202);
    await mailTo('rh@entrepots-du-canal.example');
    expect(smtp.received.some((mail) => addressOf(mail.to) === 'personne@example.org')).toBe(false);
  });

  it('refuses a link after its hour', async () => {
    // The employer's link of the previous test, an hour and a minute later.
    const token = tokenIn((await mailTo('rh@entrepots-du-canal.example')).text);
    const clock = app.strapi.plugin('emploi').service('clock') as ClockService;
    const later = new Date(Date.now() + 61 * 60 * 1000);
    const spy = jest.spyOn(clock, 'now').mockImplementation(() => new Date(later));
    try {
      const late = await reset({ token, password: NEW }).expect(400);
      expect(fieldErrors(late.body)).toEqual([
        ['token', 'Ce lien n’est plus valable : il a déjà servi ou il a expiré. Demandez-en un nouveau.'],
      ]);
    } finally {
      spy.mockRestore();
    }
    await logIn('rh@entrepots-du-canal.example', OLD).expect(200);
  });

  it('keeps only the last link asked for, and limits the requests for one address', async () => {
    const email = 'rh@entrepots-du-canal.example';
    const older = tokenIn((await mailTo(email)).text);
    await forgot({ email }).expect(202);
    const newer = tokenIn((await mailTo(email, 2)).text);
    await reset({ token: older, password: NEW }).expect(400);
    await forgot({ email }).expect(202);
    const limited = await forgot({ email }).expect(429);
    expect(limited.body.error.message).toMatch(/[ée]/);
    await reset({ token: newer, password: NEW }).expect(400);
    const latest = tokenIn((await mailTo(email, 3)).text);
    await reset({ token: latest, password: NEW }).expect(200);
    await logIn(email, NEW).expect(200);
  });

  it('refuses hostile input field by field, in French, never with a 500', async () => {
    const cases: [unknown, string][] = [
      [{}, 'email'],
      [{ email: 'pas-une-adresse' }, 'email'],
      [{ email: 'a@example.org', role: 'admin' }, 'role'],
      [{ email: { $ne: null } }, 'email'],
    ];
    for (const [body, field] of cases) {
      const answer = await forgot(body).expect(400);
      expect(fieldErrors(answer.body).map(([path]) => path)).toContain(field);
    }
    const bad = await reset({ token: '../../etc/passwd', password: 'court' }).expect(400);
    expect(fieldErrors(bad.body)).toEqual([
      ['token', 'Le lien n’est pas valide : copiez-le en entier depuis l’e-mail.'],
      ['password', 'Le mot de passe compte au moins 10 caractères.'],
    ]);
    await reset({ token: 'x'.repeat(5000), password: NEW }).expect(400);
    await reset({ token: 'A'.repeat(43), password: NEW, email: 'a@example.org' }).expect(400);
    const unknown = await reset({ token: 'A'.repeat(43), password: NEW }).expect(400);
    expect(fieldErrors(unknown.body)[0][0]).toBe('token');
    await app
      .http()
      .post(`${MEMBERS_API}/password/reset`)
      .set('Content-Type', 'application/json')
      .send('{"token":')
      .expect(400);
  });
});

describe('a partner’s password', () => {
  it('is chosen through the same link: the team creates partners’ accounts without telling them one', async () => {
    // A core « Partenaire » account: the same password serves the space and the partner routes.
    const email = 'conseillere@mission-locale.example';
    await createAccount(app, email, 'partenaire');
    await forgot({ email }).expect(202);
    const mail = await mailTo(email);
    expect(mail.subject).toBe('Choisir un nouveau mot de passe');
    await reset({ token: tokenIn(mail.text), password: NEW }).expect(200);
    const session = sessionOf(await logIn(email, NEW).expect(200));
    expect((await as(session, 'get', '/me').expect(200)).body.data).toMatchObject({ kind: 'partner' });
    await app.http().post('/api/auth/local').send({ identifier: email, password: NEW }).expect(200);
  });
});
