import { startTestApp, type TestApp } from '../../../../../tests/harness/strapi';
import { createStaff, type StaffAccount } from '../../../../../tests/harness/admin';

const STRUCTURE = 'plugin::core.structure';
const SERVICE = 'plugin::core.service';
const EVENT = 'plugin::core.event';
const ITEMS = 'plugin::core.moderation-item';
const CAPTURED = 'plugin::core.captured-email';
const API = '/api/core/directory';
const STAFF_ROLE = 'Équipe du centre';

let app: TestApp;
let oliviers: number;
let tilleuls: number;
let superAdmin: StaffAccount;
let accueilOliviers: StaffAccount;
let accueilTilleuls: StaffAccount;
let alice: Partner;
let bob: Partner;
let maison: string;
let epicerie: string;
let sansCourriel: string;

interface Partner {
  id: number;
  email: string;
  jwt: string;
}

interface QueueItem {
  id: number;
  title: string;
  kind: string;
  status: string;
  reasons: string[];
  type: { uid: string; label: string };
}

interface ErrorBody {
  error: { status: number; name: string; message: string; details: { errors?: { path: string[]; message: string }[] } };
}

const asStaff = (account: StaffAccount) => ({ Authorization: `Bearer ${account.token}` });
const asPartner = (partner: Partner) => ({ Authorization: `Bearer ${partner.jwt}` });

async function createPartner(email: string): Promise<Partner> {
  const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'partenaire' } });
  const password = 'Partenaire-2026';
  const user = await app.strapi
    .plugin('users-permissions')
    .service('user')
    .add({ username: email, email, password, provider: 'local', confirmed: true, blocked: false, role: role.id });
  const login = await app.http().post('/api/auth/local').send({ identifier: email, password });
  expect(login.status).toBe(200);
  return { id: user.id, email, jwt: login.body.jwt };
}

async function seedStructure(data: Record<string, unknown>): Promise<string> {
  const doc = await app.strapi.documents(STRUCTURE).create({ data, status: 'published' } as never);
  return doc.documentId;
}

const publicStructures = async (query = '') =>
  (await app.http().get(`${API}/structures?pageSize=100${query}`).expect(200)).body.data as {
    id: string;
    nom: string;
    description: string | null;
    telephone: string | null;
  }[];

async function queue(account: StaffAccount): Promise<QueueItem[]> {
  const response = await app.http().get('/core/moderation?pageSize=100').set(asStaff(account));
  expect(response.status).toBe(200);
  return response.body.results;
}

async function findItem(account: StaffAccount, match: (item: QueueItem) => boolean): Promise<QueueItem> {
  const item = (await queue(account)).find(match);
  if (!item) throw new Error('No such item in the moderation queue');
  return item;
}

const problemsOf = (response: { body: unknown }) => (response.body as ErrorBody).error.details.errors ?? [];

const decide = (account: StaffAccount, id: number, decision: string, message?: string) =>
  app
    .http()
    .post(`/core/moderation/${id}/decision`)
    .set(asStaff(account))
    .send({ decision, ...(message ? { message } : {}) });

const itemCount = () => app.strapi.db.query(ITEMS).count();
const structureCount = () => app.strapi.db.query(STRUCTURE).count();
const mailsTo = (to: string) =>
  app.strapi.db.query(CAPTURED).findMany({ where: { to }, orderBy: { id: 'asc' } }) as Promise<
    { subject: string; text: string }[]
  >;

async function waitForMail(to: string, count: number): Promise<{ subject: string; text: string }[]> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const mails = await mailsTo(to);
    if (mails.length >= count) return mails;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`No e-mail to ${to} after 20 s`);
}

