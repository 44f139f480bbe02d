import { startTestApp, type TestApp } from '../../../../tests/harness/strapi';
import { searchThenErase } from '../../../../tests/harness/personal-data';
import { createStaff, type StaffAccount } from '../../../../tests/harness/admin';
import { EMPLOYER_ROLE, EMPLOYER_UID, OFFER_UID, PARTNER_ACTIONS } from '../shared/permissions';
import type { OffersResponse } from '../shared/contracts/offers';
import type { ClockService } from '../server/src/services/clock';
import { addDays, bearer, createAccount, fieldErrors, offerBody, type Account } from './helpers';

/**
 * Offers: staff publish directly, partners and employers through core moderation; the public
 * read API lists live offers only, with filters, paging and French 4xx on bad input.
 */

const ITEMS = 'plugin::core.moderation-item';
const STAFF_ROLE = 'Équipe du centre';
const API = '/api/emploi';

let app: TestApp;
let oliviers: { id: number; documentId: string };
let tilleuls: { id: number; documentId: string };
let accueil: StaffAccount;
let partner: Account;
let employerAccount: Account;
let waitingAccount: Account;
let today: string;

const clockAt = (instant: Date) => {
  const clock = app.strapi.plugin('emploi').service('clock') as ClockService;
  jest.spyOn(clock, 'now').mockImplementation(() => new Date(instant));
};

const list = async (query = '') => (await app.http().get(`${API}/offers${query}`).expect(200)).body as OffersResponse;
const titles = async (query = '') => (await list(query)).data.map((offer) => offer.title).sort();

/** The content manager as the centre's team uses it: create, then publish. */
async function staffPublishes(data: Record<string, unknown>, centre = oliviers): Promise<string> {
  const created = await app
    .http()
    .post(`/content-manager/collection-types/${OFFER_UID}`)
    .set(bearer(accueil.token))
    .send({ ...data, centre: { connect: [{ id: centre.id }] } });
  expect(created.status).toBe(201);
  const documentId = created.body.data.documentId as string;
  await app
    .http()
    .post(`/content-manager/collection-types/${OFFER_UID}/${documentId}/actions/publish`)
    .set(bearer(accueil.token))
    .send({})
    .expect(200);
  return documentId;
}

const staffOffer = (overrides: Record<string, unknown> = {}) => ({
  title: 'Vendeur ou vendeuse en boulangerie',
  employerName: 'Boulangerie du Marché',
  sector: 'commerce',
  contract: 'cdi',
  hoursPerWeek: 35,
  commune: 'Roubaix',
  description: 'Accueillir les clients, servir le pain et les pâtisseries, tenir la caisse.',
  applyMethod: 'reception',
  ...overrides,
});

beforeAll(async () => {
  app = await startTestApp({ EMAIL_MODE: 'capture' });
  clockAt(new Date());
  today = (app.strapi.plugin('emploi').service('offers') as { today(): string }).today();
  const centres = app.strapi.documents('plugin::core.centre');
  oliviers = (await centres.create({ data: { name: 'Centre social des Oliviers', slug: 'oliviers' } })) as never;
  tilleuls = (await centres.create({ data: { name: 'Centre social des Tilleuls', slug: 'tilleuls' } })) as never;
  accueil = await createStaff(app, 'accueil@oliviers.fr', [STAFF_ROLE]);
  await app.strapi.db
    .query('plugin::core.centre')
    .update({ where: { id: oliviers.id }, data: { staff: [accueil.id] } });
  partner = await createAccount(app, 'conseillere@mission-locale.example', 'partenaire');

  // Employers are records the team validates; their accounts are linked to them.
  const employers = app.strapi.documents(EMPLOYER_UID);
  const entrepots = await employers.create({
    data: {
      name: 'Entrepôts du Canal',
      siret: '901 234 567 00013',
      sector: 'transport-logistique',
      validated: true,
      centre: oliviers.id,
    } as never,
  });
  const waiting = await employers.create({
    data: {
      name: 'Garage des Tilleuls',
      siret: '90765432100013',
      sector: 'autre',
      validated: false,
      centre: tilleuls.id,
    } as never,
  });
  employerAccount = await createAccount(app, 'rh@entrepots-du-canal.example', EMPLOYER_ROLE.type);
  waitingAccount = await createAccount(app, 'patron@garage-des-tilleuls.example', EMPLOYER_ROLE.type);
  await app.strapi.db
    .query(EMPLOYER_UID)
    .update({ where: { id: entrepots.id }, data: { accounts: [employerAccount.id] } });
  await app.strapi.db
    .query(EMPLOYER_UID)
    .update({ where: { id: waiting.id }, data: { accounts: [waitingAccount.id] } });
});

