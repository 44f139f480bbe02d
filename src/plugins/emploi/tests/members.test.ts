import { startTestApp, type TestApp } from '../../../../tests/harness/strapi';
import { CANDIDATE_UID, EMPLOYER_UID } from '../shared/permissions';
import { waitFor } from '../../core/tests/outbox/helpers';
import type { ClockService } from '../server/src/services/clock';
import { fieldErrors } from './helpers';
import {
  MEMBERS_API,
  candidateBody,
  cookiesOf,
  employerBody,
  memberRequest,
  sessionOf,
  type Session,
} from './member-helpers';

/**
 * Members' spaces of the sourcing: candidates and employers sign up and hold a session in an
 * httpOnly cookie with a CSRF token; validated employers see pseudonymous profiles, position
 * themselves, and receive contact details only after the candidate accepts.
 */

const API = MEMBERS_API;
const CAPTURED = 'plugin::core.captured-email';
const CONSENT = 'plugin::core.consent';
const SESSION = 'plugin::emploi.session';

let app: TestApp;
const as = (...args: Parameters<ReturnType<typeof memberRequest>>) => memberRequest(app)(...args);

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

let amina: Session;
let bruno: Session;
let employer: Session;
let aminaId: string;
let acceptedId: string;
let brunoId: string;

/** The centre's team ticks « Validé par le centre » on the employer's record. */
const validate = async (contactEmail: string) => {
  const row = await app.strapi.db.query(EMPLOYER_UID).findOne({ where: { contactEmail } });
  await app.strapi.documents(EMPLOYER_UID).update({ documentId: row.documentId, data: { validated: true } as never });
};

beforeAll(async () => {
  app = await startTestApp({ EMAIL_MODE: 'capture' });
  await app.strapi
    .documents('plugin::core.centre')
    .create({ data: { name: 'Centre social des Oliviers', slug: 'oliviers' } });
});

afterAll(async () => {
  await app?.stop();
});

