import { startTestApp, type TestApp } from '../../../../tests/harness/strapi';
import { CENTRE_UID } from '@csc/plugin-core/shared';
import { ACTIVITY_UID, NEWS_UID, PAGE_UID, PUBLIC_PAGE_SIZE } from '../shared';

let app: TestApp;
let centreA: number;

const paragraph = (value: string) => [{ type: 'paragraph', children: [{ type: 'text', text: value }] }];

beforeAll(async () => {
  app = await startTestApp();
  const documents = app.strapi.documents;
  const a = await documents(CENTRE_UID).create({
    data: { name: 'Centre des Tilleuls', slug: 'tilleuls', city: 'Lyon', openingHours: 'Mo-Fr 09:00-18:00' },
  } as never);
  const b = await documents(CENTRE_UID).create({ data: { name: 'Centre du Port', slug: 'port' } } as never);
  centreA = (a as { id: number }).id;
  await documents(ACTIVITY_UID).create({
    data: {
      title: 'Atelier couture',
      slug: 'atelier-couture',
      audience: 'adultes',
      centre: centreA,
      description: paragraph('Le mardi.'),
    },
    status: 'published',
  } as never);
  await documents(ACTIVITY_UID).create({
    data: { title: 'Brouillon secret', slug: 'brouillon-secret', audience: 'tous', centre: centreA },
  } as never);
  await documents(ACTIVITY_UID).create({
    data: { title: 'Activité du Port', slug: 'activite-du-port', audience: 'tous', centre: (b as { id: number }).id },
    status: 'published',
  } as never);
  await documents(PAGE_UID).create({
    data: {
      kind: 'mentions-legales',
      title: 'Mentions légales',
      centre: centreA,
      body: paragraph('Éditeur : association.'),
    },
    status: 'published',
  } as never);
});

afterAll(async () => {
  await app?.stop();
});

describe('public site content', () => {
  it('gives a centre its profile and published pages, without staff or draft content', async () => {
    const { body } = await app.http().get('/api/site/tilleuls').expect(200);
    expect(body.centre).toMatchObject({ name: 'Centre des Tilleuls', slug: 'tilleuls', city: 'Lyon' });
    expect(body.centre).not.toHaveProperty('staff');
    expect(body.centre).not.toHaveProperty('smsSenderName');
    expect(body.pages.map((page: { kind: string }) => page.kind)).toEqual(['mentions-legales']);
  });

  it('lists only published activities of that centre', async () => {
    const { body } = await app.http().get('/api/site/tilleuls/activities').expect(200);
    expect(body.data.map((activity: { title: string }) => activity.title)).toEqual(['Atelier couture']);
    expect(body.meta).toEqual({ page: 1, pageSize: PUBLIC_PAGE_SIZE, total: 1, pages: 1 });
    expect(body.data[0].description[0].children[0].text).toBe('Le mardi.');
  });

  it('pages long lists', async () => {
    const data = Array.from({ length: PUBLIC_PAGE_SIZE + 5 }, (_, index) => ({
      title: `Nouvelle ${String(index).padStart(3, '0')}`,
      slug: `nouvelle-${index}`,
      date: `2026-01-${String((index % 28) + 1).padStart(2, '0')}`,
      centre: centreA,
    }));
    for (const entry of data) {
      await app.strapi.documents(NEWS_UID).create({ data: entry, status: 'published' } as never);
    }
    const first = await app.http().get('/api/site/tilleuls/news').expect(200);
    const second = await app.http().get('/api/site/tilleuls/news?page=2').expect(200);
    expect(first.body.meta).toMatchObject({ total: PUBLIC_PAGE_SIZE + 5, pages: 2 });
    expect(first.body.data).toHaveLength(PUBLIC_PAGE_SIZE);
    expect(second.body.data).toHaveLength(5);
    const seen = new Set([...first.body.data, ...second.body.data].map((item: { slug: string }) => item.slug));
    expect(seen.size).toBe(PUBLIC_PAGE_SIZE + 5);
  });

  it('answers 404 in French for an unknown centre', async () => {
    const { body } = await app.http().get('/api/site/inconnu/activities').expect(404);
    expect(body.error.message).toBe('Aucun centre ne porte cet identifiant.');
  });

  it.each([
    ['/api/site/tilleuls/activities?page=0', 'Les pages commencent à 1.'],
    ['/api/site/tilleuls/activities?page=abc', 'Le numéro de page est un nombre.'],
    ['/api/site/tilleuls/activities?page=99999999', 'Ce numéro de page est trop grand.'],
    ['/api/site/tilleuls/activities?status=draft', undefined],
    ['/api/site/tilleuls/activities?page[$gt]=1', undefined],
    ['/api/site/%3Cscript%3E/activities', 'Identifiant de centre invalide.'],
  ])('refuses %s with a 400 and a French message', async (url, message) => {
    const { body } = await app.http().get(url).expect(400);
    expect(body.error.name).toBe('ValidationError');
    if (message)
      expect(body.error.details.errors.map((error: { message: string }) => error.message)).toContain(message);
    else expect(body.error.details.errors.length).toBeGreaterThan(0);
  });
});