afterAll(async () => {
  jest.restoreAllMocks();
  await app?.stop();
});

describe('employers', () => {
  it('checks the SIRET with the Luhn rule in the content manager, in French', async () => {
    const response = await app
      .http()
      .post(`/content-manager/collection-types/${EMPLOYER_UID}`)
      .set(bearer(accueil.token))
      .send({ name: 'Boulangerie', siret: '73282932000075', centre: { connect: [{ id: oliviers.id }] } });
    expect(response.status).toBe(400);
    expect(fieldErrors(response.body)).toContainEqual([
      'siret',
      'Ce SIRET n’existe pas : un chiffre est sans doute mal recopié.',
    ]);
    const laPoste = await app
      .http()
      .post(`/content-manager/collection-types/${EMPLOYER_UID}`)
      .set(bearer(accueil.token))
      .send({
        name: 'Bureau de poste des Oliviers',
        siret: '356 000 000 49837',
        centre: { connect: [{ id: oliviers.id }] },
      });
    expect(laPoste.status).toBe(201);
    expect(laPoste.body.data.siret).toBe('35600000049837');
  });

  it('creates the « Employeur » role with its actions once an employer is validated', async () => {
    const role = await app.strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: EMPLOYER_ROLE.type }, populate: { permissions: true } });
    expect(role.name).toBe('Employeur');
    expect(role.permissions.map((permission: { action: string }) => permission.action).sort()).toEqual([
      'plugin::emploi.employer.createOffer',
      'plugin::emploi.employer.listOffers',
    ]);
  });
});

describe('offers published by the team', () => {
  it('go online at once, with the default last day', async () => {
    const id = await staffPublishes(staffOffer());
    const { data } = await list();
    const offer = data.find((item) => item.id === id);
    expect(offer).toMatchObject({
      title: 'Vendeur ou vendeuse en boulangerie',
      employer: { name: 'Boulangerie du Marché' },
      contract: 'cdi',
      hoursPerWeek: 35,
      validUntil: addDays(today, 30),
      status: 'open',
      apply: { method: 'reception', email: null, url: null },
      centre: { name: 'Centre social des Oliviers', slug: 'oliviers' },
    });
    // Private fields never leave.
    expect(offer).not.toHaveProperty('posterEmail');
    expect(offer).not.toHaveProperty('communeKey');
  });

  it('refuses a last day past the maximum, a wrong ROME code and an unusable way to apply', async () => {
    const response = await app
      .http()
      .post(`/content-manager/collection-types/${OFFER_UID}`)
      .set(bearer(accueil.token))
      .send({
        ...staffOffer({ validUntil: addDays(today, 61), romeCode: 'Z12', applyMethod: 'link' }),
        centre: { connect: [{ id: oliviers.id }] },
      });
    expect(response.status).toBe(400);
    const problems = fieldErrors(response.body);
    expect(problems).toContainEqual(['romeCode', 'Le code ROME est une lettre de A à N suivie de 4 chiffres (K2204).']);
    expect(await app.strapi.db.query(OFFER_UID).count({ where: { romeCode: 'Z12' } })).toBe(0);
    const dates = await app
      .http()
      .post(`/content-manager/collection-types/${OFFER_UID}`)
      .set(bearer(accueil.token))
      .send({
        ...staffOffer({ validUntil: addDays(today, 61), applyMethod: 'link' }),
        centre: { connect: [{ id: oliviers.id }] },
      });
    expect(fieldErrors(dates.body)).toEqual(
      expect.arrayContaining([
        ['validUntil', `Une offre reste en ligne 60 jours au plus : choisissez le ${addDays(today, 60)} ou avant.`],
        ['applyUrl', 'Donnez le lien où postuler.'],
      ]),
    );
  });
});

