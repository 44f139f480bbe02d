import { startTestApp, type TestApp } from '../../../../../tests/harness/strapi';
import { createStaff, type StaffAccount } from '../../../../../tests/harness/admin';

const STRUCTURE = 'plugin::core.structure';
const SERVICE = 'plugin::core.service';
const PLACE = 'plugin::core.place';
const EVENT = 'plugin::core.event';
const API = '/api/core/directory';

let app: TestApp;
let admin: StaffAccount;
const ids: Record<string, string> = {};
let oliviers: number;
let tilleuls: number;

type Doc = { documentId: string };

async function create(uid: string, name: string, data: Record<string, unknown>, published = true) {
  const doc = (await app.strapi
    .documents(uid as 'plugin::core.structure')
    .create({ data, ...(published ? { status: 'published' } : {}) } as never)) as unknown as Doc;
  ids[name] = doc.documentId;
  return doc;
}

const idsOf = (body: { data: { id: string }[] }) => body.data.map((item) => item.id);
const names = (list: string[]) => list.map((name) => ids[name]);

beforeAll(async () => {
  app = await startTestApp();
  const centres = app.strapi.documents('plugin::core.centre');
  oliviers = (await centres.create({ data: { name: 'Centre social des Oliviers', slug: 'oliviers' } })).id as number;
  tilleuls = (await centres.create({ data: { name: 'Centre social des Tilleuls', slug: 'tilleuls' } })).id as number;
  admin = await createStaff(app, 'direction@federation.fr', ['super-admin']);

  await create(STRUCTURE, 'maison', {
    nom: 'Maison des familles',
    description: 'Soutien aux parents et ludothèque.',
    commune: 'Lille',
    code_insee: '59350',
    code_postal: '59000',
    thematiques: ['famille--soutien-a-la-parentalite-et-a-leducation'],
    reseaux_porteurs: ['fcsf'],
    horaires_accueil: 'Mo-Fr 09:00-17:00',
    centre: oliviers,
  });
  await create(STRUCTURE, 'epicerie', {
    nom: 'Épicerie solidaire',
    description: 'Produits à petits prix.',
    commune: 'Roubaix',
    code_insee: '59512',
    thematiques: ['equipement-et-alimentation--alimentation'],
    centre: tilleuls,
  });
  await create(STRUCTURE, 'brouillon', { nom: 'Structure en préparation', commune: 'Lille', centre: oliviers }, false);

  await create(SERVICE, 'cafe', {
    nom: 'Café des parents',
    description: 'Un moment d’échange entre parents.',
    structure: ids.maison,
    publics: ['familles'],
    age_min: 0,
    age_max: 6,
    thematiques: ['famille--soutien-a-la-parentalite-et-a-leducation'],
    modes_accueil: ['en-presentiel'],
    frais: 'gratuit',
    commune: 'Lille',
    centre: oliviers,
  });
  await create(SERVICE, 'colis', {
    nom: 'Colis alimentaires',
    description: 'Colis chaque semaine, sur orientation.',
    structure: ids.epicerie,
    publics: ['tous-publics'],
    thematiques: ['equipement-et-alimentation--alimentation'],
    centre: tilleuls,
  });
  await create(
    SERVICE,
    'secret',
    { nom: 'Service pas encore publié', description: 'Bientôt.', centre: oliviers },
    false,
  );

  await create(PLACE, 'salle', {
    nom: 'Salle des fêtes',
    adresse: '1 place de la Mairie',
    code_postal: '59000',
    commune: 'Lille',
    code_insee: '59350',
    centre: oliviers,
  });
  await create(EVENT, 'ete', {
    titre: 'Fête d’été',
    description: 'Jeux, musique; buvette, tombola.',
    date_debut: '2030-07-01T08:00:00.000Z',
    date_fin: '2030-07-01T10:00:00.000Z',
    lieu: ids.salle,
    organisateur: ids.maison,
    publics: ['tous-publics'],
    age_max: 11,
    thematiques: ['famille--soutien-a-la-parentalite-et-a-leducation'],
    centre: oliviers,
  });
  await create(EVENT, 'hiver', {
    titre: 'Marché d’hiver',
    date_debut: '2030-12-01T09:00:00.000Z',
    publics: ['familles'],
    centre: tilleuls,
  });
  await create(EVENT, 'passe', { titre: 'Loto de 2020', date_debut: '2020-01-10T18:00:00.000Z', centre: oliviers });
  await create(EVENT, 'hebdo', {
    titre: 'Permanence du mercredi',
    date_debut: '2021-01-06T13:00:00.000Z',
    date_fin: '2021-01-06T16:00:00.000Z',
    recurrence: 'rrule:freq=weekly;byday=we',
    centre: oliviers,
  });
  await create(EVENT, 'fini', {
    titre: 'Atelier terminé',
    date_debut: '2021-01-04T13:00:00.000Z',
    recurrence: 'FREQ=WEEKLY;UNTIL=20210301',
    centre: oliviers,
  });
  await create(
    EVENT,
    'prevu',
    { titre: 'Pas encore annoncé', date_debut: '2030-05-01T08:00:00.000Z', centre: oliviers },
    false,
  );
});