describe('signing up', () => {
  it('opens a candidate session in an httpOnly, SameSite=Strict cookie, with consent recorded', async () => {
    const response = await app.http().post(`${API}/candidates/sign-up`).send(candidateBody()).expect(201);
    const lines = ([] as string[]).concat(response.headers['set-cookie'] as unknown as string[]);
    const session = lines.find((line) => line.startsWith('emploi_session='));
    expect(session).toMatch(/httponly/i);
    expect(session).toMatch(/samesite=strict/i);
    expect(lines.find((line) => line.startsWith('emploi_csrf='))).not.toMatch(/httponly/i);
    // No token in the answer's body: the site's scripts never hold it.
    expect(JSON.stringify(response.body)).not.toContain(cookiesOf(lines).emploi_session);
    expect(response.body.data).toMatchObject({
      kind: 'candidate',
      profile: { firstName: 'Amina', commune: 'Roubaix' },
    });
    amina = sessionOf(response);
    aminaId = response.body.data.profile.id;
    const consents = await app.strapi.db
      .query(CONSENT)
      .findMany({ where: { subjectUid: CANDIDATE_UID, subjectId: aminaId } });
    expect(consents).toHaveLength(1);
    expect(consents[0].method).toBe('online-form');

    const second = await app
      .http()
      .post(`${API}/candidates/sign-up`)
      .send(candidateBody({ email: 'bruno.martin@example.org', firstName: 'Bruno', lastName: 'Martin' }))
      .expect(201);
    bruno = sessionOf(second);
    brunoId = second.body.data.profile.id;
  });

  it('refuses bad sign-ups field by field, in French', async () => {
    const response = await app
      .http()
      .post(`${API}/candidates/sign-up`)
      .send({ ...candidateBody({ email: 'pas-une-adresse', password: 'court', consent: false }), role: 'admin' })
      .expect(400);
    const errors = fieldErrors(response.body);
    expect(errors).toEqual(
      expect.arrayContaining([
        ['email', 'Cette adresse e-mail n’est pas valide.'],
        ['password', 'Le mot de passe compte au moins 10 caractères.'],
        ['role', 'Ce champ n’est pas attendu.'],
      ]),
    );
    expect(errors.map(([field]) => field)).toContain('consent');
    const taken = await app.http().post(`${API}/candidates/sign-up`).send(candidateBody()).expect(400);
    expect(fieldErrors(taken.body)).toEqual([['email', 'Un compte existe déjà avec cette adresse : connectez-vous.']]);
    for (const hostile of [[], 'texte', { email: { $ne: null } }, candidateBody({ firstName: 'x'.repeat(5000) })]) {
      const response = await app
        .http()
        .post(`${API}/candidates/sign-up`)
        .send(hostile as object);
      // A text body is refused as such (415), the others field by field.
      expect(response.status).toBe(hostile === 'texte' ? 415 : 400);
    }
    const siret = await app
      .http()
      .post(`${API}/employers/sign-up`)
      .send(employerBody({ siret: '73282932000075' }))
      .expect(400);
    expect(fieldErrors(siret.body).map(([field]) => field)).toEqual(['siret']);
  });

  it('registers an employer not yet validated, who sees no candidate until the centre validates it', async () => {
    const response = await app.http().post(`${API}/employers/sign-up`).send(employerBody()).expect(201);
    expect(response.body.data).toMatchObject({
      kind: 'employer',
      employer: { name: 'Entrepôts du Canal', validated: false },
    });
    employer = sessionOf(response);
    const refused = await as(employer, 'get', '/candidates').expect(403);
    expect(refused.body.error.message).toContain('pas encore validée');
    await as(employer, 'get', `/candidates/${aminaId}`).expect(403);
    await as(employer, 'post', `/candidates/${aminaId}/positionings`)
      .send({ message: 'Bonjour, nous recrutons.' })
      .expect(403);
    await validate('rh@entrepots-du-canal.example');
  });

  it('logs in with the right password only, and logs out', async () => {
    const wrong = await app
      .http()
      .post(`${API}/session`)
      .send({ email: 'amina.benali@example.org', password: 'pas-le-bon-mot' })
      .expect(400);
    expect(fieldErrors(wrong.body)).toEqual([['password', 'Adresse e-mail ou mot de passe incorrect.']]);
    const right = await app
      .http()
      .post(`${API}/session`)
      .send({ email: 'Amina.Benali@example.org', password: 'Un-mot-de-passe-2026' })
      .expect(200);
    const session = sessionOf(right);
    await as(session, 'get', '/me').expect(200);
    await app.http().delete(`${API}/session`).set('Cookie', session.cookie).expect(403);
    const out = await as(session, 'delete', '/session').expect(204);
    expect(cookiesOf(out.headers['set-cookie'] as unknown as string[]).emploi_session).toBe('');
    // A copy of the old cookie kept elsewhere opens nothing any more.
    await as(session, 'get', '/me').expect(401);
    await as(session, 'put', '/profile').send({ commune: 'Lille' }).expect(401);
  });
});