describe('offers proposed by partners', () => {
  it('gives core’s « Partenaire » role the offer actions', async () => {
    const role = await app.strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'partenaire' }, populate: { permissions: true } });
    const actions = role.permissions.map((permission: { action: string }) => permission.action);
    expect(actions).toEqual(expect.arrayContaining([...PARTNER_ACTIONS]));
  });

  it('wait in moderation as drafts, then go online when the centre accepts', async () => {
    const created = await app
      .http()
      .post(`${API}/partner/offers`)
      .set(bearer(partner.jwt))
      .send(offerBody({ employerName: 'Entrepôts du Canal', sector: 'transport-logistique', centre: 'oliviers' }))
      .expect(201);
    expect(created.body.data).toMatchObject({ published: false, validUntil: addDays(today, 30) });
    const id = created.body.data.id as string;
    expect(await titles()).not.toContain('Préparateur ou préparatrice de commandes');
    await app.http().get(`${API}/offers/${id}`).expect(404);

    const item = await app.strapi.db.query(ITEMS).findOne({ where: { subjectId: id }, populate: { centre: true } });
    expect(item.centre.id).toBe(oliviers.id);
    expect(item.title).toBe('Préparateur ou préparatrice de commandes — Entrepôts du Canal — Tourcoing');
    const own = await app.http().get(`${API}/partner/offers`).set(bearer(partner.jwt)).expect(200);
    expect(own.body.data).toEqual([expect.objectContaining({ id, status: 'pending' })]);

    await app
      .http()
      .post(`/core/moderation/${item.id}/decision`)
      .set(bearer(accueil.token))
      .send({ decision: 'accept' })
      .expect(200);
    const { data } = await list('?contract=interim');
    expect(data).toEqual([
      expect.objectContaining({
        id,
        employer: { name: 'Entrepôts du Canal' },
        apply: { method: 'email', email: 'recrutement@entrepots-du-canal.example', url: null },
      }),
    ]);
    const after = await app.http().get(`${API}/partner/offers`).set(bearer(partner.jwt)).expect(200);
    expect(after.body.data[0].status).toBe('published');
  });

  it('answers each wrong field in French, and names unknown fields', async () => {
    const response = await app
      .http()
      .post(`${API}/partner/offers`)
      .set(bearer(partner.jwt))
      .send(
        offerBody({
          employerName: 'X',
          centre: 'oliviers',
          contract: 'benevolat',
          hoursPerWeek: 60,
          validUntil: addDays(today, -1),
          applyMethod: 'email',
          applyEmail: undefined,
          salaire: 2000,
        }),
      )
      .expect(400);
    expect(fieldErrors(response.body)).toEqual(
      expect.arrayContaining([
        ['', 'Champ inconnu : salaire.'],
        ['employerName', 'Le nom de l’employeur compte au moins 2 caractères.'],
        ['contract', 'Le contrat est CDI, CDD, intérim, alternance, stage, CDDI ou PEC.'],
        ['hoursPerWeek', '48 heures par semaine au plus (durée maximale légale).'],
      ]),
    );
    const dates = await app
      .http()
      .post(`${API}/partner/offers`)
      .set(bearer(partner.jwt))
      .send(
        offerBody({
          employerName: 'Entrepôts',
          centre: 'oliviers',
          validUntil: addDays(today, -1),
          applyEmail: undefined,
        }),
      )
      .expect(400);
    expect(fieldErrors(dates.body)).toEqual(
      expect.arrayContaining([
        ['validUntil', 'La date de fin est passée : choisissez aujourd’hui ou plus tard.'],
        ['applyEmail', 'Donnez l’adresse e-mail où envoyer les candidatures.'],
      ]),
    );
    const centre = await app
      .http()
      .post(`${API}/partner/offers`)
      .set(bearer(partner.jwt))
      .send(offerBody({ employerName: 'Entrepôts' }))
      .expect(400);
    expect(fieldErrors(centre.body)).toEqual([['centre', 'Indiquez le centre à qui vous proposez cette offre.']]);
    for (const body of [[], 'texte', null]) {
      const hostile = await app
        .http()
        .post(`${API}/partner/offers`)
        .set(bearer(partner.jwt))
        .send(body as never);
      expect(hostile.status).toBe(400);
    }
  });

  it('keeps the routes for signed-in partners', async () => {
    await app
      .http()
      .post(`${API}/partner/offers`)
      .send(offerBody({ employerName: 'Entrepôts' }))
      .expect(403);
    await app.http().get(`${API}/partner/offers`).set(bearer(employerAccount.jwt)).expect(403);
  });
});

