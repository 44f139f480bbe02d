import { startTestApp, type TestApp } from '../../../../tests/harness/strapi';
import { createStaff, type StaffAccount } from '../../../../tests/harness/admin';
import { EMPLOYER_UID, OFFER_UID } from '../shared/permissions';
import { addDays, bearer, createAccount, fieldErrors, offerBody } from './helpers';
import { MEMBERS_API, employerBody, candidateBody, memberRequest, sessionOf, type Session } from './member-helpers';

/**
 * Offers proposed from the members' space: validated employers and core's partners log in with
 * the session cookie and propose offers, which wait in core moderation; partners take no part
 * in the sourcing and keep their shared account out of the space's export and deletion.
 */

const ITEMS = 'plugin::core.moderation-item';
const USER_UID = 'plugin::users-permissions.user';
const STAFF_ROLE = 'Équipe du centre';
const PASSWORD = 'Un-mot-de-passe-2026';
const PARTNER_EMAIL = 'conseillere@mission-locale.example';
const PROPOSERS_ONLY = 'Seuls les employeurs validés par le centre et ses partenaires proposent des offres d’emploi.';
const PARTNER_DATA =
  'Votre compte partenaire est partagé avec les autres outils du centre social : pour obtenir une copie de vos données ou supprimer ce compte, demandez-le à l’équipe du centre.';

let app: TestApp;
let accueil: StaffAccount;
let employer: Session;
let candidate: Session;
let referent: Session;
let partner: Session;
let today: string;

const as = (...args: Parameters<ReturnType<typeof memberRequest>>) => memberRequest(app)(...args);
const logIn = async (email: string, password = PASSWORD) =>
  app.http().post(`${MEMBERS_API}/session`).send({ email, password }).expect(200);
const offerCount = () => app.strapi.db.query(OFFER_UID).count();
const publicTitles = async () =>
  ((await app.http().get('/api/emploi/offers').expect(200)).body.data as { title: string }[]).map(
    (offer) => offer.title,
  );

beforeAll(async () => {
  app = await startTestApp({ EMAIL_MODE: 'capture' });
  today = (app.strapi.plugin('emploi').service('offers') as { today(): string }).today();
  const centres = app.strapi.documents('plugin::core.centre');
  const oliviers = (await centres.create({ data: { name: 'Centre social des Oliviers', slug: 'oliviers' } })) as {
    id: number;
  };
  await centres.create({ data: { name: 'Centre social des Tilleuls', slug: 'tilleuls' } });
  accueil = await createStaff(app, 'accueil@oliviers.example', [STAFF_ROLE]);
  await app.strapi.db
    .query('plugin::core.centre')
    .update({ where: { id: oliviers.id }, data: { staff: [accueil.id] } });

  employer = sessionOf(
    await app
      .http()
      .post(`${MEMBERS_API}/employers/sign-up`)
      .send(employerBody({ centre: 'oliviers' }))
      .expect(201),
  );
  candidate = sessionOf(
    await app
      .http()
      .post(`${MEMBERS_API}/candidates/sign-up`)
      .send(candidateBody({ centre: 'oliviers' }))
      .expect(201),
  );
  const created = await app
    .http()
    .post('/emploi/referents')
    .set(bearer(accueil.token))
    .send({ email: 'rita.k@example.org' })
    .expect(201);
  const { id } = created.body.data as { id: number };
  await app.strapi.plugin('users-permissions').service('user').edit(id, { password: PASSWORD });
  referent = sessionOf(await logIn('rita.k@example.org'));
  // The team creates partners' accounts in Users & Permissions, with core's « Partenaire » role.
  await createAccount(app, PARTNER_EMAIL, 'partenaire');
});

afterAll(async () => {
  await app?.stop();
});

