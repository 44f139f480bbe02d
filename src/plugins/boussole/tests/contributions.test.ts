import { startTestApp, type TestApp } from '../../../../tests/harness/strapi';
import { createStaff, type StaffAccount } from '../../../../tests/harness/admin';
import { COMPASS_UID, GLOSSARY_TERM_UID, PARTNER_ACTIONS, RESOURCE_UID } from '../shared/permissions';
import type { CompassInput, PendingContributionsResponse } from '../shared/contracts/admin';

/**
 * Partners propose resources and glossary terms for a compass; they wait in core moderation, are
 * decided there by the compass's centre, and the compass's page lists what waits in its themes.
 */

const ITEMS = 'plugin::core.moderation-item';
const STAFF_ROLE = 'Équipe du centre';
const PARENTING = 'famille--soutien-a-la-parentalite-et-a-leducation';
const CARE = 'sante--acces-aux-soins';

let app: TestApp;
let oliviers: number;
let tilleuls: number;
let superAdmin: StaffAccount;
let accueilOliviers: StaffAccount;
let accueilTilleuls: StaffAccount;
let alice: Partner;
let parentsId: string;

interface Partner {
  id: number;
  email: string;
  jwt: string;
}

const asStaff = (account: StaffAccount) => ({ Authorization: `Bearer ${account.token}` });
const asPartner = (partner: Partner) => ({ Authorization: `Bearer ${partner.jwt}` });

async function createAccount(email: string, roleType: string): Promise<Partner> {
  const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: roleType } });
  const password = 'Partenaire-2026';
  const user = await app.strapi
    .plugin('users-permissions')
    .service('user')
    .add({ username: email, email, password, provider: 'local', confirmed: true, blocked: false, role: role.id });
  const login = await app.http().post('/api/auth/local').send({ identifier: email, password });
  expect(login.status).toBe(200);
  return { id: user.id, email, jwt: login.body.jwt };
}

const compass = (overrides: Partial<CompassInput> = {}): CompassInput => ({
  title: 'Boussole des parents des Oliviers',
  slug: 'parents-oliviers',
  themes: [PARENTING, 'famille--garde-denfants'],
  localThemes: [{ code: 'sortir-en-famille', label: 'Sortir en famille' }],
  audiences: ['0-3-ans', '11-17-ans', 'tous-les-parents'],
  communes: [{ nom: 'Lille', code_insee: '59350' }],
  sitePath: '/parents/',
  centre: oliviers,
  ...overrides,
});

const resource = (overrides: Record<string, unknown> = {}) => ({
  compass: 'parents-oliviers',
  title: 'Bien dormir quand on est jeune parent',
  kind: 'article',
  summary: 'Des conseils simples pour se reposer avec un nouveau-né.',
  body: 'Dormez quand bébé dort.\n\nDemandez de l’aide.',
  audiences: ['0-3-ans'],
  themes: [PARENTING],
  source: 'Maison des familles',
  licence: 'CC BY 4.0',
  ...overrides,
});

const decide = (account: StaffAccount, id: number, decision: string, message?: string) =>
  app
    .http()
    .post(`/core/moderation/${id}/decision`)
    .set(asStaff(account))
    .send({ decision, ...(message ? { message } : {}) });

async function itemOf(documentId: string): Promise<{ id: number; centre: { id: number } | null; title: string }> {
  return app.strapi.db.query(ITEMS).findOne({ where: { subjectId: documentId }, populate: { centre: true } });
}

const pending = async (account: StaffAccount, id: string) =>
  (await app.http().get(`/boussole/compasses/${id}/contributions`).set(asStaff(account)).expect(200))
    .body as PendingContributionsResponse;

beforeAll(async () => {
  app = await startTestApp({ EMAIL_MODE: 'capture' });
  const centres = app.strapi.documents('plugin::core.centre');
  oliviers = (await centres.create({ data: { name: 'Centre social des Oliviers', slug: 'oliviers' } })).id as number;
  tilleuls = (await centres.create({ data: { name: 'Centre social des Tilleuls', slug: 'tilleuls' } })).id as number;
  superAdmin = await createStaff(app, 'direction@federation.fr', ['super-admin']);
  accueilOliviers = await createStaff(app, 'accueil@oliviers.fr', [STAFF_ROLE]);
  accueilTilleuls = await createStaff(app, 'accueil@tilleuls.fr', [STAFF_ROLE]);
  const join = (centre: number, account: StaffAccount) =>
    app.strapi.db.query('plugin::core.centre').update({ where: { id: centre }, data: { staff: [account.id] } });
  await join(oliviers, accueilOliviers);
  await join(tilleuls, accueilTilleuls);
  alice = await createAccount('alice@maison-familles.fr', 'partenaire');
});