beforeAll(async () => {
  app = await startTestApp({ EMAIL_MODE: 'capture', PUBLIC_URL: 'https://cms.example.org' });
  const centres = app.strapi.documents('plugin::core.centre');
  oliviers = (
    await centres.create({
      data: { name: 'Centre social des Oliviers', slug: 'oliviers', website: 'https://oliviers.example.org/' },
    })
  ).id as number;
  tilleuls = (await centres.create({ data: { name: 'Centre social des Tilleuls', slug: 'tilleuls' } })).id as number;
  superAdmin = await createStaff(app, 'direction@federation.fr', ['super-admin']);
  accueilOliviers = await createStaff(app, 'accueil@oliviers.fr', [STAFF_ROLE]);
  accueilTilleuls = await createStaff(app, 'accueil@tilleuls.fr', [STAFF_ROLE]);
  const join = (centre: number, account: StaffAccount) =>
    app.strapi.db.query('plugin::core.centre').update({ where: { id: centre }, data: { staff: [account.id] } });
  await join(oliviers, accueilOliviers);
  await join(tilleuls, accueilTilleuls);

  alice = await createPartner('alice@maison-familles.fr');
  bob = await createPartner('bob@epicerie.fr');
  maison = await seedStructure({
    nom: 'Maison des familles',
    description: 'Soutien aux parents et ludothèque.',
    commune: 'Lille',
    courriel: 'contact@maison-familles.fr',
    telephone: '03 20 00 00 01',
    centre: oliviers,
    partenaires: [alice.id],
  });
  epicerie = await seedStructure({
    nom: 'Épicerie solidaire',
    description: 'Produits à petits prix.',
    commune: 'Roubaix',
    courriel: 'contact@epicerie.fr',
    centre: oliviers,
    partenaires: [bob.id],
  });
  sansCourriel = await seedStructure({ nom: 'Jardin partagé', commune: 'Lille', centre: oliviers });
});

afterAll(async () => {
  await app?.stop();
});

describe('the « Partenaire » role', () => {
  it('exists with the partner actions, beside the default roles of Users & Permissions', async () => {
    const roles = await app.strapi.db
      .query('plugin::users-permissions.role')
      .findMany({ select: ['type', 'name'], populate: { permissions: { select: ['action'] } } });
    expect(roles.map((role: { type: string }) => role.type).sort()).toEqual(['authenticated', 'partenaire', 'public']);
    const partner = roles.find((role: { type: string }) => role.type === 'partenaire');
    expect(partner.name).toBe('Partenaire');
    // Products add their own partner actions (`grantPartnerActions`); core's are these.
    const actions = partner.permissions.map((permission: { action: string }) => permission.action);
    expect(actions.filter((action: string) => action.startsWith('plugin::core.')).sort()).toEqual(
      [
        'plugin::core.partner.createEvents',
        'plugin::core.partner.createServices',
        'plugin::core.partner.createStructures',
        'plugin::core.partner.editEvents',
        'plugin::core.partner.editServices',
        'plugin::core.partner.editStructures',
        'plugin::core.partner.listEvents',
        'plugin::core.partner.listServices',
        'plugin::core.partner.listStructures',
      ].sort(),
    );
  });

  it('is left as an administrator changed it at the next start', async () => {
    const roles = app.strapi.db.query('plugin::users-permissions.role');
    const role = await roles.findOne({ where: { type: 'partenaire' } });
    await roles.update({ where: { id: role.id }, data: { name: 'Structures amies' } });
    const permissions = app.strapi.db.query('plugin::users-permissions.permission');
    await permissions.delete({ where: { role: role.id, action: 'plugin::core.partner.createEvents' } });
    await app.strapi.plugin('core').service('directoryContributions').ensurePartnerRole();
    expect((await roles.findOne({ where: { id: role.id } })).name).toBe('Structures amies');
    expect(await permissions.count({ where: { role: role.id, action: 'plugin::core.partner.createEvents' } })).toBe(0);
    expect(await roles.count({ where: { type: 'partenaire' } })).toBe(1);
    // Put back for the tests below.
    await roles.update({ where: { id: role.id }, data: { name: 'Partenaire' } });
    await permissions.create({ data: { role: role.id, action: 'plugin::core.partner.createEvents' } });
  });

  it('is needed: a plain account, or no account, cannot use the partner routes', async () => {
    const authenticated = await app.strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'authenticated' } });
    await app.strapi.plugin('users-permissions').service('user').add({
      username: 'habitant@example.org',
      email: 'habitant@example.org',
      password: 'Habitant-2026',
      provider: 'local',
      confirmed: true,
      role: authenticated.id,
    });
    const login = await app
      .http()
      .post('/api/auth/local')
      .send({ identifier: 'habitant@example.org', password: 'Habitant-2026' });
    const resident = { Authorization: `Bearer ${login.body.jwt}` };
    expect((await app.http().get(`${API}/partner/structures`).set(resident)).status).toBe(403);
    expect((await app.http().post(`${API}/partner/structures`).set(resident).send({ nom: 'Intrus' })).status).toBe(403);
    expect((await app.http().get(`${API}/partner/structures`)).status).toBe(403);
  });
});