describe('offers proposed by employers', () => {
  it('carry the employer’s name and sector, and wait for the centre', async () => {
    const created = await app
      .http()
      .post(`${API}/employer/offers`)
      .set(bearer(employerAccount.jwt))
      .send(offerBody({ title: 'Cariste', romeCode: 'n1101', contract: 'cdd', validUntil: addDays(today, 10) }))
      .expect(201);
    expect(created.body.data).toMatchObject({ published: false, validUntil: addDays(today, 10) });
    const row = await app.strapi.db.query(OFFER_UID).findOne({ where: { documentId: created.body.data.id } });
    expect(row).toMatchObject({
      employerName: 'Entrepôts du Canal',
      sector: 'transport-logistique',
      romeCode: 'N1101',
      postedByKind: 'employer',
      posterEmail: 'rh@entrepots-du-canal.example',
    });
    const item = await app.strapi.db.query(ITEMS).findOne({ where: { subjectId: created.body.data.id } });
    await app
      .http()
      .post(`/core/moderation/${item.id}/decision`)
      .set(bearer(accueil.token))
      .send({ decision: 'accept' })
      .expect(200);
    expect(await titles('?sector=transport-logistique')).toEqual([
      'Cariste',
      'Préparateur ou préparatrice de commandes',
    ]);
  });

  it('refuses an employer the centre has not validated yet, in French', async () => {
    const response = await app
      .http()
      .post(`${API}/employer/offers`)
      .set(bearer(waitingAccount.jwt))
      .send(offerBody())
      .expect(403);
    expect(response.body.error.message).toBe(
      'Votre entreprise n’est pas encore validée par le centre : vous pourrez publier des offres ensuite.',
    );
    await app.http().get(`${API}/employer/offers`).set(bearer(waitingAccount.jwt)).expect(403);
    await app.http().post(`${API}/employer/offers`).set(bearer(partner.jwt)).send(offerBody()).expect(403);
    expect(await app.strapi.db.query(OFFER_UID).count({ where: { employerName: 'Garage des Tilleuls' } })).toBe(0);
  });
});