afterAll(async () => {
  await app?.stop();
});

describe('compass settings (admin)', () => {
  it('lets the team create a compass of its centre, with French messages per field', async () => {
    const created = await app
      .http()
      .post('/boussole/compasses')
      .set(asStaff(accueilOliviers))
      .send(compass())
      .expect(201);
    parentsId = created.body.data.id;
    expect(created.body.data.centre).toEqual({ id: oliviers, name: 'Centre social des Oliviers' });

    const wrong = await app
      .http()
      .post('/boussole/compasses')
      .set(asStaff(accueilOliviers))
      .send({
        ...compass(),
        slug: 'Parents Oliviers',
        themes: ['famille--inconnue'],
        sitePath: 'parents',
        couleur: 'rouge',
      })
      .expect(400);
    const problems = wrong.body.error.details.errors.map((error: { path: string[]; message: string }) => [
      error.path.join('.'),
      error.message,
    ]);
    expect(problems).toEqual(
      expect.arrayContaining([
        ['', 'Champ inconnu : couleur.'],
        ['slug', 'Identifiant : lettres minuscules, chiffres et tirets (« boussole-parentale »).'],
        ['themes', 'Valeur inconnue : famille--inconnue.'],
        [
          'sitePath',
          'L’adresse du site commence et finit par « / », avec des lettres minuscules, chiffres et tirets (« /boussole/ »).',
        ],
      ]),
    );

    const taken = await app
      .http()
      .post('/boussole/compasses')
      .set(asStaff(superAdmin))
      .send(compass({ title: 'Autre', sitePath: '/autre/', centre: tilleuls }))
      .expect(400);
    expect(taken.body.error.message).toBe('Une autre boussole porte déjà cet identifiant.');

    const foreign = await app
      .http()
      .post('/boussole/compasses')
      .set(asStaff(accueilOliviers))
      .send(compass({ slug: 'chez-les-autres', sitePath: '/autres/', centre: tilleuls }))
      .expect(400);
    expect(foreign.body.error.message).toBe('Ce centre n’existe pas ou n’est pas le vôtre.');
  });

  it('keeps each team to the compasses of its centres', async () => {
    await app
      .http()
      .post('/boussole/compasses')
      .set(asStaff(accueilTilleuls))
      .send(
        compass({
          title: 'Boussole santé des Tilleuls',
          slug: 'sante-tilleuls',
          themes: [CARE],
          localThemes: [],
          sitePath: '/sante/',
          centre: tilleuls,
        }),
      )
      .expect(201);
    const seen = (account: StaffAccount) =>
      app
        .http()
        .get('/boussole/compasses')
        .set(asStaff(account))
        .then((response) => response.body.data.map((item: { slug: string }) => item.slug));
    expect(await seen(accueilOliviers)).toEqual(['parents-oliviers']);
    expect(await seen(accueilTilleuls)).toEqual(['sante-tilleuls']);
    expect((await seen(superAdmin)).sort()).toEqual(['parents-oliviers', 'sante-tilleuls']);
    await app.http().get(`/boussole/compasses/${parentsId}`).set(asStaff(accueilTilleuls)).expect(404);
    await app.http().put(`/boussole/compasses/${parentsId}`).set(asStaff(accueilTilleuls)).send(compass()).expect(404);
    const changed = await app
      .http()
      .put(`/boussole/compasses/${parentsId}`)
      .set(asStaff(accueilOliviers))
      .send(compass({ intro: 'Pour les parents du quartier.' }))
      .expect(200);
    expect(changed.body.data.intro).toBe('Pour les parents du quartier.');
    await app.http().get('/boussole/compasses').expect(401);
    // What the settings form offers: the national themes, the audiences, the user's centres only.
    const choices = await app.http().get('/boussole/compasses/choices').set(asStaff(accueilOliviers)).expect(200);
    expect(choices.body.data.centres).toEqual([{ id: oliviers, name: 'Centre social des Oliviers' }]);
    expect(choices.body.data.themes).toContainEqual({
      code: PARENTING,
      label: 'Soutien à la parentalité et à l’éducation',
    });
    expect(choices.body.data.audiences).toHaveLength(6);
  });
});

