import { startTestApp, type TestApp } from '../../../../tests/harness/strapi';
import { createStaff, type StaffAccount } from '../../../../tests/harness/admin';
import { REQUEST_UID, REQUESTER_UID, STRUCTURE_UID } from '../shared/permissions';
import contentTypes from '../server/src/content-types';

const API = '/api/dictionnaire';

let app: TestApp;
let team: StaffAccount;

interface ErrorBody {
  error: { status: number; message: string; details: { errors?: { path: string[]; message: string }[] } };
}
const problems = (response: { body: unknown }) =>
  ((response.body as ErrorBody).error.details.errors ?? []).map((problem) => problem.path.join('.'));

const ask = (body: Record<string, unknown>, from = '203.0.113.10') =>
  app.http().post(`${API}/requests`).set('X-Forwarded-For', from).send(body);

const requestRows = () =>
  app.strapi.db.query(REQUEST_UID).findMany({ orderBy: { id: 'asc' } }) as Promise<
    { id: number; word: string; key: string; count: number; contexts: string[]; status: string }[]
  >;

beforeAll(async () => {
  app = await startTestApp({ EMAIL_MODE: 'capture', TRUSTED_PROXIES: '1' });
  await app.strapi.plugin('dictionnaire').service('demo').seed();
  team = await createStaff(app, 'accueil@centre.example', ['Équipe du centre']);
});

afterAll(async () => {
  await app?.stop();
});

describe('« Ce mot manque »', () => {
  it('merges the same word asked with other case, accents, plural and a typo, and counts it', async () => {
    await ask({ word: 'Mots de passe', context: 'Sur le site des impôts.' }).expect(202);
    await ask({ word: 'mot de pase' }).expect(202);
    await ask({ word: 'MOT DE PASSE' }).expect(202);
    await ask({ word: 'Réseaux sociaux' }).expect(202);
    await ask({ word: 'reseau social' }).expect(202);
    const rows = (await requestRows()).filter((row) => row.key !== 'cloud');
    expect(rows.map((row) => [row.word, row.count])).toEqual([
      ['Mots de passe', 3],
      ['Réseaux sociaux', 2],
    ]);
    expect(rows[0].contexts).toEqual(['Sur le site des impôts.']);
  });

  it('counts two visitors asking for a new word at the same moment on one request', async () => {
    await Promise.all(
      ['203.0.113.31', '203.0.113.32', '203.0.113.33'].map((from, index) =>
        ask({ word: ['Imprimante', 'imprimantes', 'IMPRIMANTE'][index] }, from).expect(202),
      ),
    );
    const rows = (await requestRows()).filter((row) => row.key === 'imprimante');
    expect(rows.map((row) => row.count)).toEqual([3]);
  });

  it('counts the demo’s open request again when someone asks for it', async () => {
    await ask({ word: 'clouds' }).expect(202);
    const cloud = (await requestRows()).find((row) => row.key === 'cloud');
    expect(cloud?.count).toBe(4);
  });

  it('keeps an e-mail only with consent, apart from the request', async () => {
    const refused = await ask({ word: 'Navigateure web', email: 'mamie@example.org' }).expect(400);
    expect(problems(refused)).toEqual(['consent']);
    expect((refused.body as ErrorBody).error.message).toMatch(/cochez la case/);
    await ask({ word: 'Box internet', email: 'Mamie@Example.org', consent: true }).expect(202);
    const requesters = await app.strapi.db.query(REQUESTER_UID).findMany({ populate: { request: true } });
    expect(requesters).toHaveLength(1);
    expect(requesters[0].email).toBe('mamie@example.org');
    expect(requesters[0].request.word).toBe('Box internet');
    expect(requesters[0].consent_text).toMatch(/effacée dès que le message est envoyé/);
    // The request itself holds no address.
    expect(JSON.stringify(await requestRows())).not.toContain('mamie');
  });

  it('refuses hostile input with French messages, and stores nothing', async () => {
    const before = (await requestRows()).length;
    const cases: [Record<string, unknown>, string[]][] = [
      [{}, ['word']],
      [{ word: '' }, ['word']],
      [{ word: '!!!' }, ['word']],
      [{ word: 'x'.repeat(81) }, ['word']],
      [{ word: { $ne: '' } }, ['word']],
      [{ word: ['mot'] }, ['word']],
      [{ word: 'mot', context: 'y'.repeat(301) }, ['context']],
      [{ word: 'mot', email: 'pas-une-adresse', consent: true }, ['email']],
      [{ word: 'mot', consent: 'oui' }, ['consent']],
      [{ word: 'mot', prenom: 'Léa' }, ['prenom']],
      [{ word: 'mot', nomEnfant: 'Léa' }, ['nomEnfant']],
    ];
    for (const [index, [body, paths]] of cases.entries()) {
      const response = await ask(body, `203.0.113.${100 + index}`);
      expect(response.status).toBe(400);
      expect(problems(response)).toEqual(paths);
    }
    const broken = await app
      .http()
      .post(`${API}/requests`)
      .set('X-Forwarded-For', '203.0.113.12')
      .set('Content-Type', 'application/json')
      .send('{"word": ');
    expect(broken.status).toBe(400);
    expect((await requestRows()).length).toBe(before);
  });

  it('keeps HTML typed by a visitor as plain text', async () => {
    await ask({ word: '<script>alert(1)</script> cookie', context: '<b>gras</b>' }, '203.0.113.13').expect(202);
    const row = (await requestRows()).find((entry) => entry.word.startsWith('<script>'));
    expect(row?.contexts).toEqual(['<b>gras</b>']);
  });

  it('limits how often one connection asks', async () => {
    let last = 0;
    for (let attempt = 0; attempt < 11; attempt += 1) {
      last = (await ask({ word: `mot numéro ${attempt}` }, '203.0.113.99')).status;
    }
    expect(last).toBe(429);
  });
});