describe('a partner in the members’ space', () => {
  it('logs in with the account the team made, and the space knows it as a partner', async () => {
    const response = await logIn(PARTNER_EMAIL, 'Emploi-quartier-2026');
    expect(response.body.data).toMatchObject({ kind: 'partner', partner: { email: PARTNER_EMAIL } });
    partner = sessionOf(response);
    const me = await as(partner, 'get', '/me').expect(200);
    expect(me.body.data).toEqual({ kind: 'partner', partner: { email: PARTNER_EMAIL }, csrfToken: partner.csrf });
  });

  it('never reaches candidates, positionings, messages or profiles', async () => {
    const routes: ['get' | 'post' | 'put' | 'delete', string][] = [
      ['get', '/candidates'],
      ['get', '/candidates/inconnu0000000000000000'],
      ['post', '/candidates/inconnu0000000000000000/positionings'],
      ['get', '/candidates/inconnu0000000000000000/cv'],
      ['get', '/positionings'],
      ['post', '/positionings/inconnu0000000000000000/answer'],
      ['get', '/positionings/inconnu0000000000000000/messages'],
      ['post', '/positionings/inconnu0000000000000000/messages'],
      ['get', '/group-messages'],
      ['get', '/referent/candidates'],
      ['post', '/referent/messages'],
      ['put', '/profile'],
      ['get', '/profile/cv'],
    ];
    for (const [method, path] of routes) {
      const response = await as(partner, method, path).send({});
      expect([method, path, response.status]).toEqual([method, path, 403]);
      expect(response.body.error.message).toMatch(/^Cette page est réservée aux /);
    }
    const text = JSON.stringify((await as(partner, 'get', '/positionings')).body);
    expect(text).not.toContain('Amina');
  });

  it('keeps the partner’s shared account out of the space’s export and deletion', async () => {
    const exported = await as(partner, 'get', '/me/export').expect(403);
    expect(exported.body.error.message).toBe(PARTNER_DATA);
    const erased = await as(partner, 'post', '/me/delete').send({ confirmation: 'SUPPRIMER' }).expect(403);
    expect(erased.body.error.message).toBe(PARTNER_DATA);
    expect(await app.strapi.db.query(USER_UID).count({ where: { email: PARTNER_EMAIL } })).toBe(1);
    await as(partner, 'get', '/me').expect(200);
  });
});