describe('partner proposals through core moderation', () => {
  it('gives the « Partenaire » role the compass actions', async () => {
    const role = await app.strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'partenaire' }, populate: { permissions: true } });
    const actions = role.permissions.map((permission: { action: string }) => permission.action);
    expect(actions).toEqual(expect.arrayContaining([...PARTNER_ACTIONS]));
  });

  it('keeps a proposed resource a draft until the centre accepts it', async () => {
    const created = await app
      .http()
      .post('/api/boussole/partner/resources')
      .set(asPartner(alice))
      .send(resource())
      .expect(201);
    expect(created.body.data.published).toBe(false);
    const id = created.body.data.id as string;
    const publicList = () =>
      app
        .http()
        .get('/api/boussole/compasses/parents-oliviers/resources')
        .expect(200)
        .then((response) => response.body.data.map((item: { title: string }) => item.title));
    expect(await publicList()).toEqual([]);

    // The item belongs to the compass's centre, and is listed on the compass's page.
    const item = await itemOf(id);
    expect(item.centre?.id).toBe(oliviers);
    expect(item.title).toBe('Bien dormir quand on est jeune parent');
    const waiting = await pending(accueilOliviers, parentsId);
    expect(waiting.results).toContainEqual(
      expect.objectContaining({ id: item.id, typeLabel: 'Ressource de la boussole', kind: 'new', themes: [PARENTING] }),
    );
    // Another centre's team can neither see nor decide it.
    await decide(accueilTilleuls, item.id, 'accept').expect(404);

    await decide(accueilOliviers, item.id, 'accept').expect(200);
    expect(await publicList()).toEqual(['Bien dormir quand on est jeune parent']);
    const mine = await app.http().get('/api/boussole/partner/resources').set(asPartner(alice)).expect(200);
    expect(mine.body.data).toEqual([expect.objectContaining({ id, status: 'published' })]);
    expect((await pending(accueilOliviers, parentsId)).results).toEqual([]);
  });

  it('keeps a refused glossary term out, and tells the partner why', async () => {
    const created = await app
      .http()
      .post('/api/boussole/partner/glossary-terms')
      .set(asPartner(alice))
      .send({
        compass: 'parents-oliviers',
        term: 'Accueil de loisirs',
        definition: '<b>Un accueil</b> des enfants le mercredi et pendant les vacances.',
        themes: ['famille--garde-denfants'],
        relatedSchemes: ['Plan mercredi'],
      })
      .expect(201);
    const id = created.body.data.id as string;
    const item = await itemOf(id);
    await decide(accueilOliviers, item.id, 'refuse', 'Ce mot est déjà dans le glossaire sous « ALSH ».').expect(200);
    await app.http().get('/api/boussole/compasses/parents-oliviers/glossary/accueil-de-loisirs').expect(404);
    const mine = await app.http().get('/api/boussole/partner/glossary-terms').set(asPartner(alice)).expect(200);
    expect(mine.body.data).toEqual([
      expect.objectContaining({ id, status: 'refused', message: 'Ce mot est déjà dans le glossaire sous « ALSH ».' }),
    ]);
  });

  it('publishes an accepted term, with its text kept as typed', async () => {
    const created = await app
      .http()
      .post('/api/boussole/partner/glossary-terms')
      .set(asPartner(alice))
      .send({
        compass: 'parents-oliviers',
        term: 'Éveil',
        definition: 'Les activités qui aident le tout-petit à découvrir le monde <script>x</script>.',
        themes: ['sortir-en-famille'],
      })
      .expect(201);
    const item = await itemOf(created.body.data.id);
    await decide(accueilOliviers, item.id, 'accept').expect(200);
    const { body } = await app.http().get('/api/boussole/compasses/parents-oliviers/glossary?letter=E').expect(200);
    expect(body.data).toEqual([
      expect.objectContaining({
        term: 'Éveil',
        slug: 'eveil',
        letter: 'E',
        definition: 'Les activités qui aident le tout-petit à découvrir le monde <script>x</script>.',
      }),
    ]);
    // Only the compass whose themes it carries shows it.
    const other = await app.http().get('/api/boussole/compasses/sante-tilleuls/glossary').expect(200);
    expect(other.body.data).toEqual([]);
  });

  it('refuses proposals outside the compass, unknown fields and bad values, in French', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [resource({ themes: [CARE] }), 'themes', 'Thématique absente de cette boussole : sante--acces-aux-soins.'],
      [resource({ compass: 'inconnue' }), 'compass', 'Cette boussole n’existe pas.'],
      [resource({ kind: 'podcast' }), 'kind', 'Le type est « article », « guide », « video » ou « fichier ».'],
      [resource({ publishedAt: '2020-01-01' }), '', 'Champ inconnu : publishedAt.'],
      [resource({ centre: tilleuls }), '', 'Champ inconnu : centre.'],
      [resource({ url: 'javascript:alert(1)' }), 'url', 'L’adresse commence par https:// ou http://.'],
      [resource({ date: '2026-13-01' }), 'date', 'Cette date n’existe pas dans le calendrier.'],
      [resource({ date: '1er mai' }), 'date', 'La date s’écrit AAAA-MM-JJ, par exemple 2026-09-01.'],
      [resource({ title: 'ab' }), 'title', 'Le titre compte au moins 3 caractères.'],
      [resource({ audiences: ['bebes'] }), 'audiences', 'Valeur inconnue : bebes.'],
      [resource({ themes: 'famille' }), 'themes', 'Les thématiques forment une liste.'],
      [{ ...resource(), summary: { $ne: null } }, 'summary', 'Le résumé est un texte.'],
    ];
    const before = await app.strapi.db.query(ITEMS).count();
    for (const [body, field, message] of cases) {
      const response = await app.http().post('/api/boussole/partner/resources').set(asPartner(alice)).send(body);
      expect(response.status).toBe(400);
      expect(response.body.error.details.errors).toContainEqual(
        expect.objectContaining({ path: field ? [field] : [], message }),
      );
    }
    expect(await app.strapi.db.query(ITEMS).count()).toBe(before);
  });

  it('is for partners only', async () => {
    await app.http().post('/api/boussole/partner/resources').send(resource()).expect(403);
    const resident = await createAccount('habitant@example.org', 'authenticated');
    await app.http().post('/api/boussole/partner/resources').set(asPartner(resident)).send(resource()).expect(403);
    await app.http().get('/api/boussole/partner/glossary-terms').set(asPartner(resident)).expect(403);
  });
});