describe('the public list', () => {
  beforeAll(async () => {
    // The team of the Oliviers cannot publish for the Tilleuls: the super-admin does.
    const admin = await createStaff(app, 'direction@federation.example', ['super-admin']);
    const created = await app
      .http()
      .post(`/content-manager/collection-types/${OFFER_UID}`)
      .set(bearer(admin.token))
      .send({
        ...staffOffer({
          title: 'Agent de propreté',
          contract: 'cddi',
          sector: 'proprete',
          commune: 'Saint-André-lez-Lille',
        }),
        centre: { connect: [{ id: tilleuls.id }] },
      })
      .expect(201);
    await app
      .http()
      .post(`/content-manager/collection-types/${OFFER_UID}/${created.body.data.documentId}/actions/publish`)
      .set(bearer(admin.token))
      .send({})
      .expect(200);
  });

  it('filters by contract, sector, commune (case and accents ignored), centre and date', async () => {
    expect(await titles('?contract=cddi')).toEqual(['Agent de propreté']);
    expect(await titles('?commune=saint%20andre%20lez%20lille')).toEqual(['Agent de propreté']);
    expect(await titles('?commune=SAINT-ANDRÉ-LEZ-LILLE&contract=cddi')).toEqual(['Agent de propreté']);
    expect(await titles('?commune=Tourcoing&contract=cdi')).toEqual([]);
    expect(await titles('?centre=tilleuls')).toEqual(['Agent de propreté']);
    expect(await titles(`?postedSince=${addDays(today, 1)}`)).toEqual([]);
    expect((await titles(`?postedSince=${addDays(today, -1)}`)).length).toBe(4);
  });

  it('shows a closing at once, even for a list just read', async () => {
    expect(await titles('?contract=cddi')).toEqual(['Agent de propreté']);
    const offers = app.strapi.db.query(OFFER_UID);
    // Closed as the nightly job closes offers, then reopened by the team.
    await offers.updateMany({ where: { title: 'Agent de propreté' }, data: { state: 'closed' } });
    expect(await titles('?contract=cddi')).toEqual([]);
    await offers.updateMany({ where: { title: 'Agent de propreté' }, data: { state: 'open' } });
    expect(await titles('?contract=cddi')).toEqual(['Agent de propreté']);
  });

  it('pages newest first', async () => {
    const first = await list('?pageSize=3');
    expect(first.meta).toEqual({ page: 1, pageSize: 3, total: 4, pageCount: 2 });
    expect(first.data[0].title).toBe('Agent de propreté');
    const second = await list('?pageSize=3&page=2');
    expect(second.data).toHaveLength(1);
    expect(new Set([...first.data, ...second.data].map((offer) => offer.id)).size).toBe(4);
  });

  it('answers bad or hostile queries with a French 400, never a 500', async () => {
    const cases: [string, string, RegExp][] = [
      ['?salaire=2000', '', /Paramètre inconnu : salaire/],
      ['?contract=benevolat', 'contract', /Contrat inconnu/],
      ['?contract=cdi&contract=cdd', 'contract', /une seule valeur/],
      ['?contract[$ne]=cdi', 'contract', /une seule valeur/],
      ['?pageSize=1000', 'pageSize', /50 au plus/],
      ['?page=0', 'page', /1 au moins/],
      ['?page=-1', 'page', /nombre entier/],
      ['?postedSince=2026-02-30', 'postedSince', /n’existe pas/],
      ['?postedSince=hier', 'postedSince', /AAAA-MM-JJ/],
      ['?sector=%00', 'sector', /Secteur inconnu/],
      [`?commune=${'a'.repeat(200)}`, 'commune', /80 caractères/],
    ];
    for (const [query, field, message] of cases) {
      const response = await app.http().get(`${API}/offers${query}`);
      expect([query, response.status]).toEqual([query, 400]);
      expect(fieldErrors(response.body)).toContainEqual([field, expect.stringMatching(message)]);
    }
    expect((await list(`?commune=${encodeURIComponent("Roubaix' OR 1=1 --")}`)).data).toEqual([]);
    await app
      .http()
      .get(`${API}/offers/${encodeURIComponent('../../admin')}`)
      .expect(400);
    await app.http().get(`${API}/offers/inconnue`).expect(404);
    await app.http().get(`${API}/offers/x?extra=1`).expect(400);
  });
});