describe('partners', () => {
  let cafe: string;

  it('see their own structures only, with their moderation state', async () => {
    const { body } = await app.http().get(`${API}/partner/structures`).set(asPartner(alice)).expect(200);
    expect(body.data).toEqual([
      { id: maison, title: 'Maison des familles', published: true, pendingProposals: 0, moderation: null },
    ]);
  });

  it('create a structure that waits for a moderator, out of the public list until accepted', async () => {
    const created = await app
      .http()
      .post(`${API}/partner/structures`)
      .set(asPartner(alice))
      .send({
        centre: 'oliviers',
        nom: 'Le Café des parents',
        description: 'Un moment d’échange entre parents, le jeudi.',
        commune: 'Lille',
        thematiques: ['famille--soutien-a-la-parentalite-et-a-leducation'],
      });
    expect(created.status).toBe(201);
    expect(created.body.data).toEqual({ id: expect.any(String), published: false });
    cafe = created.body.data.id;
    expect((await publicStructures()).map((structure) => structure.id)).not.toContain(cafe);

    const mine = await app.http().get(`${API}/partner/structures`).set(asPartner(alice)).expect(200);
    expect(mine.body.data.find((entry: { id: string }) => entry.id === cafe)).toMatchObject({
      title: 'Le Café des parents',
      published: false,
      pendingProposals: 1,
      moderation: { kind: 'new', status: 'pending', message: null },
    });

    const item = await findItem(accueilOliviers, (entry) => entry.title === 'Le Café des parents — Lille');
    expect(item).toMatchObject({
      kind: 'new',
      status: 'pending',
      type: { uid: STRUCTURE, label: 'Structure de l’annuaire' },
    });
    // Another centre's team does not see it.
    expect((await queue(accueilTilleuls)).map((entry) => entry.id)).not.toContain(item.id);

    expect((await decide(accueilOliviers, item.id, 'accept', 'Bienvenue dans l’annuaire !')).status).toBe(200);
    expect(await publicStructures()).toContainEqual(expect.objectContaining({ id: cafe, nom: 'Le Café des parents' }));
    const [mail] = await mailsTo(alice.email);
    expect(mail.subject).toBe('Votre proposition est en ligne : Le Café des parents — Lille');
    expect(mail.text).toContain('Bienvenue dans l’annuaire !');

    const after = await app.http().get(`${API}/partner/structures`).set(asPartner(alice)).expect(200);
    expect(after.body.data.find((entry: { id: string }) => entry.id === cafe)).toMatchObject({
      published: true,
      pendingProposals: 0,
      moderation: { kind: 'new', status: 'accepted', message: 'Bienvenue dans l’annuaire !' },
    });
  });

  it('edit their published structure: the public version stays until a moderator accepts', async () => {
    const before = await itemCount();
    const edit = await app
      .http()
      .put(`${API}/partner/structures/${maison}`)
      .set(asPartner(alice))
      .send({ description: 'Soutien aux parents, ludothèque et café des parents.', telephone: '03 20 00 00 02' });
    expect(edit.status).toBe(202);
    expect(edit.body.data).toEqual({ id: maison, applied: false });
    expect(await itemCount()).toBe(before + 1);
    const online = (await publicStructures()).find((structure) => structure.id === maison);
    expect(online).toMatchObject({ description: 'Soutien aux parents et ludothèque.', telephone: '03 20 00 00 01' });

    const item = await findItem(accueilOliviers, (entry) => entry.kind === 'edit' && entry.title.startsWith('Maison'));
    const detail = await app.http().get(`/core/moderation/${item.id}`).set(asStaff(accueilOliviers)).expect(200);
    expect(detail.body.changes).toContainEqual(
      expect.objectContaining({
        field: 'description',
        label: 'Description',
        before: 'Soutien aux parents et ludothèque.',
        after: 'Soutien aux parents, ludothèque et café des parents.',
        changed: true,
      }),
    );
    expect((await decide(accueilOliviers, item.id, 'accept')).status).toBe(200);
    expect((await publicStructures()).find((structure) => structure.id === maison)).toMatchObject({
      description: 'Soutien aux parents, ludothèque et café des parents.',
      telephone: '03 20 00 00 02',
    });
  });

  it('cannot touch another partner’s entries (403 in French), and nothing is written', async () => {
    const before = await itemCount();
    const edit = await app
      .http()
      .put(`${API}/partner/structures/${epicerie}`)
      .set(asPartner(alice))
      .send({ description: 'Fermé définitivement.' });
    expect(edit.status).toBe(403);
    expect((edit.body as ErrorBody).error.name).toBe('ForbiddenError');
    expect((edit.body as ErrorBody).error.message).toBe(
      'Cette structure n’est pas rattachée à votre compte : vous ne pouvez pas la modifier.',
    );
    const service = await app
      .http()
      .post(`${API}/partner/services`)
      .set(asPartner(alice))
      .send({ structure: epicerie, nom: 'Faux service', description: 'Au nom d’une autre structure.' });
    expect(service.status).toBe(403);
    expect((service.body as ErrorBody).error.message).toBe(
      'Cette structure n’est pas rattachée à votre compte : vous ne pouvez rien proposer en son nom.',
    );
    const event = await app
      .http()
      .post(`${API}/partner/events`)
      .set(asPartner(alice))
      .send({ organisateur: epicerie, titre: 'Faux événement', date_debut: '2030-05-01T08:00:00.000Z' });
    expect(event.status).toBe(403);
    expect(await itemCount()).toBe(before);
    const missing = await app
      .http()
      .put(`${API}/partner/structures/abcdefghij1234567890abcd`)
      .set(asPartner(alice))
      .send({
        description: 'Rien.',
      });
    expect(missing.status).toBe(404);
    expect((missing.body as ErrorBody).error.message).toBe('Cette structure n’existe pas.');
    // Bob sees his structure only.
    const bobs = await app.http().get(`${API}/partner/structures`).set(asPartner(bob)).expect(200);
    expect(bobs.body.data.map((entry: { id: string }) => entry.id)).toEqual([epicerie]);
  });

  it('add a service and an event of their own structure, both waiting for a moderator', async () => {
    const service = await app
      .http()
      .post(`${API}/partner/services`)
      .set(asPartner(alice))
      .send({
        structure: maison,
        nom: 'Ludothèque',
        description: 'Jeux à emprunter et à jouer sur place.',
        publics: ['familles'],
        age_min: 3,
        age_max: 11,
        frais: 'gratuit',
        commune: 'Lille',
      });
    expect(service.status).toBe(201);
    const event = await app.http().post(`${API}/partner/events`).set(asPartner(alice)).send({
      organisateur: maison,
      titre: 'Soirée jeux',
      date_debut: '2030-03-06T18:00:00.000Z',
      date_fin: '2030-03-06T21:00:00.000Z',
    });
    expect(event.status).toBe(201);
    const services = await app.http().get(`${API}/partner/services`).set(asPartner(alice)).expect(200);
    expect(services.body.data).toEqual([
      expect.objectContaining({
        id: service.body.data.id,
        title: 'Ludothèque',
        structure: { id: maison, nom: 'Maison des familles' },
        published: false,
        moderation: expect.objectContaining({ kind: 'new', status: 'pending' }),
      }),
    ]);
    const events = await app.http().get(`${API}/partner/events`).set(asPartner(alice)).expect(200);
    expect(events.body.data).toEqual([expect.objectContaining({ id: event.body.data.id, title: 'Soirée jeux' })]);
    // The new service belongs to the structure's centre, and is not public yet.
    const draft = await app.strapi
      .documents(SERVICE)
      .findOne({ documentId: service.body.data.id, populate: { centre: { fields: ['id'] } } } as never);
    expect((draft as unknown as { centre: { id: number } }).centre.id).toBe(oliviers);
    expect(draft).toMatchObject({ age_min: 3, age_max: 11 });
    const list = await app.http().get(`${API}/services`).expect(200);
    expect(list.body.data).toEqual([]);
    const titles = (await queue(accueilOliviers)).map((entry) => entry.title);
    expect(titles).toEqual(expect.arrayContaining(['Ludothèque — Lille', 'Soirée jeux — 6 mars 2030']));
    // An entry still waiting cannot be edited yet.
    const early = await app
      .http()
      .put(`${API}/partner/events/${event.body.data.id}`)
      .set(asPartner(alice))
      .send({ titre: 'Grande soirée jeux' });
    expect(early.status).toBe(400);
    expect((early.body as ErrorBody).error.message).toContain('pas encore en ligne');
    expect(await app.strapi.documents(EVENT).count({} as never)).toBe(1);
    // Another partner neither sees nor changes them.
    const bobsServices = await app.http().get(`${API}/partner/services`).set(asPartner(bob)).expect(200);
    expect(bobsServices.body.data).toEqual([]);
    const foreign = await app
      .http()
      .put(`${API}/partner/services/${service.body.data.id}`)
      .set(asPartner(bob))
      .send({ nom: 'Ludothèque fermée' });
    expect(foreign.status).toBe(403);
    expect((foreign.body as ErrorBody).error.message).toBe(
      'Ce service appartient à une structure qui n’est pas rattachée à votre compte.',
    );
    const foreignEvent = await app
      .http()
      .put(`${API}/partner/events/${event.body.data.id}`)
      .set(asPartner(bob))
      .send({ titre: 'Annulé' });
    expect(foreignEvent.status).toBe(403);
  });

  it('get French messages per field for what the directory refuses', async () => {
    const before = await itemCount();
    const response = await app
      .http()
      .post(`${API}/partner/structures`)
      .set(asPartner(alice))
      .send({ nom: 'AB', code_postal: '590', thematiques: ['inconnue'], statut: 'ouvert', centre: 'oliviers' });
    expect(response.status).toBe(400);
    const problems = problemsOf(response);
    expect(problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: ['statut'], message: 'Ce champ n’est pas attendu.' })]),
    );
    const fixed = await app
      .http()
      .post(`${API}/partner/structures`)
      .set(asPartner(alice))
      .send({ nom: 'AB', code_postal: '590', thematiques: ['inconnue'], centre: 'oliviers' });
    expect(fixed.status).toBe(400);
    const byField = Object.fromEntries(problemsOf(fixed).map((problem) => [problem.path.join('.'), problem.message]));
    expect(byField).toMatchObject({
      nom: 'Le nom compte au moins 3 caractères.',
    });
    const edit = await app
      .http()
      .put(`${API}/partner/structures/${maison}`)
      .set(asPartner(alice))
      .send({ code_postal: '590', thematiques: ['inconnue'] });
    expect(edit.status).toBe(400);
    const editProblems = Object.fromEntries(
      problemsOf(edit).map((problem) => [problem.path.join('.'), problem.message]),
    );
    expect(editProblems.code_postal).toBe('Le code postal compte 5 chiffres.');
    expect(editProblems.thematiques).toContain('Valeur inconnue de la liste data·inclusion des thématiques');
    const list = await app
      .http()
      .post(`${API}/partner/structures`)
      .set(asPartner(alice))
      .set('Content-Type', 'application/json')
      .send('[{"nom":"Liste"}]');
    expect(list.status).toBe(400);
    expect((list.body as ErrorBody).error.message).toBe('Le formulaire est illisible : envoyez-le à nouveau.');
    const ages = await app
      .http()
      .post(`${API}/partner/services`)
      .set(asPartner(alice))
      .send({ structure: maison, nom: 'Éveil', description: 'Éveil musical.', age_min: '3', age_max: 30 });
    expect(ages.status).toBe(400);
    expect(Object.fromEntries(problemsOf(ages).map((problem) => [problem.path.join('.'), problem.message]))).toEqual({
      age_min: 'L’âge minimum est un nombre entier d’années.',
      age_max: 'L’âge maximum est entre 0 et 25 ans.',
    });
    const reversed = await app
      .http()
      .post(`${API}/partner/events`)
      .set(asPartner(alice))
      .send({ organisateur: maison, titre: 'Éveil', date_debut: '2030-03-06T10:00:00Z', age_min: 9, age_max: 4 });
    expect(reversed.status).toBe(400);
    expect(problemsOf(reversed)).toEqual([
      expect.objectContaining({ path: ['age_max'], message: 'L’âge maximum est au moins l’âge minimum.' }),
    ]);
    const empty = await app.http().put(`${API}/partner/structures/${maison}`).set(asPartner(alice)).send({});
    expect(empty.status).toBe(400);
    expect((empty.body as ErrorBody).error.message).toBe('Indiquez au moins un champ à modifier.');
    expect(await itemCount()).toBe(before);
  });
});