describe('what the team edits by hand', () => {
  it('checks resources and terms on every write, in French', async () => {
    await expect(
      app.strapi.documents(RESOURCE_UID).create({
        data: {
          title: 'Un guide',
          kind: 'guide',
          summary: 'Un résumé assez long.',
          themes: ['inconnue'],
          centre: oliviers,
        },
      } as never),
    ).rejects.toMatchObject({ name: 'ValidationError', message: 'Valeur inconnue : inconnue.' });
    const term = await app.strapi.documents(GLOSSARY_TERM_UID).create({
      data: {
        term: 'Congé parental',
        definition: 'Un arrêt du travail pour son enfant.',
        themes: [PARENTING],
        centre: oliviers,
      },
    } as never);
    const again = await app.strapi.documents(GLOSSARY_TERM_UID).create({
      data: {
        term: 'Congé Parental',
        definition: 'Le même mot, écrit autrement.',
        themes: [PARENTING],
        centre: oliviers,
      },
    } as never);
    expect([term.slug, again.slug]).toEqual(['conge-parental', 'conge-parental-2']);
    // Drafts never reach the public.
    const { body } = await app.http().get('/api/boussole/compasses/parents-oliviers/glossary?letter=C').expect(200);
    expect(body.data).toEqual([]);
  });

  it('lists waiting directory contributions of the compass’s themes only', async () => {
    const moderation = app.strapi.plugin('core').service('moderation');
    await moderation.submit('plugin::core.structure', {
      nom: 'Crèche des Lilas',
      commune: 'Lille',
      thematiques: ['famille--garde-denfants'],
      centre: oliviers,
    });
    await moderation.submit('plugin::core.structure', {
      nom: 'Cabinet infirmier du Centre',
      commune: 'Lille',
      thematiques: [CARE],
      centre: oliviers,
    });
    const titles = (await pending(accueilOliviers, parentsId)).results.map((item) => item.title);
    expect(titles).toEqual(['Crèche des Lilas — Lille']);
    await app
      .http()
      .get(`/boussole/compasses/${parentsId}/contributions?pageSize=500`)
      .set(asStaff(accueilOliviers))
      .expect(400);
    await app.http().get(`/boussole/compasses/${parentsId}/contributions`).set(asStaff(accueilTilleuls)).expect(404);
    expect(await app.strapi.db.query(COMPASS_UID).count({})).toBe(2);
  });
});