describe('proposing an offer from the space', () => {
  it('refuses an employer the centre has not validated yet, keeping its French message', async () => {
    for (const [method, body] of [
      ['get', undefined],
      ['post', offerBody()],
    ] as const) {
      const response = await as(employer, method, '/offers').send(body);
      expect(response.status).toBe(403);
      expect(response.body.error.message).toBe(
        'Votre entreprise n’est pas encore validée par le centre : vous pourrez publier des offres ensuite.',
      );
    }
    expect(await offerCount()).toBe(0);
  });

  it('refuses candidates and referents in French', async () => {
    for (const session of [candidate, referent]) {
      for (const method of ['get', 'post'] as const) {
        const response = await as(session, method, '/offers').send(offerBody());
        expect(response.status).toBe(403);
        expect(response.body.error.message).toBe(PROPOSERS_ONLY);
      }
    }
    await as(null, 'get', '/offers').expect(401);
    await as(null, 'post', '/offers').send(offerBody()).expect(401);
    expect(await offerCount()).toBe(0);
  });

  it('takes a validated employer’s offer into moderation, hidden from the public until accepted', async () => {
    const row = await app.strapi.db.query(EMPLOYER_UID).findOne({ where: { contactEmail: employerBody().email } });
    await app.strapi.documents(EMPLOYER_UID).update({ documentId: row.documentId, data: { validated: true } as never });

    const created = await as(employer, 'post', '/offers').send(offerBody()).expect(201);
    expect(created.body.data).toMatchObject({ published: false, validUntil: addDays(today, 30) });
    const id = created.body.data.id as string;
    const offer = await app.strapi.db.query(OFFER_UID).findOne({ where: { documentId: id }, populate: ['employer'] });
    expect(offer).toMatchObject({ publishedAt: null, employerName: 'Entrepôts du Canal', postedByKind: 'employer' });
    expect(await publicTitles()).not.toContain('Préparateur ou préparatrice de commandes');
    await app.http().get(`/api/emploi/offers/${id}`).expect(404);

    const own = await as(employer, 'get', '/offers').expect(200);
    expect(own.headers['cache-control']).toBe('no-store');
    expect(own.body.data).toEqual([
      expect.objectContaining({ id, title: 'Préparateur ou préparatrice de commandes', status: 'pending' }),
    ]);

    const item = await app.strapi.db.query(ITEMS).findOne({ where: { subjectId: id } });
    await app
      .http()
      .post(`/core/moderation/${item.id}/decision`)
      .set(bearer(accueil.token))
      .send({ decision: 'accept' })
      .expect(200);
    expect(await publicTitles()).toContain('Préparateur ou préparatrice de commandes');
    expect((await as(employer, 'get', '/offers').expect(200)).body.data[0].status).toBe('published');
  });

  it('lets a partner propose an offer with the employer’s name and the centre, and read it back', async () => {
    const missingCentre = await as(partner, 'post', '/offers')
      .send(offerBody({ title: 'Agent ou agente d’entretien', employerName: 'Net’Quartier' }))
      .expect(400);
    expect(fieldErrors(missingCentre.body)).toEqual([
      ['centre', 'Indiquez le centre à qui vous proposez cette offre.'],
    ]);
    const noEmployer = await as(partner, 'post', '/offers')
      .send(offerBody({ centre: 'tilleuls' }))
      .expect(400);
    expect(fieldErrors(noEmployer.body)).toEqual([['employerName', 'Le nom de l’employeur est obligatoire.']]);

    const created = await as(partner, 'post', '/offers')
      .send(
        offerBody({
          title: 'Agent ou agente d’entretien',
          employerName: 'Net’Quartier',
          sector: 'proprete',
          centre: 'tilleuls',
          applyMethod: 'reception',
          applyEmail: undefined,
          validUntil: addDays(today, 14),
        }),
      )
      .expect(201);
    const id = created.body.data.id as string;
    const own = await as(partner, 'get', '/offers').expect(200);
    expect(own.body.data).toEqual([
      {
        id,
        title: 'Agent ou agente d’entretien',
        status: 'pending',
        message: null,
        validUntil: addDays(today, 14),
        createdAt: expect.any(String),
      },
    ]);
    const offer = await app.strapi.db.query(OFFER_UID).findOne({ where: { documentId: id }, populate: ['centre'] });
    expect(offer).toMatchObject({ postedByKind: 'partner', employerName: 'Net’Quartier', posterEmail: PARTNER_EMAIL });
    expect(offer.centre.name).toBe('Centre social des Tilleuls');
    // Each account reads its own offers only.
    const employers = (await as(employer, 'get', '/offers').expect(200)).body.data as { id: string }[];
    expect(employers.map((row) => row.id)).not.toContain(id);
  });

  it('refuses a proposal without the CSRF header, and writes nothing', async () => {
    const before = await offerCount();
    const response = await app
      .http()
      .post(`${MEMBERS_API}/offers`)
      .set('Cookie', partner.cookie)
      .send(offerBody({ employerName: 'Net’Quartier', centre: 'oliviers' }))
      .expect(403);
    expect(response.body.error.message).toContain('rechargez la page');
    await as(partner, 'post', '/offers')
      .set('X-CSRF-Token', `${partner.csrf}x`)
      .send(offerBody({ employerName: 'Net’Quartier', centre: 'oliviers' }))
      .expect(403);
    await as(partner, 'post', '/offers')
      .set('Origin', 'https://blog.oliviers.example')
      .send(offerBody({ employerName: 'Net’Quartier', centre: 'oliviers' }))
      .expect(403);
    expect(await offerCount()).toBe(before);
  });

  it('answers hostile input field by field in French, and creates no row', async () => {
    const before = await offerCount();
    const items = await app.strapi.db.query(ITEMS).count();
    const response = await as(employer, 'post', '/offers')
      .send({
        ...offerBody({
          title: '<script>alert(1)</script> Vendeur',
          description: 'x'.repeat(5001),
          validUntil: addDays(today, 61),
          applyEmail: 'pas-une-adresse',
          employerName: 'Une autre entreprise',
        }),
        publishedAt: '2026-01-01',
      })
      .expect(400);
    expect(response.body.error.message).toBeTruthy();
    expect(fieldErrors(response.body)).toEqual(
      expect.arrayContaining([
        ['title', 'L’intitulé du poste s’écrit sans balises (< >) : écrivez seulement le nom du poste.'],
        ['description', 'La description du poste compte 5000 caractères au plus.'],
        ['applyEmail', 'Cette adresse e-mail n’est pas valide.'],
        ['', 'Champ inconnu : employerName, publishedAt.'],
      ]),
    );
    // The dates are checked once each field is well formed.
    const tooLate = await as(employer, 'post', '/offers')
      .send(offerBody({ validUntil: addDays(today, 61) }))
      .expect(400);
    expect(fieldErrors(tooLate.body)).toEqual([
      ['validUntil', `Une offre reste en ligne 60 jours au plus : choisissez le ${addDays(today, 60)} ou avant.`],
    ]);
    const partnerTooLong = await as(partner, 'post', '/offers')
      .send(
        offerBody({ employerName: 'x'.repeat(151), centre: 'oliviers', applyMethod: 'link', applyEmail: undefined }),
      )
      .expect(400);
    expect(fieldErrors(partnerTooLong.body)).toEqual(
      expect.arrayContaining([
        ['employerName', 'Le nom de l’employeur compte 150 caractères au plus.'],
        ['applyUrl', 'Donnez le lien où postuler.'],
      ]),
    );
    for (const hostile of [[], 'texte', { title: { $ne: null } }, offerBody({ validUntil: addDays(today, -1) })]) {
      const answer = await as(employer, 'post', '/offers').send(hostile as object);
      expect(answer.status).toBe(400);
    }
    await as(employer, 'post', '/offers?publish=true').send(offerBody()).expect(400);
    expect(await offerCount()).toBe(before);
    expect(await app.strapi.db.query(ITEMS).count()).toBe(items);
  });
});