describe('public suggestions', () => {
  const suggest = (kind: 'structures' | 'events', body: unknown) =>
    app
      .http()
      .post(`${API}/suggestions/${kind}`)
      .send(body as object);

  it('queue a suggested structure for the centre, flagged as a possible duplicate of a near-identical one', async () => {
    const response = await suggest('structures', {
      centre: 'oliviers',
      nom: 'CAFÉ des parents !',
      commune: 'lille',
      email: 'Voisine@Example.org',
    });
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ data: { received: true } });
    const item = await findItem(accueilOliviers, (entry) => entry.title === 'CAFÉ des parents ! — lille');
    expect(item).toMatchObject({ kind: 'new', status: 'pending' });
    expect(item.reasons).toContain('possible-duplicate');
    const detail = await app.http().get(`/core/moderation/${item.id}`).set(asStaff(accueilOliviers)).expect(200);
    expect(detail.body.submitterEmail).toBe('voisine@example.org');
    expect(detail.body.duplicates).toEqual([
      expect.objectContaining({ title: 'Le Café des parents — Lille', status: 'accepted' }),
    ]);
    // Never merged: two structures, the suggestion still a draft.
    expect(await app.strapi.documents(STRUCTURE).count({ filters: { commune: { $eqi: 'lille' } } } as never)).toBe(4);

    // Same name in another commune: not a duplicate.
    await suggest('structures', { centre: 'oliviers', nom: 'Café des parents', commune: 'Roubaix' }).expect(202);
    const other = await findItem(accueilOliviers, (entry) => entry.title === 'Café des parents — Roubaix');
    expect(other.reasons).not.toContain('possible-duplicate');

    // Refused: the visitor is told, nothing goes online.
    expect((await decide(accueilOliviers, item.id, 'refuse', 'Cette structure est déjà dans l’annuaire.')).status).toBe(
      200,
    );
    const [mail] = await mailsTo('voisine@example.org');
    expect(mail.subject).toBe('Votre proposition n’a pas été retenue : CAFÉ des parents ! — lille');
  });

  it('queue a suggested event, unpublished until accepted', async () => {
    await suggest('events', {
      centre: 'tilleuls',
      titre: 'Vide-grenier du quartier',
      date_debut: '2030-06-07T07:00:00.000Z',
      publics: ['tous-publics'],
    }).expect(202);
    const item = await findItem(accueilTilleuls, (entry) => entry.title.startsWith('Vide-grenier du quartier'));
    expect(item).toMatchObject({ kind: 'new', type: { uid: EVENT, label: 'Événement de l’agenda' } });
    const events = await app.http().get(`${API}/events?from=2030-01-01`).expect(200);
    expect(events.body.data).toEqual([]);
  });

  it('refuse hostile input with French messages and write nothing', async () => {
    const structures = await structureCount();
    const items = await itemCount();

    const unknown = await suggest('structures', {
      centre: 'oliviers',
      nom: 'Intrus',
      documentId: 'abc',
      publishedAt: 'x',
    });
    expect(unknown.status).toBe(400);
    expect((unknown.body as ErrorBody).error.details.errors).toEqual([
      expect.objectContaining({ path: ['documentId'], message: 'Ce champ n’est pas attendu.' }),
      expect.objectContaining({ path: ['publishedAt'], message: 'Ce champ n’est pas attendu.' }),
    ]);

    const huge = await suggest('structures', { centre: 'oliviers', nom: 'Trop long', description: 'x'.repeat(40000) });
    expect(huge.status).toBe(413);
    expect((huge.body as ErrorBody).error.message).toContain('trop long');

    const email = await suggest('structures', {
      centre: 'oliviers',
      nom: 'Association sportive',
      email: 'pas-une-adresse',
    });
    expect(email.status).toBe(400);
    expect((email.body as ErrorBody).error.details.errors).toEqual([
      expect.objectContaining({ path: ['email'], message: 'Cette adresse e-mail n’est pas valide.' }),
    ]);

    const centre = await suggest('structures', { centre: 'inconnu', nom: 'Association sportive' });
    expect(centre.status).toBe(400);
    expect((centre.body as ErrorBody).error.details.errors).toEqual([
      expect.objectContaining({ path: ['centre'], message: 'Ce centre n’existe pas.' }),
    ]);
    const injected = await suggest('structures', { centre: { $ne: 'x' }, nom: 'Association sportive' });
    expect(injected.status).toBe(400);

    const rules = await suggest('events', {
      centre: 'oliviers',
      titre: 'Atelier',
      date_debut: '2030-06-07T07:00:00.000Z',
      date_fin: '2030-06-06T07:00:00.000Z',
      recurrence: 'FREQ=SOMETIMES',
      lien_inscription: 'javascript:alert(1)',
    });
    expect(rules.status).toBe(400);
    const paths = problemsOf(rules).map((problem) => problem.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['date_fin', 'recurrence', 'lien_inscription']));

    const array = await app
      .http()
      .post(`${API}/suggestions/structures`)
      .set('Content-Type', 'application/json')
      .send('[1]');
    expect(array.status).toBe(400);

    // A bot filling the hidden field gets the same answer as a person, and nothing is kept.
    const bot = await suggest('structures', {
      centre: 'oliviers',
      nom: 'Casino en ligne',
      homepage: 'https://spam.example',
    });
    expect(bot.status).toBe(202);
    expect(bot.body).toEqual({ data: { received: true } });

    expect(await structureCount()).toBe(structures);
    expect(await itemCount()).toBe(items);
  });
});