describe('the employment view of the shared directory and agenda', () => {
  beforeAll(async () => {
    const published = { status: 'published' as const };
    const structures = app.strapi.documents('plugin::core.structure');
    await structures.create({
      data: {
        nom: 'Mission Locale du Val de Marque',
        commune: 'Roubaix',
        thematiques: ['trouver-un-emploi--repondre-a-des-offres-demploi'],
        centre: oliviers.id,
      } as never,
      ...published,
    });
    await structures.create({
      data: {
        nom: 'Couveuse d’entreprises du Canal',
        commune: 'Tourcoing',
        thematiques: ['creer-une-entreprise--definir-son-projet-de-creation-dentreprise'],
        centre: oliviers.id,
      } as never,
      ...published,
    });
    await structures.create({
      data: {
        nom: 'Maison des familles',
        commune: 'Roubaix',
        thematiques: ['famille--garde-denfants'],
        centre: oliviers.id,
      } as never,
      ...published,
    });
    const events = app.strapi.documents('plugin::core.event');
    const start = `${addDays(today, 10)}T09:00:00.000Z`;
    await events.create({
      data: {
        titre: 'Job dating de la logistique',
        date_debut: start,
        thematiques: ['trouver-un-emploi--convaincre-un-recruteur-en-entretien'],
        centre: oliviers.id,
      } as never,
      ...published,
    });
    await events.create({
      data: {
        titre: 'Goûter des parents',
        date_debut: start,
        thematiques: ['famille--garde-denfants'],
        centre: oliviers.id,
      } as never,
      ...published,
    });
  });

  it('lists the employment and business-creation actors only, filtered by theme and commune', async () => {
    const names = async (query = '') =>
      ((await app.http().get(`${API}/actors${query}`).expect(200)).body.data as { nom: string }[])
        .map((item) => item.nom)
        .sort();
    expect(await names()).toEqual(['Couveuse d’entreprises du Canal', 'Mission Locale du Val de Marque']);
    expect(await names('?commune=roubaix')).toEqual(['Mission Locale du Val de Marque']);
    expect(await names('?thematique=creer-une-entreprise--definir-son-projet-de-creation-dentreprise')).toEqual([
      'Couveuse d’entreprises du Canal',
    ]);
    const outside = await app.http().get(`${API}/actors?thematique=famille--garde-denfants`).expect(400);
    expect(fieldErrors(outside.body)).toEqual([
      ['thematique', 'Cette thématique n’est pas une thématique de l’emploi.'],
    ]);
    await app.http().get(`${API}/actors?pageSize=500`).expect(400);
    await app.http().get(`${API}/actors?metier=cariste`).expect(400);
  });

  it('lists the employment events of the agenda', async () => {
    const { body } = await app.http().get(`${API}/events`).expect(200);
    expect((body.data as { titre: string }[]).map((event) => event.titre)).toEqual(['Job dating de la logistique']);
    const wrong = await app
      .http()
      .get(`${API}/events?from=${addDays(today, 5)}&to=${addDays(today, 1)}`)
      .expect(400);
    expect(fieldErrors(wrong.body)).toEqual([['to', 'La date de fin (to) vient après la date de début (from).']]);
  });
});

describe('the team’s home page', () => {
  it('counts live offers, offers to review and employers to validate', async () => {
    const { body } = await app.http().get('/emploi/summary').set(bearer(accueil.token)).expect(200);
    const live = (await list()).meta.total;
    // The Garage des Tilleuls and the post office created above wait for validation.
    expect(body).toEqual({ plugin: 'emploi', live, closingSoon: 0, pending: 0, employersToValidate: 2 });
  });
});

describe('personal data', () => {
  it('finds and erases the address of whoever proposed an offer, and keeps the offer', async () => {
    const dpo = await createStaff(app, 'dpo@federation.example', ['super-admin']);
    const email = 'rh@entrepots-du-canal.example';
    const { found, erased } = await searchThenErase(app, dpo.token, email);
    expect(found.types).toContainEqual({
      uid: OFFER_UID,
      label: 'Emploi — offres proposées (adresse de la personne)',
      count: 1,
    });
    expect(erased.types).toContainEqual({
      uid: OFFER_UID,
      label: 'Emploi — offres proposées (adresse de la personne)',
      erased: 0,
      anonymised: 1,
    });
    expect(await app.strapi.db.query(OFFER_UID).count({ where: { posterEmail: email } })).toBe(0);
    expect(await titles('?contract=cdd')).toEqual(['Cariste']);
  });
});