describe('closing one’s own offer', () => {
  const NOT_OWN = 'Cette offre n’existe pas, ou elle n’a pas été proposée depuis votre compte.';
  const ownId = async (session: Session, title: string): Promise<string> => {
    const offers = (await as(session, 'get', '/offers').expect(200)).body.data as { id: string; title: string }[];
    const offer = offers.find((row) => row.title === title);
    if (!offer) throw new Error(`no own offer named ${title}`);
    return offer.id;
  };
  const closedTitles = async () =>
    ((await app.http().get('/api/emploi/offers/closed').expect(200)).body.data as { title: string }[]).map(
      (offer) => offer.title,
    );

  it('is refused for another account’s offer, an unknown one, a forged request or a body, and changes nothing', async () => {
    const id = await ownId(employer, 'Préparateur ou préparatrice de commandes');
    const stranger = await as(partner, 'post', `/offers/${id}/close`).send({}).expect(404);
    expect(stranger.body.error.message).toBe(NOT_OWN);
    const unknown = await as(employer, 'post', '/offers/inconnu0000000000000000/close').send({}).expect(404);
    expect(unknown.body.error.message).toBe(NOT_OWN);
    await as(employer, 'post', '/offers/..%2F..%2Fadmin/close').send({}).expect(400);
    const extra = await as(employer, 'post', `/offers/${id}/close`)
      .send({ state: 'open', publishedAt: null })
      .expect(400);
    expect(fieldErrors(extra.body)).toEqual([['', 'Champ inconnu : state, publishedAt.']]);
    await app.http().post(`${MEMBERS_API}/offers/${id}/close`).set('Cookie', employer.cookie).send({}).expect(403);
    expect(await publicTitles()).toContain('Préparateur ou préparatrice de commandes');
  });

  it('takes a published offer off the lists at once, keeps its closed page, and answers the same when repeated', async () => {
    const id = await ownId(employer, 'Préparateur ou préparatrice de commandes');
    const closed = await as(employer, 'post', `/offers/${id}/close`).send({}).expect(200);
    expect(closed.body.data).toMatchObject({ id, title: 'Préparateur ou préparatrice de commandes', status: 'closed' });
    expect(await publicTitles()).not.toContain('Préparateur ou préparatrice de commandes');
    expect(await closedTitles()).toContain('Préparateur ou préparatrice de commandes');
    const rows = (await app.strapi.db.query(OFFER_UID).findMany({ where: { documentId: id } })) as {
      state: string;
      closedAt: string;
    }[];
    expect(rows.map((row) => row.state)).toEqual(['closed', 'closed']);
    const again = await as(employer, 'post', `/offers/${id}/close`).send({}).expect(200);
    expect(again.body.data.status).toBe('closed');
    const after = (await app.strapi.db.query(OFFER_UID).findMany({ where: { documentId: id } })) as {
      closedAt: string;
    }[];
    expect(after.map((row) => row.closedAt)).toEqual(rows.map((row) => row.closedAt));
  });

  it('lets a partner withdraw an offer still in review, which the team’s acceptance does not bring back', async () => {
    const id = await ownId(partner, 'Agent ou agente d’entretien');
    expect((await as(partner, 'post', `/offers/${id}/close`).send({}).expect(200)).body.data.status).toBe('closed');
    // The Tilleuls' queue no longer waits for it; the team reads why.
    const direction = await createStaff(app, 'direction@federation.example', ['super-admin']);
    const item = await app.strapi.db.query(ITEMS).findOne({ where: { subjectId: id } });
    expect(item).toMatchObject({
      status: 'refused',
      note: 'Retirée par la personne qui l’avait proposée, avant toute décision.',
    });
    const pending = await app
      .http()
      .get('/core/moderation')
      .set(bearer(direction.token))
      .query({ state: 'pending' })
      .expect(200);
    expect(JSON.stringify(pending.body)).not.toContain(id);
    const late = await app
      .http()
      .post(`/core/moderation/${item.id}/decision`)
      .set(bearer(direction.token))
      .send({ decision: 'accept' });
    expect(late.status).toBe(400);
    expect(late.body.error.message).toBe('Cet élément a déjà été traité. Rechargez la file de modération.');
    expect(await publicTitles()).not.toContain('Agent ou agente d’entretien');
    expect((await as(partner, 'get', '/offers').expect(200)).body.data).toEqual([
      expect.objectContaining({ id, status: 'closed' }),
    ]);
  });
});