describe('« Devenir contributeur »', () => {
  it('records the structure as waiting for validation, with the adult’s address private', async () => {
    await app
      .http()
      .post(`${API}/contributors`)
      .set('X-Forwarded-For', '203.0.113.20')
      .send({ name: 'École Jules-Ferry', kind: 'ecole', commune: 'Roubaix', email: 'Prof@Ecole.example' })
      .expect(202);
    const row = await app.strapi.db.query(STRUCTURE_UID).findOne({ where: { name: 'École Jules-Ferry' } });
    expect(row).toMatchObject({ status: 'pending', digest: 'weekly', contact_email: 'prof@ecole.example' });
    const contributors = await app.http().get(`${API}/contributors`).expect(200);
    expect(JSON.stringify(contributors.body)).not.toContain('ecole.example');
    expect(contributors.body.data.map((entry: { name: string }) => entry.name)).toEqual(['École des Tilleuls']);
  });

  it('refuses a wrong kind, a missing commune and unknown fields', async () => {
    const response = await app
      .http()
      .post(`${API}/contributors`)
      .set('X-Forwarded-For', '203.0.113.21')
      .send({ name: 'X', kind: 'garage', email: 'a@b.example', nomEnfant: 'Léa' });
    expect(response.status).toBe(400);
    expect(problems(response).sort()).toEqual(['commune', 'kind', 'name', 'nomEnfant']);
  });
});

describe('no personal data of a child', () => {
  const CHILD_FIELDS =
    /enfant|child|eleve|pupil|student|prenom|firstname|first_name|lastname|last_name|surname|birth|naissance|age$/i;

  it('no content type has a field for a child', () => {
    for (const [name, type] of Object.entries(contentTypes)) {
      const fields = Object.keys((type.schema as { attributes: Record<string, unknown> }).attributes);
      expect({ name, fields: fields.filter((field) => CHILD_FIELDS.test(field)) }).toEqual({ name, fields: [] });
    }
  });

  it('credits definitions to a group, with the structure of the adult', async () => {
    const { body } = await app.http().get(`${API}/words/mot-de-passe`).expect(200);
    expect(body.data.definition.credit).toEqual({
      group: 'la classe de CM2 de l’école des Tilleuls',
      commune: 'Tourcoing',
      year: new Date().getFullYear(),
      structure: { name: 'École des Tilleuls', commune: 'Tourcoing' },
    });
  });
});