describe('sessions', () => {
  it('keeps only a hash of the cookie, which is no bearer token for the rest of the API', async () => {
    const token = amina.cookie.split(';')[0].slice('emploi_session='.length);
    expect(token.length).toBeGreaterThanOrEqual(43);
    const rows = (await app.strapi.db.query(SESSION).findMany({})) as { tokenHash: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(token);
    await app.http().get('/api/users/me').set('Authorization', `Bearer ${token}`).expect(401);
    await as(amina, 'get', '/me').expect(200);
  });

  it('gives a new tab the session’s CSRF token through /me, so it saves without logging in again', async () => {
    // A second tab sends the same cookies but holds no token: the site's pages cannot read the
    // CSRF cookie, whose path is the API's.
    const cookie = amina.cookie;
    const me = await app.http().get(`${API}/me`).set('Cookie', cookie).expect(200);
    expect(me.headers['cache-control']).toBe('no-store');
    expect(me.body.data.csrfToken).toBe(amina.csrf);
    await app
      .http()
      .put(`${API}/profile`)
      .set('Cookie', cookie)
      .set('X-CSRF-Token', me.body.data.csrfToken)
      .send({ commune: 'Roubaix' })
      .expect(200);
    await app
      .http()
      .put(`${API}/profile`)
      .set('Cookie', cookie)
      .set('X-CSRF-Token', `${me.body.data.csrfToken}x`)
      .send({ commune: 'Lille' })
      .expect(403);
    await app.http().put(`${API}/profile`).set('Cookie', cookie).send({ commune: 'Lille' }).expect(403);
    expect((await as(amina, 'get', '/me').expect(200)).body.data.profile.commune).toBe('Roubaix');
    // Without a session, /me gives no token.
    const anonymous = await app.http().get(`${API}/me`).expect(401);
    expect(JSON.stringify(anonymous.body)).not.toContain('csrf');
  });

  it('refuses an expired session, and sweeps expired ones away at the next log-in', async () => {
    const response = await app
      .http()
      .post(`${API}/session`)
      .send({ email: 'bruno.martin@example.org', password: 'Un-mot-de-passe-2026' })
      .expect(200);
    const session = sessionOf(response);
    const clock = app.strapi.plugin('emploi').service('clock') as ClockService;
    const later = new Date(Date.now() + 13 * 3600 * 1000);
    const spy = jest.spyOn(clock, 'now').mockImplementation(() => new Date(later));
    try {
      await as(session, 'get', '/me').expect(401);
      const count = () => app.strapi.db.query(SESSION).count({ where: { expiresAt: { $lt: later } } });
      expect(await count()).toBeGreaterThan(0);
      const again = await app
        .http()
        .post(`${API}/session`)
        .send({ email: 'bruno.martin@example.org', password: 'Un-mot-de-passe-2026' })
        .expect(200);
      expect(await count()).toBe(0);
      bruno = sessionOf(again);
      employer = sessionOf(
        await app
          .http()
          .post(`${API}/session`)
          .send({ email: 'rh@entrepots-du-canal.example', password: 'Un-mot-de-passe-2026' })
          .expect(200),
      );
      amina = sessionOf(
        await app
          .http()
          .post(`${API}/session`)
          .send({ email: 'amina.benali@example.org', password: 'Un-mot-de-passe-2026' })
          .expect(200),
      );
    } finally {
      spy.mockRestore();
    }
    await as(bruno, 'get', '/me').expect(200);
  });
});

describe('guessing passwords', () => {
  it('stops after ten attempts on one address within a quarter of an hour, whether it has an account or not', async () => {
    const attempt = () =>
      app.http().post(`${API}/session`).send({ email: 'claire.dupont@example.org', password: 'devine-encore' });
    for (let count = 0; count < 10; count += 1) expect((await attempt()).status).toBe(400);
    const stopped = await attempt();
    expect(stopped.status).toBe(429);
    expect(stopped.body.error.message).toMatch(/[Rr]éessayez|trop/);
  });
});

describe('profiles and positionings', () => {
  it('lets the candidate fill in her profile and choose what employers see', async () => {
    const response = await as(amina, 'put', '/profile')
      .send({
        phone: '06 12 34 56 78',
        desiredJobs: ['Préparatrice de commandes'],
        skills: ['Cariste CACES 1', 'Travail en équipe'],
        mobilityKm: 15,
        availability: 'immediate',
        languages: ['français', 'arabe'],
        visibility: ['desiredJobs', 'skills', 'commune', 'availability'],
      })
      .expect(200);
    expect(response.body.data).toMatchObject({ phone: '0612345678', availability: 'immediate' });
    const bad = await as(amina, 'put', '/profile')
      .send({ mobilityKm: -3, visibility: ['email'], availability: 'demain', password: 'x' })
      .expect(400);
    expect(fieldErrors(bad.body).map(([field]) => field)).toEqual(
      expect.arrayContaining(['mobilityKm', 'visibility.0', 'availability', '']),
    );
  });

  it('takes a CV in PDF only, checked by its first bytes and its size', async () => {
    const stored = await as(amina, 'put', '/profile/cv')
      .attach('cv', PDF, { filename: 'CV Amina.pdf', contentType: 'application/pdf' })
      .expect(200);
    expect(stored.body.data).toEqual({ fileName: 'CV Amina.pdf', size: PDF.length });
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), Buffer.alloc(100)]);
    const notPdf = await as(amina, 'put', '/profile/cv')
      .attach('cv', png, { filename: 'cv.pdf', contentType: 'application/pdf' })
      .expect(400);
    expect(fieldErrors(notPdf.body)).toEqual([
      ['cv', 'Ce fichier n’est pas un PDF : enregistrez votre CV au format PDF.'],
    ]);
    const big = Buffer.concat([PDF, Buffer.alloc(2 * 1024 * 1024)]);
    const tooBig = await as(amina, 'put', '/profile/cv').attach('cv', big, { filename: 'cv.pdf' }).expect(400);
    expect(fieldErrors(tooBig.body)).toEqual([
      ['cv', 'Le CV pèse 2 Mo au plus : réduisez-le ou enregistrez-le en PDF plus léger.'],
    ]);
    expect(fieldErrors((await as(amina, 'put', '/profile/cv').send({}).expect(400)).body)).toEqual([
      ['cv', 'Joignez votre CV, en PDF.'],
    ]);
    await as(amina, 'put', '/profile/cv').attach('cv', PDF, 'cv.pdf').attach('photo', PDF, 'photo.pdf').expect(400);
    await app.http().put(`${API}/profile/cv`).set('Cookie', amina.cookie).attach('cv', PDF, 'cv.pdf').expect(403);
    await as(employer, 'put', '/profile/cv').attach('cv', PDF, 'cv.pdf').expect(403);
    const own = await as(amina, 'get', '/profile/cv').responseType('blob').expect(200);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.headers['content-disposition']).toMatch(/^attachment/);
    expect(Buffer.from(own.body).equals(PDF)).toBe(true);
    expect((await as(amina, 'get', '/me').expect(200)).body.data.cv).toEqual({
      fileName: 'CV Amina.pdf',
      size: PDF.length,
    });
  });

  it('answers the portal’s own pages only, even with the session cookie', async () => {
    // Another site on the same domain (a centre's blog) sends the SameSite cookie along.
    const foreign = await as(amina, 'get', '/me').set('Origin', 'https://blog.oliviers.example').expect(403);
    expect(foreign.body.error.message).toBe('Cet espace ne répond qu’aux pages du portail emploi.');
    expect(JSON.stringify(foreign.body)).not.toContain('amina');
    await as(amina, 'put', '/profile')
      .set('Origin', 'https://blog.oliviers.example')
      .send({ commune: 'Lille' })
      .expect(403);
    await app
      .http()
      .post(`${MEMBERS_API}/session`)
      .set('Origin', 'https://blog.oliviers.example')
      .send({ email: 'amina.benali@example.org', password: 'Un-mot-de-passe-2026' })
      .expect(403);
    // The site is served with the CMS: its own pages name the CMS's address.
    const own = await as(amina, 'get', '/me').set('Origin', app.baseUrl).expect(200);
    expect(own.body.data.csrfToken).toBe(amina.csrf);
  });

  it('refuses a write without the CSRF header, and any member route without a session', async () => {
    const noHeader = await app
      .http()
      .put(`${API}/profile`)
      .set('Cookie', amina.cookie)
      .send({ commune: 'Lille' })
      .expect(403);
    expect(noHeader.body.error.message).toContain('rechargez la page');
    await app
      .http()
      .put(`${API}/profile`)
      .set('Cookie', amina.cookie)
      .set('X-CSRF-Token', 'un-autre-jeton')
      .send({ commune: 'Lille' })
      .expect(403);
    const routes: ['get' | 'post' | 'put' | 'delete', string][] = [
      ['get', '/me'],
      ['post', '/me/delete'],
      ['get', '/me/export'],
      ['put', '/profile'],
      ['put', '/profile/cv'],
      ['delete', '/profile/cv'],
      ['get', '/profile/cv'],
      ['get', `/candidates/${aminaId}/cv`],
      ['get', '/candidates'],
      ['get', `/candidates/${aminaId}`],
      ['post', `/candidates/${aminaId}/positionings`],
      ['get', '/positionings'],
      ['post', `/positionings/${aminaId}/answer`],
      ['get', `/positionings/${aminaId}/messages`],
      ['post', `/positionings/${aminaId}/messages`],
    ];
    for (const [method, path] of routes) {
      await as(null, method, path).send({}).expect(401);
      await as({ cookie: 'emploi_session=forged.token.value; emploi_csrf=a', csrf: 'a' }, method, path)
        .send({})
        .expect(401);
    }
  });

  it('shows validated employers pseudonymous profiles with only the allowed fields', async () => {
    const response = await as(employer, 'get', '/candidates').expect(200);
    const shown = response.body.data.find((row: { id: string }) => row.id === aminaId);
    expect(shown).toEqual({
      id: aminaId,
      name: 'Amina B.',
      desiredJobs: ['Préparatrice de commandes'],
      skills: ['Cariste CACES 1', 'Travail en équipe'],
      commune: 'Roubaix',
      availability: 'immediate',
      positioning: null,
    });
    const text = JSON.stringify(response.body);
    for (const secret of ['Benali', 'amina.benali@example.org', '0612345678', 'arabe'])
      expect(text).not.toContain(secret);
  });

  it('keeps contact details from the employer until the candidate accepts', async () => {
    const message = 'Bonjour, nous cherchons une préparatrice de commandes en équipe du matin.';
    const created = await as(employer, 'post', `/candidates/${aminaId}/positionings`).send({ message }).expect(201);
    const positioningId = created.body.data.id as string;
    acceptedId = positioningId;
    const early = await as(employer, 'post', `/positionings/${positioningId}/messages`)
      .send({ body: 'Êtes-vous là ?' })
      .expect(403);
    expect(early.body.error.message).toBe('Vous pourrez écrire quand le candidat aura accepté le positionnement.');
    await as(employer, 'post', `/candidates/${aminaId}/positionings`).send({ message }).expect(400);

    // The notice leaves through the outbox, a moment after the answer.
    const noticesToAmina = () => app.strapi.db.query(CAPTURED).findMany({ where: { to: 'amina.benali@example.org' } });
    await waitFor(async () => (await noticesToAmina()).length > 0, 'the positioning notice');
    const [notice] = await noticesToAmina();
    expect(notice.subject).toBe('Une entreprise s’intéresse à votre profil');
    expect(notice.text).not.toContain(message);

    const before = [
      await as(employer, 'get', `/candidates/${aminaId}`).expect(200),
      await as(employer, 'get', '/candidates').expect(200),
      await as(employer, 'get', '/positionings').expect(200),
    ];
    for (const response of before) {
      const text = JSON.stringify(response.body);
      expect(text).not.toContain('amina.benali@example.org');
      expect(text).not.toContain('0612345678');
      expect(text).not.toContain('Benali');
    }
    expect(before[0].body.data).toMatchObject({ positioning: 'pending' });
    const cvBefore = await as(employer, 'get', `/candidates/${aminaId}/cv`).expect(403);
    expect(cvBefore.body.error.message).toBe('Le CV n’est donné qu’après l’accord du candidat à votre positionnement.');

    // Only the candidate herself answers: not another candidate, not the employer.
    await as(bruno, 'post', `/positionings/${positioningId}/answer`).send({ decision: 'accept' }).expect(404);
    await as(employer, 'post', `/positionings/${positioningId}/answer`).send({ decision: 'accept' }).expect(403);
    const received = await as(amina, 'get', '/positionings').expect(200);
    expect(received.body.data).toEqual([
      expect.objectContaining({
        id: positioningId,
        message,
        state: 'pending',
        employer: expect.objectContaining({ name: 'Entrepôts du Canal' }),
      }),
    ]);
    expect((await as(bruno, 'get', '/positionings').expect(200)).body.data).toEqual([]);
    await as(amina, 'post', `/positionings/${positioningId}/answer`).send({ decision: 'oui' }).expect(400);

    await as(amina, 'post', `/positionings/${positioningId}/answer`).send({ decision: 'accept' }).expect(200);
    const after = await as(employer, 'get', `/candidates/${aminaId}`).expect(200);
    expect(after.body.data).toMatchObject({
      positioning: 'accepted',
      contact: { firstName: 'Amina', lastName: 'Benali', email: 'amina.benali@example.org', phone: '0612345678' },
    });
    const cvAfter = await as(employer, 'get', `/candidates/${aminaId}/cv`).responseType('blob').expect(200);
    expect(Buffer.from(cvAfter.body).equals(PDF)).toBe(true);
    await as(amina, 'post', `/positionings/${positioningId}/answer`).send({ decision: 'decline' }).expect(400);
  });

  it('gives a declined employer nothing, and lets it try again', async () => {
    const created = await as(employer, 'post', `/candidates/${brunoId}/positionings`)
      .send({ message: 'Bonjour, un poste de cariste vous intéresserait-il ?' })
      .expect(201);
    await as(bruno, 'post', `/positionings/${created.body.data.id}/answer`).send({ decision: 'decline' }).expect(200);
    const view = await as(employer, 'get', `/candidates/${brunoId}`).expect(200);
    expect(view.body.data.positioning).toBe('declined');
    expect(view.body.data.contact).toBeUndefined();
    await as(employer, 'get', `/candidates/${brunoId}/cv`).expect(403);
  });

  it('lets the two sides write to each other once accepted, with an e-mail notice without the message', async () => {
    const body = 'Pouvez-vous passer mardi à 10 h au 12 rue du Canal ? Apportez vos chaussures de sécurité.';
    await as(employer, 'post', `/positionings/${acceptedId}/messages`).send({ body }).expect(201);
    await as(amina, 'post', `/positionings/${acceptedId}/messages`).send({ body: 'Oui, j’y serai.' }).expect(201);
    const thread = await as(amina, 'get', `/positionings/${acceptedId}/messages`).expect(200);
    expect(thread.body.data.map((message: { mine: boolean; body: string }) => [message.mine, message.body])).toEqual([
      [false, body],
      [true, 'Oui, j’y serai.'],
    ]);
    expect((await as(employer, 'get', `/positionings/${acceptedId}/messages`).expect(200)).body.data).toHaveLength(2);
    // Not another candidate, not without a session, nor a bad body.
    await as(bruno, 'get', `/positionings/${acceptedId}/messages`).expect(404);
    await as(bruno, 'post', `/positionings/${acceptedId}/messages`).send({ body: 'Bonjour' }).expect(404);
    const bad = await as(amina, 'post', `/positionings/${acceptedId}/messages`)
      .send({ body: '', to: 'tous' })
      .expect(400);
    expect(
      fieldErrors(bad.body)
        .map(([field]) => field)
        .sort(),
    ).toEqual(['', 'body']);
    await waitFor(
      async () =>
        (await app.strapi.db.query(CAPTURED).count({ where: { subject: { $startsWith: 'Nouveau message' } } })) === 2,
      'the two message notices',
    );
    const notices = (await app.strapi.db.query(CAPTURED).findMany({
      where: { subject: { $startsWith: 'Nouveau message' } },
      orderBy: { id: 'asc' },
    })) as { to: string; subject: string; text: string }[];
    expect(notices.map((notice) => [notice.to, notice.subject])).toEqual([
      ['amina.benali@example.org', 'Nouveau message d’Entrepôts du Canal'],
      ['rh@entrepots-du-canal.example', 'Nouveau message d’Amina'],
    ]);
    for (const notice of notices) expect(notice.text).not.toContain('chaussures');
  });

  it('keeps candidates to their own space', async () => {
    await as(amina, 'get', '/candidates').expect(403);
    await as(amina, 'get', `/candidates/${brunoId}`).expect(403);
    await as(amina, 'post', `/candidates/${brunoId}/positionings`)
      .send({ message: 'Bonjour Bruno, je me permets.' })
      .expect(403);
    await as(employer, 'put', '/profile').send({ commune: 'Lille' }).expect(403);
    await as(employer, 'get', '/me/export').expect(403);
    const me = await as(bruno, 'get', '/me').expect(200);
    expect(me.body.data.profile.id).toBe(brunoId);
    expect(JSON.stringify(me.body)).not.toContain('amina');
  });

  it('answers hostile ids and queries with a 400 or 404, never a 500', async () => {
    for (const id of ['%00', "1' OR '1'='1", 'a'.repeat(200), 'inconnu0000000000000000']) {
      const response = await as(employer, 'get', `/candidates/${encodeURIComponent(id)}`);
      expect([400, 404]).toContain(response.status);
    }
    await as(employer, 'get', '/candidates?filters[email][$ne]=x').expect(400);
    await as(amina, 'put', '/profile').send({ skills: 'tout' }).expect(400);
    await as(amina, 'put', '/profile')
      .send({ skills: [{ $gt: '' }] })
      .expect(400);
  });
});