describe('every member route', () => {
  type Kind = 'candidate' | 'employer' | 'referent' | 'partner';
  const ALL: Kind[] = ['candidate', 'employer', 'referent', 'partner'];
  const SOURCING: Kind[] = ['candidate', 'employer', 'referent'];
  /**
   * Who each handler admits. A member route missing here fails the test: a new route is
   * written with its audience, and checked for everyone else.
   */
  const ADMITS: Record<string, Kind[]> = {
    logOut: ALL,
    me: ALL,
    eraseOwn: SOURCING,
    exportOwn: ['candidate'],
    updateProfile: ['candidate'],
    storeCv: ['candidate'],
    removeCv: ['candidate'],
    ownCv: ['candidate'],
    candidateCv: ['employer'],
    candidates: ['employer'],
    candidate: ['employer'],
    position: ['employer'],
    referentCandidates: ['referent'],
    writeToCandidates: ['referent'],
    groupMessages: SOURCING,
    positionings: SOURCING,
    answer: SOURCING,
    messages: SOURCING,
    sendMessage: SOURCING,
    ownOffers: ['employer', 'partner'],
    proposeOffer: ['employer', 'partner'],
    closeOwnOffer: ['employer', 'partner'],
  };

  const memberRoutes = () =>
    (
      app.strapi.plugin('emploi').routes as unknown as Record<
        string,
        { routes: { method: string; path: string; handler: string; config?: { notAForm?: string } }[] }
      >
    )['content-api'].routes
      .filter((route) => route.config?.notAForm)
      .map((route) => ({
        method: route.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete',
        // The members' prefix is added by the request helper; ids are unknown but well formed.
        path: route.path.replace(/^\/members/, '').replace(/:id/g, 'inconnu0000000000000000'),
        handler: route.handler.replace(/^members\./, ''),
      }));

  it('declares who may use it', () => {
    expect(
      memberRoutes()
        .map((route) => route.handler)
        .sort(),
    ).toEqual(Object.keys(ADMITS).sort());
  });

  it('refuses every other kind of member in French, and needs a session', async () => {
    const sessions: Record<Kind, Session> = { candidate, employer, referent, partner };
    for (const { method, path, handler } of memberRoutes()) {
      // Logging out needs no session, only the CSRF token, so that a page of another site cannot.
      const anonymous = await as(null, method, path).send({});
      expect([handler, anonymous.status]).toEqual([handler, handler === 'logOut' ? 403 : 401]);
      for (const kind of ALL.filter((other) => !ADMITS[handler].includes(other))) {
        const response = await as(sessions[kind], method, path).send({});
        expect([handler, kind, response.status]).toEqual([handler, kind, 403]);
        expect(typeof response.body.error.message).toBe('string');
        expect(response.body.error.message).not.toMatch(/Forbidden|Unauthorized/);
      }
    }
    // Nobody was logged out or deleted on the way.
    for (const kind of ALL) await as(sessions[kind], 'get', '/me').expect(200);
  });
});