describe('the public read API', () => {
  it('lists words A–Z in French order, by letter, with the letters in use', async () => {
    const { body } = await app.http().get(`${API}/words`).expect(200);
    expect(body.data.map((word: { term: string }) => word.term)).toEqual([
      'Cookie',
      'Mot de passe',
      'Navigateur',
      'QR code',
      'Wi-Fi',
    ]);
    expect(body.meta).toMatchObject({ page: 1, total: 5, letters: ['c', 'm', 'n', 'q', 'w'] });
    const m = await app.http().get(`${API}/words?letter=M`).expect(200);
    expect(m.body.data.map((word: { slug: string }) => word.slug)).toEqual(['mot-de-passe']);
    expect(m.headers['cache-control']).toBe('public, max-age=300');
  });

  it('gives a word’s page: main definition, credits, related words; never a draft', async () => {
    const { body } = await app.http().get(`${API}/words/mot-de-passe`).expect(200);
    expect(body.data).toMatchObject({
      term: 'Mot de passe',
      variants: ['mdp', 'password', 'code secret'],
      category: 'securite',
      definition: { example: 'Pour lire mes e-mails, je tape mon mot de passe.', illustration: null, audio: null },
      otherDefinitions: [],
      related: [{ slug: 'wi-fi', term: 'Wi-Fi' }],
    });
    await app.strapi.documents('plugin::dictionnaire.word').create({ data: { term: 'Brouillon' } } as never);
    const missing = await app.http().get(`${API}/words/brouillon`).expect(404);
    expect(missing.body.error.message).toMatch(/pas \(encore\) dans le dictionnaire/);
  });

  it('lists the latest words and the whole index for a static build', async () => {
    const latest = await app.http().get(`${API}/words/latest?limit=2`).expect(200);
    expect(latest.body.data).toHaveLength(2);
    const index = await app.http().get(`${API}/words/index`).expect(200);
    expect(index.body.meta.total).toBe(5);
    expect(Object.keys(index.body.data[0]).sort()).toEqual(['category', 'letter', 'slug', 'term', 'variants']);
  });

  it('gives whole word pages in bulk, the same as one by one, for a static build', async () => {
    const first = await app.http().get(`${API}/words/details?page=1&pageSize=3`).expect(200);
    const second = await app.http().get(`${API}/words/details?page=2&pageSize=3`).expect(200);
    expect(first.body.meta).toEqual({ page: 1, pageSize: 3, total: 5, pageCount: 2 });
    const all = [...first.body.data, ...second.body.data];
    expect(all.map((word: { slug: string }) => word.slug)).toEqual(
      (await app.http().get(`${API}/words/index`)).body.data.map((word: { slug: string }) => word.slug),
    );
    for (const word of all) {
      const one = await app.http().get(`${API}/words/${word.slug}`).expect(200);
      expect(word).toEqual(one.body.data);
    }
  });

  it.each([
    ['mot de pase', 'mot-de-passe'],
    ['MOTS DE PASSE', 'mot-de-passe'],
    ['wiffi', 'wi-fi'],
    ['navigateure', 'navigateur'],
    ['cookies', 'cookie'],
    ['qrcode', 'qr-code'],
    ['mdp', 'mot-de-passe'],
  ])('finds « %s » first as %s', async (q, slug) => {
    const { body } = await app.http().get(`${API}/search`).query({ q }).expect(200);
    expect(body.data[0]?.slug).toBe(slug);
  });

  it('answers an unknown word with an empty list, not an error', async () => {
    const { body } = await app.http().get(`${API}/search?q=tournevis`).expect(200);
    expect(body).toEqual({ data: [], meta: { query: 'tournevis', total: 0 } });
  });

  it.each([
    ['/search', ['q']],
    ['/search?q=', ['q']],
    ['/search?q=a&q=b', ['q']],
    ['/search?q[$ne]=x', ['q']],
    [`/search?q=${'a'.repeat(81)}`, ['q']],
    ['/search?q=mot&limit=0', ['limit']],
    ['/search?q=mot&limit=abc', ['limit']],
    ['/search?q=mot&sort=term', ['']],
    ['/words?letter=ab', ['letter']],
    ['/words?letter=%00', ['letter']],
    ['/words?page=-1', ['page']],
    ['/words?pageSize=1000', ['pageSize']],
    ['/words?category=cuisine', ['category']],
    ['/words?populate=*', ['']],
    ['/words/latest?limit=99', ['limit']],
    ['/words/index?x=1', ['']],
    ['/words/details?pageSize=101', ['pageSize']],
    ['/words/details?page=0', ['page']],
    ['/words/details?populate=*', ['']],
    ['/words/mot-de-passe?populate=*', ['']],
    ['/contributors?filters[email]=x', ['']],
  ])('refuses %s with a French 400', async (path, paths) => {
    const response = await app.http().get(`${API}${path}`);
    expect(response.status).toBe(400);
    expect(problems(response)).toEqual(paths);
    expect((response.body as ErrorBody).error.message).toMatch(/[a-zé]/);
  });

  it('answers 404 for a slug that cannot exist', async () => {
    for (const slug of ['..%2F..%2Fetc', 'MOT', '-x', `${'a'.repeat(130)}`]) {
      const response = await app.http().get(`${API}/words/${slug}`);
      expect([400, 404]).toContain(response.status);
    }
  });
});

