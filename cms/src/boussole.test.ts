import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CmsContractError, createCmsClient } from '.';

/** A real HTTP server on loopback that answers what each test sets, writing the page asked for. */
let answer: { status: number; body: string } = { status: 200, body: '{}' };
const asked: string[] = [];
const server = http.createServer((request, response) => {
  asked.push(request.url ?? '');
  const page = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('page') ?? 1);
  response.writeHead(answer.status, { 'content-type': 'application/json' });
  response.end(answer.body.replace(/"PAGE"/g, String(page)));
});
let baseUrl = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const settings = {
  slug: 'boussole-parentale',
  title: 'Boussole parentale',
  sitePath: '/boussole-parentale/',
  intro: null,
  themes: [{ code: 'famille--garde-denfants', label: 'Garde d’enfants', local: false }],
  audiences: [{ code: '11-17-ans', label: 'Adolescents de 11 à 17 ans' }],
  communes: [{ nom: 'Roubaix', code_insee: '59512' }],
  map: { tiles: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap' },
  centre: { name: 'Centre social', slug: 'tilleuls' },
};

const structure = (id: string) => ({
  id,
  nom: `Relais petite enfance ${id}`,
  description: null,
  typologie: null,
  siret: null,
  site_web: null,
  telephone: null,
  courriel: null,
  horaires_accueil: 'Mo-Fr 09:00-12:00',
  accessibilite_lieu: null,
  thematiques: ['famille--garde-denfants'],
  reseaux_porteurs: [],
  centre: null,
  date_maj: '2026-11-30',
  adresse: '1 rue des Arts',
  complement_adresse: null,
  code_postal: '59100',
  commune: 'Roubaix',
  code_insee: '59512',
  latitude: null,
  longitude: null,
});
const list = (items: unknown[]) =>
  JSON.stringify({ data: items, meta: { page: 'PAGE', pageSize: 100, total: 2, pageCount: 2 } });

describe('CMS client: a compass of « La Boussole »', () => {
  it('reads a compass’s settings', async () => {
    answer = { status: 200, body: JSON.stringify({ data: settings }) };
    await expect(createCmsClient({ baseUrl }).boussole.compass('boussole-parentale')).resolves.toEqual(settings);
  });

  it('reads every page of the structures of one filter value', async () => {
    asked.length = 0;
    answer = { status: 200, body: list([structure('abcdefghij')]) };
    const structures = await createCmsClient({ baseUrl }).boussole.structures('boussole-parentale', {
      commune: 'Villeneuve-d’Ascq',
    });
    expect(structures).toHaveLength(2);
    expect(asked).toEqual([
      '/api/boussole/compasses/boussole-parentale/structures?page=1&pageSize=1000&commune=Villeneuve-d%E2%80%99Ascq',
      '/api/boussole/compasses/boussole-parentale/structures?page=2&pageSize=1000&commune=Villeneuve-d%E2%80%99Ascq',
    ]);
  });

  it('stops the build, naming the fields, when an answer changed shape', async () => {
    answer = {
      status: 200,
      body: JSON.stringify({
        data: { ...settings, audiences: [{ code: 'martiens', label: 'Martiens' }], colour: 'red' },
      }),
    };
    const error = await createCmsClient({ baseUrl })
      .boussole.compass('boussole-parentale')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CmsContractError);
    const message = (error as Error).message;
    expect(message).toContain('/api/boussole/compasses/boussole-parentale');
    expect(message).toMatch(/data\.audiences\.0\.code/);
    expect(message).toMatch(/colour/);

    answer = { status: 200, body: list([{ ...structure('abcdefghij'), thematiques: ['famille--inconnue'] }]) };
    await expect(createCmsClient({ baseUrl }).boussole.structures('boussole-parentale')).rejects.toThrow(
      /data\.0\.thematiques\.0/,
    );
  });
});
