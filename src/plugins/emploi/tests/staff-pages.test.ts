import { startTestApp, type TestApp } from '../../../../tests/harness/strapi';
import { createStaff, type StaffAccount } from '../../../../tests/harness/admin';
import { fieldErrors } from './helpers';
import { MEMBERS_API, candidateBody } from './member-helpers';

/**
 * The team's admin pages for the sourcing: the centre's profiles, the referents, the form's
 * choices, and changing a profile's referent — each limited to the user's centres.
 */

let app: TestApp;
let accueil: StaffAccount;
let other: StaffAccount;
let author: StaffAccount;
let chloeId: string;
let davidId: string;

const call = (staff: StaffAccount | null, method: 'get' | 'post' | 'put', path: string) => {
  const request = app.http()[method](`/emploi${path}`);
  return staff ? request.set('Authorization', `Bearer ${staff.token}`) : request;
};

const profile = (overrides: Record<string, unknown>) => ({
  firstName: 'Chloé',
  lastName: 'lefebvre',
  commune: 'Roubaix',
  centre: 'oliviers',
  referent: 'rita.k@oliviers.fr',
  consentMethod: 'paper',
  ...overrides,
});

beforeAll(async () => {
  app = await startTestApp();
  const centres = app.strapi.documents('plugin::core.centre');
  const oliviers = await centres.create({ data: { name: 'Centre social des Oliviers', slug: 'oliviers' } });
  const tilleuls = await centres.create({ data: { name: 'Centre social des Tilleuls', slug: 'tilleuls' } });
  accueil = await createStaff(app, 'accueil@oliviers.fr', ['Équipe du centre']);
  other = await createStaff(app, 'accueil@tilleuls.fr', ['Équipe du centre']);
  author = await createStaff(app, 'auteur@oliviers.fr', ['Author']);
  const rows = app.strapi.db.query('plugin::core.centre');
  await rows.update({ where: { documentId: oliviers.documentId }, data: { staff: [accueil.id] } });
  await rows.update({ where: { documentId: tilleuls.documentId }, data: { staff: [other.id] } });

  for (const email of ['rita.k@oliviers.fr', 'remi.d@tilleuls.fr']) {
    await call(accueil, 'post', '/referents').send({ email }).expect(201);
  }
  // Rémi follows residents of both centres: the Tilleuls add the account the Oliviers created.
  const added = await call(other, 'post', '/referents').send({ email: 'remi.d@tilleuls.fr' }).expect(201);
  expect(added.body.data).toMatchObject({ email: 'remi.d@tilleuls.fr', added: true });
  chloeId = (await call(accueil, 'post', '/candidates').send(profile({})).expect(201)).body.data.id;
  davidId = (
    await call(other, 'post', '/candidates')
      .send(profile({ firstName: 'David', lastName: 'Mercier', centre: 'tilleuls', referent: 'remi.d@tilleuls.fr' }))
      .expect(201)
  ).body.data.id;
  await app
    .http()
    .post(`${MEMBERS_API}/candidates/sign-up`)
    .send(candidateBody({ centre: 'oliviers' }))
    .expect(201);
});

afterAll(async () => {
  await app?.stop();
});

describe('the centre’s candidates', () => {
  it('lists only the user’s centre, first name and initial, with the referent', async () => {
    const answer = await call(accueil, 'get', '/candidates').expect(200);
    expect(answer.body.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 1, total: 2 });
    const names = answer.body.results.map((row: { name: string }) => row.name).sort();
    expect(names).toEqual(['Amina B.', 'Chloé L.']);
    const chloe = answer.body.results.find((row: { id: string }) => row.id === chloeId);
    expect(chloe).toMatchObject({
      commune: 'Roubaix',
      centre: 'Centre social des Oliviers',
      referent: 'rita.k@oliviers.fr',
      hidden: false,
      hasAccount: false,
    });
    expect(JSON.stringify(answer.body)).not.toMatch(/lefebvre|benali|example\.org/i);

    const theirs = await call(other, 'get', '/candidates').expect(200);
    expect(theirs.body.results.map((row: { id: string }) => row.id)).toEqual([davidId]);
  });

  it('pages, and refuses unknown or absurd parameters in French', async () => {
    const first = await call(accueil, 'get', '/candidates?pageSize=1&page=2').expect(200);
    expect(first.body.results).toHaveLength(1);
    expect(first.body.pagination).toMatchObject({ page: 2, pageCount: 2, total: 2 });
    const unknown = await call(accueil, 'get', '/candidates?sort=lastName').expect(400);
    expect(unknown.body.error.message).toMatch(/Paramètre inconnu : sort/);
    await call(accueil, 'get', '/candidates?pageSize=1000').expect(400);
    await call(accueil, 'get', '/candidates?page=-1').expect(400);
  });

  it('needs the members permission', async () => {
    await call(null, 'get', '/candidates').expect(401);
    await call(author, 'get', '/candidates').expect(403);
    await call(author, 'get', '/referents').expect(403);
    await call(author, 'get', '/candidates/choices').expect(403);
    await call(author, 'put', `/candidates/${chloeId}/referent`).send({ referent: 'remi.d@tilleuls.fr' }).expect(403);
  });
});