describe('closed offers’ pages', () => {
  const closedTitles = async (query = '') =>
    ((await app.http().get(`${API}/offers/closed${query}`).expect(200)).body as OffersResponse).data
      .map((offer) => offer.title)
      .sort();
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);
  let plongeur: string;

  beforeAll(async () => {
    clockAt(new Date());
    plongeur = await staffPublishes(
      staffOffer({ title: 'Plongeur en restauration', contract: 'interim', validUntil: addDays(today, 5) }),
    );
    const jardinier = await staffPublishes(staffOffer({ title: 'Jardinier', contract: 'cddi' }));
    // The team closes the gardener's offer by hand, as the content manager lets it.
    await app
      .http()
      .put(`/content-manager/collection-types/${OFFER_UID}/${jardinier}`)
      .set(bearer(accueil.token))
      .send({ state: 'closed' })
      .expect(200);
    await app
      .http()
      .post(`/content-manager/collection-types/${OFFER_UID}/${jardinier}/actions/publish`)
      .set(bearer(accueil.token))
      .send({})
      .expect(200);
  });

  afterAll(() => clockAt(new Date()));

  it('lists an offer the team closed, and not the live ones nor the proposals', async () => {
    expect(await closedTitles()).toContain('Jardinier');
    expect(await closedTitles()).not.toContain('Plongeur en restauration');
    // A draft never reaches the site, closed or not.
    await app.strapi.documents(OFFER_UID).create({
      data: { ...staffOffer({ title: 'Brouillon clos' }), state: 'closed', centre: oliviers.id } as never,
    });
    expect(await closedTitles()).not.toContain('Brouillon clos');
    const closed = ((await app.http().get(`${API}/offers/closed`).expect(200)).body as OffersResponse).data;
    expect(closed.map((offer) => offer.status)).toEqual(closed.map(() => 'closed'));
    const gardener = closed.find((offer) => offer.title === 'Jardinier');
    // A closed offer no longer gives out how to apply.
    expect(gardener?.apply).toEqual({ method: 'reception', email: null, url: null });
    expect(await titles('?contract=cddi')).not.toContain('Jardinier');
  });

  it('lists an offer past its last day, before and after the nightly closing, for the configured days', async () => {
    clockAt(inDays(10));
    expect(await closedTitles()).toEqual(expect.arrayContaining(['Plongeur en restauration', 'Jardinier']));
    expect(await titles('?contract=interim')).not.toContain('Plongeur en restauration');
    const { body } = await app.http().get(`${API}/offers/${plongeur}`).expect(200);
    expect(body.data.status).toBe('closed');

    // Thirty days after its last day (the default), the page goes: the site no longer builds it.
    clockAt(inDays(5 + 31));
    expect(await closedTitles()).not.toContain('Plongeur en restauration');
    expect(await closedTitles()).not.toContain('Jardinier');
  });

  it('keeps to one centre when asked, and pages', async () => {
    clockAt(new Date());
    expect(await closedTitles('?centre=tilleuls')).not.toContain('Jardinier');
    expect(await closedTitles('?centre=oliviers')).toContain('Jardinier');
    const { body } = await app.http().get(`${API}/offers/closed?pageSize=1`).expect(200);
    expect(body.data).toHaveLength(1);
    expect(body.meta.pageSize).toBe(1);
  });

  it('answers bad or hostile queries with a French 400', async () => {
    const cases: [string, string, RegExp][] = [
      ['?contract=cdi', '', /Paramètre inconnu : contract/],
      ['?pageSize=500', 'pageSize', /50 au plus/],
      ['?centre[$ne]=x', 'centre', /une seule valeur/],
      ['?centre=../admin', 'centre', /centre inconnu/],
    ];
    for (const [query, field, message] of cases) {
      const response = await app.http().get(`${API}/offers/closed${query}`);
      expect([query, response.status]).toEqual([query, 400]);
      expect(fieldErrors(response.body)).toContainEqual([field, expect.stringMatching(message)]);
    }
  });
});