describe('the team’s admin API', () => {
  const asTeam = () => ({ Authorization: `Bearer ${team.token}` });

  it('counts words, requests and structures to validate, for the centre’s team', async () => {
    await app.http().get('/dictionnaire/summary').expect(401);
    const { body } = await app.http().get('/dictionnaire/summary').set(asTeam()).expect(200);
    expect(body).toMatchObject({ words: 5, pendingStructures: 2 });
    expect(body.openRequests).toBeGreaterThan(3);
  });

  it('lists requests most asked first, with how many people wait to be told', async () => {
    const { body } = await app.http().get('/dictionnaire/requests?status=open').set(asTeam()).expect(200);
    expect(body.results[0]).toMatchObject({ word: 'Cloud', count: 4, status: 'open', claimedBy: null });
    const box = body.results.find((row: { word: string }) => row.word === 'Box internet');
    expect(box.waiting).toBe(1);
  });

  it('lists structures to validate, and validating one opens the adult’s account', async () => {
    const { body } = await app.http().get('/dictionnaire/structures?status=pending').set(asTeam()).expect(200);
    const ferry = body.results.find((row: { name: string }) => row.name === 'École Jules-Ferry');
    await app.http().post(`/dictionnaire/structures/${ferry.id}/validate`).set(asTeam()).expect(200);
    const account = await app.strapi.db
      .query('plugin::users-permissions.user')
      .findOne({ where: { email: 'prof@ecole.example' }, populate: { role: true } });
    expect(account.role.type).toBe('dictionnaire-contributeur');
    await app.http().post('/dictionnaire/structures/inconnue12345/validate').set(asTeam()).expect(404);
    await app.http().post('/dictionnaire/structures/%2E%2E/refuse').set(asTeam()).expect(404);
  });

  it('lists words with their state', async () => {
    const { body } = await app.http().get('/dictionnaire/words').set(asTeam()).expect(200);
    expect(body.results.map((row: { term: string; published: boolean }) => [row.term, row.published])).toEqual(
      expect.arrayContaining([
        ['Brouillon', false],
        ['Cookie', true],
      ]),
    );
  });

  it.each([
    ['/dictionnaire/requests?status=perdu', ['status']],
    ['/dictionnaire/requests?pageSize=1000', ['pageSize']],
    ['/dictionnaire/structures?where=1', ['']],
    ['/dictionnaire/words?page=0', ['page']],
  ])('refuses %s with a French 400', async (path, paths) => {
    const response = await app.http().get(path).set(asTeam());
    expect(response.status).toBe(400);
    expect(problems(response)).toEqual(paths);
  });
});