afterAll(async () => {
  await app?.stop();
});

describe('structures', () => {
  it('lists only published structures, with data·inclusion field names', async () => {
    const { body, headers } = await app.http().get(`${API}/structures`).expect(200);
    // French order: « Épicerie » before « Maison », on SQLite as on PostgreSQL.
    expect(idsOf(body)).toEqual(names(['epicerie', 'maison']));
    expect(headers['cache-control']).toContain('public');
    expect(body.meta).toEqual({ page: 1, pageSize: 25, total: 2, pageCount: 1 });
    expect(body.data[1]).toMatchObject({
      nom: 'Maison des familles',
      commune: 'Lille',
      code_insee: '59350',
      thematiques: ['famille--soutien-a-la-parentalite-et-a-leducation'],
      reseaux_porteurs: ['fcsf'],
      horaires_accueil: 'Mo-Fr 09:00-17:00',
      centre: { name: 'Centre social des Oliviers', slug: 'oliviers' },
    });
    expect(body.data[1].date_maj).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('filters by centre, commune, code INSEE, thématique and text', async () => {
    const get = async (query: string) => idsOf((await app.http().get(`${API}/structures?${query}`).expect(200)).body);
    expect(await get('centre=oliviers')).toEqual(names(['maison']));
    expect(await get('centre=tilleuls')).toEqual(names(['epicerie']));
    expect(await get('centre=inconnu')).toEqual([]);
    expect(await get('commune=LILLE')).toEqual(names(['maison']));
    expect(await get('code_insee=59512')).toEqual(names(['epicerie']));
    expect(await get('thematique=equipement-et-alimentation--alimentation')).toEqual(names(['epicerie']));
    expect(await get(`q=${encodeURIComponent('ludothèque')}`)).toEqual(names(['maison']));
    expect(await get('q=solidaire')).toEqual(names(['epicerie']));
    // Case and accents ignored alike on SQLite and PostgreSQL.
    expect(await get('q=EPICERIE')).toEqual(names(['epicerie']));
    expect(await get(`q=${encodeURIComponent('LUDOTHEQUE')}`)).toEqual(names(['maison']));
    expect(await get(`commune=${encodeURIComponent('ROUBAÏX')}`)).toEqual(names(['epicerie']));
    expect(await get('commune=Lil')).toEqual([]);
  });

  it('pages', async () => {
    const { body } = await app.http().get(`${API}/structures?page=2&pageSize=1`).expect(200);
    expect(idsOf(body)).toEqual(names(['maison']));
    expect(body.meta).toEqual({ page: 2, pageSize: 1, total: 2, pageCount: 2 });
  });
});

describe('services', () => {
  it('lists published services with their structure, filtered by public', async () => {
    const all = (await app.http().get(`${API}/services`).expect(200)).body;
    expect(idsOf(all)).toEqual(names(['cafe', 'colis']));
    expect(all.data[0]).toMatchObject({
      nom: 'Café des parents',
      structure: { id: ids.maison, nom: 'Maison des familles' },
      publics: ['familles'],
      age_min: 0,
      age_max: 6,
      modes_accueil: ['en-presentiel'],
      frais: 'gratuit',
    });
    // No ages: the service says nothing about them.
    expect(all.data[1]).toMatchObject({ nom: 'Colis alimentaires', age_min: null, age_max: null });
    const familles = (await app.http().get(`${API}/services?public=familles`).expect(200)).body;
    expect(idsOf(familles)).toEqual(names(['cafe']));
    const lille = (await app.http().get(`${API}/services?commune=lille&centre=oliviers`).expect(200)).body;
    expect(idsOf(lille)).toEqual(names(['cafe']));
  });
});

describe('events', () => {
  it('lists upcoming published events from today, sorted by start, recurring ones while they repeat', async () => {
    const { body } = await app.http().get(`${API}/events`).expect(200);
    expect(idsOf(body)).toEqual(names(['hebdo', 'ete', 'hiver']));
    const ete = body.data[1];
    expect(ete).toMatchObject({
      titre: 'Fête d’été',
      date_debut: '2030-07-01T08:00:00.000Z',
      date_fin: '2030-07-01T10:00:00.000Z',
      journee_entiere: false,
      lieu: { nom: 'Salle des fêtes', commune: 'Lille' },
      organisateur: { id: ids.maison, nom: 'Maison des familles' },
      age_min: null,
      age_max: 11,
    });
    // A pasted "RRULE:" prefix was dropped and the rule upper-cased on save.
    expect(body.data[0].recurrence).toBe('FREQ=WEEKLY;BYDAY=WE');
  });

  it('filters by date range (Paris days), centre, public and place commune', async () => {
    const get = async (query: string) => idsOf((await app.http().get(`${API}/events?${query}`).expect(200)).body);
    // 1 December 2030 is a Sunday: the Wednesday permanence is not on that day.
    expect(await get('from=2030-12-01&to=2030-12-01')).toEqual(names(['hiver']));
    expect(await get('from=2030-07-01&to=2030-07-02')).toEqual(names(['ete']));
    // Monday 1 July 2030: the permanence's next session is Wednesday 3 July, 14:00 Paris.
    const week = (await app.http().get(`${API}/events?from=2030-07-01&to=2030-07-07`).expect(200)).body;
    expect(idsOf(week)).toEqual(names(['ete', 'hebdo']));
    expect(week.data[1].prochaine_date).toBe('2030-07-03T12:00:00.000Z');
    expect(week.data[1].date_debut).toBe('2021-01-06T13:00:00.000Z');
    expect(await get('from=2020-01-01&to=2020-12-31')).toEqual(names(['passe']));
    expect(await get('from=2021-02-01&to=2021-02-28')).toEqual(names(['fini', 'hebdo']));
    expect(await get('from=2021-03-02&to=2021-03-31')).toEqual(names(['hebdo']));
    expect(await get('centre=tilleuls')).toEqual(names(['hiver']));
    expect(await get('public=familles')).toEqual(names(['hiver']));
    expect(await get('commune=Lille')).toEqual(names(['ete']));
    expect(await get(`q=${encodeURIComponent('tombola')}`)).toEqual(names(['ete']));
    expect(await get(`q=${encodeURIComponent("fete d'ete")}`)).toEqual(names(['ete']));
  });
});

describe('hostile or wrong queries', () => {
  it.each([
    ['pageSize=1000', 'pageSize', '100 lignes par page au plus.'],
    ['page=0', 'page', 'Les pages commencent à 1.'],
    ['page=abc', 'page', 'Le numéro de page est un nombre.'],
    ['thematique=nimporte-quoi', 'thematique', 'Thématique inconnue de la liste data·inclusion.'],
    ['public=tous', 'public', 'Public inconnu de la liste data·inclusion.'],
    ['q=a', 'q', 'Cherchez au moins 2 caractères.'],
    ['q[$ne]=x', 'q', 'La recherche est un texte.'],
    ['centre=../../admin', 'centre', 'Identifiant de centre invalide (lettres minuscules, chiffres et tirets).'],
    ["code_insee=1'%20OR%201=1", 'code_insee', 'Le code INSEE de la commune compte 5 caractères, par exemple 69388.'],
    ['commune=a&commune=b', 'commune', 'La commune est un texte.'],
    ['filters[nom]=x', '', 'Paramètre inconnu : filters.'],
    ['status=draft', '', 'Paramètre inconnu : status.'],
  ])('structures?%s → 400 in French', async (query, path, message) => {
    const { body } = await app.http().get(`${API}/structures?${query}`).expect(400);
    expect(body.error.name).toBe('ValidationError');
    expect(body.error.details.errors).toContainEqual(expect.objectContaining({ path: path ? [path] : [], message }));
  });

  it.each([
    ['from=2026-02-30', 'from', 'La date de début (from) n’existe pas dans le calendrier.'],
    ['to=demain', 'to', 'La date de fin (to) est une date AAAA-MM-JJ, par exemple 2026-07-01.'],
    ['from=2030-02-01&to=2030-01-01', 'to', 'La date de fin (to) vient après la date de début (from).'],
  ])('events?%s → 400 in French', async (query, path, message) => {
    const { body } = await app.http().get(`${API}/events?${query}`).expect(400);
    expect(body.error.details.errors).toContainEqual(expect.objectContaining({ path: [path], message }));
    await app.http().get(`${API}/events.ics?${query}`).expect(400);
  });

  it('refuses paging parameters on the calendar feed and dates on structures', async () => {
    await app.http().get(`${API}/events.ics?page=2`).expect(400);
    const { body } = await app.http().get(`${API}/structures?from=2030-01-01`).expect(400);
    expect(body.error.message).toBe('Paramètre inconnu : from.');
  });
});

/** Unfolded content lines of an iCalendar body. */
const unfold = (body: string) => body.replace(/\r\n /g, '').split('\r\n');
const icsText = (response: { text?: string; body: unknown }) =>
  response.text ?? (Buffer.isBuffer(response.body) ? response.body.toString('utf8') : '');

describe('iCalendar', () => {
  it('serves the filtered agenda as text/calendar, in Paris local time, drafts left out', async () => {
    const response = await app.http().get(`${API}/events.ics?centre=oliviers`).buffer(true).expect(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const lines = unfold(icsText(response));
    const uids = lines.filter((line) => line.startsWith('UID:')).map((line) => line.slice(4).split('@')[0]);
    expect(uids).toEqual(names(['hebdo', 'ete']));
    expect(lines).toContain('DTSTART;TZID=Europe/Paris:20300701T100000');
    expect(lines).toContain('DTEND;TZID=Europe/Paris:20300701T120000');
    expect(lines).toContain('RRULE:FREQ=WEEKLY;BYDAY=WE');
    expect(lines).toContain('SUMMARY:Fête d’été');
    expect(lines).toContain('LOCATION:Salle des fêtes\\, 1 place de la Mairie\\, 59000 Lille');
    expect(lines).toContain('TZID:Europe/Paris');
    expect(icsText(response)).not.toContain('Pas encore annoncé');
  });

  it('serves one event, winter time included; an unpublished or unknown one is not found', async () => {
    const response = await app.http().get(`${API}/events/${ids.hiver}/event.ics`).buffer(true).expect(200);
    const lines = unfold(icsText(response));
    expect(lines).toContain('DTSTART;TZID=Europe/Paris:20301201T100000');
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(1);
    const again = unfold(
      icsText(await app.http().get(`${API}/events/${ids.hiver}/event.ics`).buffer(true).expect(200)),
    );
    expect(again.find((line) => line.startsWith('UID:'))).toBe(lines.find((line) => line.startsWith('UID:')));

    const draft = await app.http().get(`${API}/events/${ids.prevu}/event.ics`).expect(404);
    expect(draft.body.error.message).toBe('Cet événement n’existe pas ou n’est pas publié.');
    const bad = await app.http().get(`${API}/events/..%2F..%2Fadmin/event.ics`);
    expect([400, 404]).toContain(bad.status);
    await app.http().get(`${API}/events/ABC/event.ics`).expect(400);
  });
});

describe('what staff may save', () => {
  const countAll = () =>
    Promise.all([SERVICE, EVENT, STRUCTURE].map((uid) => app.strapi.db.query(uid as 'plugin::core.event').count()));

  it.each([
    [
      SERVICE,
      { nom: 'Atelier', description: 'Un atelier.', thematiques: ['inventee'] },
      'thematiques',
      /Valeur inconnue/,
    ],
    [
      SERVICE,
      { nom: 'Atelier', description: 'Un atelier.', publics: ['tous-publics', 'seniors'] },
      'publics',
      /s’emploie seul/,
    ],
    [
      SERVICE,
      { nom: 'Atelier', description: 'Un atelier.', horaires_accueil: 'lundi matin' },
      'horaires_accueil',
      /Horaires/,
    ],
    [
      EVENT,
      { titre: 'Sortie', date_debut: '2030-01-01T10:00:00Z', recurrence: 'FREQ=HOURLY' },
      'recurrence',
      /Répétition/,
    ],
    [
      EVENT,
      { titre: 'Sortie', date_debut: '2030-01-02T10:00:00Z', date_fin: '2030-01-01T10:00:00Z' },
      'date_fin',
      /La fin vient après le début/,
    ],
    [SERVICE, { nom: 'Atelier', description: 'Un atelier.', age_min: -1 }, 'age_min', /entre 0 et 25 ans/],
    [SERVICE, { nom: 'Atelier', description: 'Un atelier.', age_max: 26 }, 'age_max', /entre 0 et 25 ans/],
    [SERVICE, { nom: 'Atelier', description: 'Un atelier.', age_min: 'trois' }, 'age_min', /nombre entier/],
    [SERVICE, { nom: 'Atelier', description: 'Un atelier.', age_min: 8, age_max: 5 }, 'age_max', /au moins l’âge/],
    [EVENT, { titre: 'Sortie', date_debut: '2030-01-01T10:00:00Z', age_min: 2.5 }, 'age_min', /nombre entier/],
    [EVENT, { titre: 'Sortie', date_debut: '2030-01-01T10:00:00Z', age_max: '6' }, 'age_max', /nombre entier/],
    [EVENT, { titre: 'Sortie', date_debut: '2030-01-01T10:00:00Z', age_min: 12, age_max: 3 }, 'age_max', /au moins/],
    [STRUCTURE, { nom: 'Asso', code_insee: '123', reseaux_porteurs: ['fcsf'] }, 'code_insee', /code INSEE/],
    [STRUCTURE, { nom: 'Asso', site_web: 'javascript:alert(1)' }, 'site_web', /https:\/\//],
  ])('%s refuses a wrong field in French, and stores nothing', async (uid, data, field, message) => {
    const before = await countAll();
    const response = await app
      .http()
      .post(`/content-manager/collection-types/${uid}`)
      .set({ Authorization: `Bearer ${admin.token}` })
      .send({ ...data, centre: { connect: [{ id: oliviers }] } });
    expect(response.status).toBe(400);
    const errors = response.body.error.details.errors as { path: string[]; message: string }[];
    expect(errors).toContainEqual(expect.objectContaining({ path: [field], message: expect.stringMatching(message) }));
    expect(await countAll()).toEqual(before);
  });
});

describe('ages of a service or event', () => {
  it('refuses an update of one age that the other, as stored, contradicts', async () => {
    const documents = app.strapi.documents(SERVICE as 'plugin::core.service');
    await expect(documents.update({ documentId: ids.cafe, data: { age_min: 9 } } as never)).rejects.toMatchObject({
      details: { errors: [expect.objectContaining({ path: ['age_max'] })] },
    });
    const stored = await app.strapi.db
      .query(SERVICE as 'plugin::core.service')
      .findOne({ where: { documentId: ids.cafe, publishedAt: null }, select: ['age_min', 'age_max'] });
    expect(stored).toEqual({ age_min: 0, age_max: 6 });
  });

  it('narrows a product’s scope: entries of those ages and entries without ages', async () => {
    const directory = app.strapi.plugin('core').service('directory');
    const paging = { page: 1, pageSize: 10 };
    const ofAges = async (from: number, to: number) => ({
      services: idsOf(await directory.services({}, paging, { ages: { from, to } })),
      events: idsOf(await directory.events({}, paging, { ages: { from, to } })),
    });
    // The café is for 0 to 6 years, the summer fair up to 11, the others say nothing.
    expect(await ofAges(0, 3)).toEqual({
      services: names(['cafe', 'colis']),
      events: names(['hebdo', 'ete', 'hiver']),
    });
    expect(await ofAges(6, 11)).toEqual({ services: names(['colis']), events: names(['hebdo', 'ete', 'hiver']) });
    expect(await ofAges(11, 18)).toEqual({ services: names(['colis']), events: names(['hebdo', 'hiver']) });
  });
});

describe('a centre’s team in the content manager', () => {
  it('sees, creates and publishes its own centre’s entries only', async () => {
    const accueil = await createStaff(app, 'accueil@oliviers.fr', ['Équipe du centre']);
    await app.strapi.db.query('plugin::core.centre').update({ where: { id: oliviers }, data: { staff: [accueil.id] } });
    const as = { Authorization: `Bearer ${accueil.token}` };
    const list = await app.http().get(`/content-manager/collection-types/${STRUCTURE}`).set(as).expect(200);
    const seen = (list.body.results as Doc[]).map((row) => row.documentId).sort();
    expect(seen).toEqual(names(['maison', 'brouillon']).sort());
    const other = await app.http().get(`/content-manager/collection-types/${STRUCTURE}/${ids.epicerie}`).set(as);
    expect([403, 404]).toContain(other.status);

    const created = await app
      .http()
      .post(`/content-manager/collection-types/${EVENT}`)
      .set(as)
      .send({
        titre: 'Goûter partagé',
        date_debut: '2030-06-10T14:00:00.000Z',
        centre: { connect: [{ id: oliviers }] },
      })
      .expect(201);
    const documentId = created.body.data.documentId as string;
    const elsewhere = await app
      .http()
      .post(`/content-manager/collection-types/${EVENT}`)
      .set(as)
      .send({
        titre: 'Chez les voisins',
        date_debut: '2030-06-10T14:00:00.000Z',
        centre: { connect: [{ id: tilleuls }] },
      });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.message).toBe(
      'Vous ne pouvez classer une fiche que dans un centre dont vous faites partie.',
    );
    expect(
      await app.strapi.db.query(EVENT as 'plugin::core.event').count({ where: { titre: 'Chez les voisins' } }),
    ).toBe(0);
    expect((await app.http().get(`${API}/events?from=2030-06-10&to=2030-06-10`).expect(200)).body.data).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ id: documentId })]),
    );
    await app
      .http()
      .post(`/content-manager/collection-types/${EVENT}/${documentId}/actions/publish`)
      .set(as)
      .send({})
      .expect(200);
    const published = (await app.http().get(`${API}/events?from=2030-06-10&to=2030-06-10`).expect(200)).body;
    expect(idsOf(published)).toContain(documentId);
  });
});

describe('demo data', () => {
  it('gives the demo centre two structures, three services and three upcoming events, once', async () => {
    await app.strapi.plugin('core').service('demo').seed();
    await app.strapi.plugin('core').service('demo').seed();
    const get = async (path: string) => (await app.http().get(`${API}/${path}?centre=demonstration`).expect(200)).body;
    expect((await get('structures')).meta.total).toBe(2);
    expect((await get('services')).meta.total).toBe(3);
    const events = await get('events');
    expect(events.meta.total).toBe(3);
    for (const event of events.data) expect(new Date(event.date_debut).getTime()).toBeGreaterThan(Date.now());
    const ics = await app.http().get(`${API}/events.ics?centre=demonstration`).buffer(true).expect(200);
    expect(unfold(icsText(ics)).filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(3);
  });
});