describe('export and deletion', () => {
  it('gives the candidate everything kept about her, then deletes it all', async () => {
    const exported = await as(amina, 'get', '/me/export').expect(200);
    expect(exported.body.data.profile).toMatchObject({ email: 'amina.benali@example.org', phone: '0612345678' });
    expect(exported.body.data.positionings[0].messages).toHaveLength(2);
    expect(exported.body.data.positionings).toEqual([
      expect.objectContaining({ employer: 'Entrepôts du Canal', state: 'accepted' }),
    ]);
    const unconfirmed = await as(amina, 'post', '/me/delete').send({ confirmation: 'oui', keep: true }).expect(400);
    expect(fieldErrors(unconfirmed.body)).toEqual([
      ['confirmation', 'Écrivez SUPPRIMER pour confirmer la suppression de votre espace.'],
      ['', 'Champ inconnu : keep.'],
    ]);
    const account = await app.strapi.db
      .query('plugin::users-permissions.user')
      .findOne({ where: { email: 'amina.benali@example.org' } });
    // A second session, on another device, ends with the account too.
    await app
      .http()
      .post(`${API}/session`)
      .send({ email: 'amina.benali@example.org', password: 'Un-mot-de-passe-2026' })
      .expect(200);
    expect(await app.strapi.db.query(SESSION).count({ where: { account: account.id } })).toBe(2);
    await as(amina, 'post', '/me/delete').send({ confirmation: 'SUPPRIMER' }).expect(204);
    expect(await app.strapi.db.query(SESSION).count({ where: { account: account.id } })).toBe(0);
    expect(await app.strapi.db.query(CANDIDATE_UID).count({ where: { documentId: aminaId } })).toBe(0);
    expect(
      await app.strapi.db
        .query('plugin::users-permissions.user')
        .count({ where: { email: 'amina.benali@example.org' } }),
    ).toBe(0);
    await as(amina, 'get', '/me').expect(401);
    await as(employer, 'get', `/candidates/${aminaId}`).expect(404);
    await app
      .http()
      .post(`${API}/session`)
      .send({ email: 'amina.benali@example.org', password: 'Un-mot-de-passe-2026' })
      .expect(400);
  });
});