describe('the referents and the form’s choices', () => {
  it('lists the referents with the number of candidates each follows in the user’s centres', async () => {
    const answer = await call(accueil, 'get', '/referents').expect(200);
    expect(
      answer.body.results.map((row: { email: string; candidates: number }) => [row.email, row.candidates]),
    ).toEqual([
      ['remi.d@tilleuls.fr', 0],
      ['rita.k@oliviers.fr', 1],
    ]);
    await call(accueil, 'get', '/referents?role=admin').expect(400);
  });

  it('shows a centre only its own referents, and names only them', async () => {
    const theirs = await call(other, 'get', '/referents').expect(200);
    expect(theirs.body.results.map((row: { email: string }) => row.email)).toEqual(['remi.d@tilleuls.fr']);
    expect((await call(other, 'get', '/candidates/choices').expect(200)).body.referents).toEqual([
      'remi.d@tilleuls.fr',
    ]);
    const refused = await call(other, 'put', `/candidates/${davidId}/referent`)
      .send({ referent: 'rita.k@oliviers.fr' })
      .expect(400);
    expect(refused.body.error.details.errors).toEqual([
      expect.objectContaining({
        path: ['referent'],
        message: 'Aucun référent de ce centre n’a cette adresse : créez ou ajoutez d’abord son compte.',
      }),
    ]);
  });

  it('gives the user’s centres, the referents and the text read to the resident', async () => {
    const answer = await call(accueil, 'get', '/candidates/choices').expect(200);
    expect(answer.body.centres).toEqual([{ slug: 'oliviers', name: 'Centre social des Oliviers' }]);
    expect(answer.body.referents).toEqual(['remi.d@tilleuls.fr', 'rita.k@oliviers.fr']);
    expect(answer.body.consentText).toMatch(/^J’accepte que le centre social crée mon profil/);
  });
});

describe('changing a profile’s referent', () => {
  it('names another referent for a profile of the centre', async () => {
    const changed = await call(accueil, 'put', `/candidates/${chloeId}/referent`)
      .send({ referent: 'Remi.D@tilleuls.fr' })
      .expect(200);
    expect(changed.body.data).toMatchObject({ id: chloeId, referent: 'remi.d@tilleuls.fr' });
    const list = await call(accueil, 'get', '/candidates').expect(200);
    expect(list.body.results.find((row: { id: string }) => row.id === chloeId).referent).toBe('remi.d@tilleuls.fr');
  });

  it('refuses staff of another centre, and leaves the referent as it was', async () => {
    const refused = await call(other, 'put', `/candidates/${chloeId}/referent`)
      .send({ referent: 'rita.k@oliviers.fr' })
      .expect(403);
    expect(refused.body.error.message).toBe('Ce profil appartient à un autre centre.');
    const list = await call(accueil, 'get', '/candidates').expect(200);
    expect(list.body.results.find((row: { id: string }) => row.id === chloeId).referent).toBe('remi.d@tilleuls.fr');
  });

  it('refuses an address that is no referent’s, with a French message on the field', async () => {
    const unknown = await call(accueil, 'put', `/candidates/${chloeId}/referent`)
      .send({ referent: 'personne@nulle-part.fr' })
      .expect(400);
    expect(fieldErrors(unknown.body)).toEqual([
      ['referent', 'Aucun référent de ce centre n’a cette adresse : créez ou ajoutez d’abord son compte.'],
    ]);
    // A candidate's own account is no referent.
    const candidate = await call(accueil, 'put', `/candidates/${chloeId}/referent`)
      .send({ referent: candidateBody({}).email })
      .expect(400);
    expect(fieldErrors(candidate.body)[0][0]).toBe('referent');
  });

  it('names a referent for a resident who manages her own profile only with her recorded agreement', async () => {
    const list = await call(accueil, 'get', '/candidates').expect(200);
    const amina = list.body.results.find((row: { name: string }) => row.name === 'Amina B.');
    expect(amina).toMatchObject({ hasAccount: true, referent: null });
    const choices = await call(accueil, 'get', '/candidates/choices').expect(200);
    expect(choices.body.referentConsentText).toMatch(/^J’accepte que ce référent m’accompagne/);

    const refused = await call(accueil, 'put', `/candidates/${amina.id}/referent`)
      .send({ referent: 'rita.k@oliviers.fr' })
      .expect(400);
    expect(fieldErrors(refused.body)[0][0]).toBe('consentMethod');
    const consents = app.strapi.db.query('plugin::core.consent');
    const recorded = () => consents.findMany({ where: { subjectId: amina.id, purpose: 'emploi.referent' } });
    expect(await recorded()).toHaveLength(0);
    const unchanged = await call(accueil, 'get', '/candidates').expect(200);
    expect(unchanged.body.results.find((row: { id: string }) => row.id === amina.id).referent).toBeNull();

    await call(accueil, 'put', `/candidates/${amina.id}/referent`)
      .send({ referent: 'rita.k@oliviers.fr', consentMethod: 'paper' })
      .expect(200);
    const [consent] = await recorded();
    expect(consent).toMatchObject({ method: 'paper', recordedBy: `admin:${accueil.id}` });
    expect(consent.informationText).toBe(choices.body.referentConsentText);
  });

  it('refuses hostile input', async () => {
    await call(accueil, 'put', `/candidates/${chloeId}/referent`)
      .send({ referent: 'rita.k@oliviers.fr', consentMethod: 'par télépathie' })
      .expect(400);
    await call(accueil, 'put', `/candidates/${chloeId}/referent`)
      .send({ referent: 'rita.k@oliviers.fr', centre: 'tilleuls' })
      .expect(400);
    await call(accueil, 'put', `/candidates/${chloeId}/referent`)
      .send({ referent: ['rita.k@oliviers.fr'] })
      .expect(400);
    await call(accueil, 'put', `/candidates/${chloeId}/referent`).send({}).expect(400);
    await call(accueil, 'put', '/candidates/not-an-id!/referent').send({ referent: 'rita.k@oliviers.fr' }).expect(400);
    await call(accueil, 'put', '/candidates/aaaaaaaaaaaaaaaaaaaaaaaa/referent')
      .send({ referent: 'rita.k@oliviers.fr' })
      .expect(404);
  });
});