describe('what holds whoever writes', () => {
  it('asks for the alternative text of an illustration', async () => {
    const file = await app.strapi.db.query('plugin::upload.file').create({
      data: {
        name: 'cookie.png',
        hash: 'cookie',
        ext: '.png',
        mime: 'image/png',
        size: 1,
        url: '/uploads/cookie.png',
        provider: 'local',
      },
    });
    const definitions = app.strapi.documents('plugin::dictionnaire.definition');
    const data = {
      term: 'Cookie',
      text: 'Un petit fichier gardé par le site.',
      example: 'J’accepte les cookies.',
      group_label: 'le club du mercredi',
      group_commune: 'Lille',
      group_year: 2026,
      illustration: file.id,
    };
    await expect(definitions.create({ data } as never)).rejects.toMatchObject({
      details: { errors: [{ path: ['illustration_alt'] }] },
    });
    const created = await definitions.create({
      data: { ...data, illustration_alt: 'Un biscuit sur un écran.' },
    } as never);
    await expect(
      definitions.update({ documentId: created.documentId, data: { illustration_alt: '' } } as never),
    ).rejects.toMatchObject({ details: { errors: [{ path: ['illustration_alt'] }] } });
  });

  it('keeps the demo as it is when seeded again', async () => {
    const words = await app.strapi.db.query('plugin::dictionnaire.word').count();
    await app.strapi.plugin('dictionnaire').service('demo').seed();
    expect(await app.strapi.db.query('plugin::dictionnaire.word').count()).toBe(words);
  });
});

describe('« Demander un mot » without JavaScript', () => {
  const PAGE = '/formulaires/dictionnaire/demander-un-mot';
  const post = (form: Record<string, string>, from: string) =>
    app.http().post(PAGE).set('X-Forwarded-For', from).type('form').send(form);

  it('shows the form in French, prefilled with the word searched', async () => {
    const response = await app
      .http()
      .get(`${PAGE}?mot=${encodeURIComponent('wiffi <b>')}`)
      .expect(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.text).toContain('<html lang="fr"');
    expect(response.text).toContain('value="wiffi &lt;b&gt;"');
    expect(response.text).not.toContain('<b>"');
  });

  it('answers a mistake with the form again, what was typed kept, and stores nothing', async () => {
    const before = (await requestRows()).length;
    const response = await post({ word: 'Tablette', email: 'voisin@example.org' }, '203.0.113.50');
    expect(response.status).toBe(400);
    expect(response.text).toContain('Erreur : Demander un mot');
    expect(response.text).toContain('cochez la case');
    expect(response.text).toContain('value="voisin@example.org"');
    expect((await requestRows()).length).toBe(before);
  });

  it('records the request like the JSON form, and thanks the person', async () => {
    const response = await post({ word: 'Tablettes', email: 'voisin@example.org', consent: 'oui' }, '203.0.113.51');
    expect(response.status).toBe(200);
    expect(response.text).toContain('Merci, votre demande est arrivée');
    const row = (await requestRows()).find((entry) => entry.key === 'tablette');
    expect(row?.count).toBe(1);
    expect(await app.strapi.db.query(REQUESTER_UID).count({ where: { email: 'voisin@example.org' } })).toBe(1);
  });

  it('refuses an unknown field and a JSON body', async () => {
    const unknown = await post({ word: 'Souris', prenom: 'Léa' }, '203.0.113.52');
    expect(unknown.status).toBe(400);
    const json = await app.http().post(PAGE).set('X-Forwarded-For', '203.0.113.53').send({ word: 'Souris' });
    expect(json.status).toBe(415);
  });
});