describe('correction links', () => {
  let token: string;

  it('are sent by the centre’s team to the structure’s contact, through the outbox', async () => {
    const response = await app
      .http()
      .post(`/core/directory/structures/${maison}/correction-link`)
      .set(asStaff(accueilOliviers))
      .send({});
    expect(response.status).toBe(202);
    expect(response.body.data.queued).toBe(true);
    const days = (new Date(response.body.data.expiresAt).getTime() - Date.now()) / 86400000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    const [mail] = await waitForMail('contact@maison-familles.fr', 1);
    expect(mail.subject).toBe('Votre fiche dans l’annuaire : Maison des familles');
    // The page is served by the CMS, at its public address.
    const link = mail.text.match(/https:\/\/cms\.example\.org\/formulaires\/corriger-une-fiche\?jeton=(\S+)/);
    expect(link).not.toBeNull();
    if (!link) throw new Error('No correction link in the e-mail');
    token = decodeURIComponent(link[1]);
    expect(mail.text).toContain('valable jusqu’au');
  });

  it('can only be sent by the structure’s centre, to a structure with a contact e-mail', async () => {
    const other = await app
      .http()
      .post(`/core/directory/structures/${maison}/correction-link`)
      .set(asStaff(accueilTilleuls))
      .send({});
    expect(other.status).toBe(404);
    const none = await app
      .http()
      .post(`/core/directory/structures/${sansCourriel}/correction-link`)
      .set(asStaff(superAdmin))
      .send({});
    expect(none.status).toBe(400);
    expect((none.body as ErrorBody).error.message).toContain('n’a pas d’e-mail de contact');
    expect((await app.http().post(`/core/directory/structures/${maison}/correction-link`)).status).toBe(401);
  });

  it('open a form with the structure’s public data, and send the changes to moderation', async () => {
    const form = await app.http().get(`${API}/corrections/${token}`).expect(200);
    expect(form.body.data).toMatchObject({
      id: maison,
      centre: { name: 'Centre social des Oliviers', slug: 'oliviers' },
      fields: { nom: 'Maison des familles', telephone: '03 20 00 00 02', commune: 'Lille' },
    });
    expect(form.body.data.fields).not.toHaveProperty('partenaires');

    const items = await itemCount();
    const sent = await app
      .http()
      .post(`${API}/corrections/${token}`)
      .send({ horaires_accueil: 'Mo-Fr 09:00-17:00', site_web: 'https://maison-familles.fr' });
    expect(sent.status).toBe(202);
    expect(await itemCount()).toBe(items + 1);
    const online = (await publicStructures()).find((structure) => structure.id === maison) as Record<string, unknown>;
    expect(online.horaires_accueil).toBeNull();

    const item = await findItem(
      accueilOliviers,
      (entry) => entry.kind === 'edit' && entry.title === 'Maison des familles — Lille' && entry.status === 'pending',
    );
    expect((await decide(accueilOliviers, item.id, 'accept')).status).toBe(200);
    const after = (await publicStructures()).find((structure) => structure.id === maison) as Record<string, unknown>;
    expect(after).toMatchObject({ horaires_accueil: 'Mo-Fr 09:00-17:00', site_web: 'https://maison-familles.fr' });
    // The contact the link was sent to hears about the decision.
    const mails = await mailsTo('contact@maison-familles.fr');
    expect(mails.map((mail) => mail.subject)).toContain(
      'Votre modification est en ligne : Maison des familles — Lille',
    );
  });

  it('refuse a tampered, forged, expired or misused token, in French, and write nothing', async () => {
    const items = await itemCount();
    const service = app.strapi.plugin('core').service('directoryContributions');
    const [version, , expiry, signature] = token.split('.');

    const flipped = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    const otherStructure = [version, epicerie, expiry, signature].join('.');
    const longer = [version, maison, (Number.parseInt(expiry, 36) + 86400 * 365).toString(36), signature].join('.');
    const forged = [version, maison, expiry, 'c2lnbmF0dXJlLWRlLWZhdXNzYWlyZQ'].join('.');
    for (const bad of [flipped, otherStructure, longer, forged, 'nimportequoi']) {
      for (const response of [
        await app.http().get(`${API}/corrections/${bad}`),
        await app.http().post(`${API}/corrections/${bad}`).send({ telephone: '03 20 99 99 99' }),
      ]) {
        expect(response.status).toBe(400);
        expect((response.body as ErrorBody).error.message).toBe(
          'Ce lien de correction n’est pas valide. Demandez un nouveau lien au centre.',
        );
      }
    }

    const expired = service.corrections.token(maison, new Date(Date.now() - 1000));
    const old = await app.http().post(`${API}/corrections/${expired}`).send({ telephone: '03 20 99 99 99' });
    expect(old.status).toBe(400);
    expect((old.body as ErrorBody).error).toMatchObject({
      name: 'ExpiredLinkError',
      message: 'Ce lien de correction a expiré. Demandez un nouveau lien au centre.',
    });
    expect((await app.http().get(`${API}/corrections/${expired}`)).status).toBe(400);

    // A valid link names its structure: the body cannot point elsewhere.
    const elsewhere = await app
      .http()
      .post(`${API}/corrections/${token}`)
      .send({ documentId: epicerie, nom: 'Piratée' });
    expect(elsewhere.status).toBe(400);
    expect((elsewhere.body as ErrorBody).error.details.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ['documentId'], message: 'Ce champ n’est pas attendu.' }),
      ]),
    );
    const nothing = await app.http().post(`${API}/corrections/${token}`).send({ email: 'moi@example.org' });
    expect(nothing.status).toBe(400);
    expect((nothing.body as ErrorBody).error.message).toBe('Indiquez au moins un champ à modifier.');

    // A link for another structure reads and changes that structure only.
    const bobsLink = service.corrections.token(epicerie, new Date(Date.now() + 86400000));
    const bobsForm = await app.http().get(`${API}/corrections/${bobsLink}`).expect(200);
    expect(bobsForm.body.data.id).toBe(epicerie);

    expect(await itemCount()).toBe(items);
    expect((await publicStructures()).find((structure) => structure.id === maison)).toMatchObject({
      telephone: '03 20 00 00 02',
    });
  });

  it('are read a limited number of times per connection', async () => {
    let response = await app.http().get(`${API}/corrections/${token}`);
    // Up to twice the limit: the hourly window may turn over during the loop.
    for (let attempt = 0; attempt < 125 && response.status === 200; attempt += 1) {
      response = await app.http().get(`${API}/corrections/${token}`);
    }
    expect({ status: response.status, body: response.body }).toMatchObject({ status: 429 });
    expect(response.headers['retry-after']).toMatch(/^\d+$/);
    expect((response.body as ErrorBody).error.message).toMatch(
      /^Trop de consultations depuis votre connexion\. Réessayez dans \d+ (secondes?|minutes?|heures?)\.$/,
    );
  });
});
