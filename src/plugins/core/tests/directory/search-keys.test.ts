import { startTestApp, type TestApp } from '../../../../../tests/harness/strapi';
import { backfillSearchKeys } from '../../server/src/directory/search-keys';

const STRUCTURE = 'plugin::core.structure';
const PLACE = 'plugin::core.place';
const EVENT = 'plugin::core.event';
const API = '/api/core/directory';

let app: TestApp;
let centre: number;

type Doc = { documentId: string };
const documents = (uid: string) => app.strapi.documents(uid as typeof STRUCTURE);

async function published(uid: string, data: Record<string, unknown>): Promise<Doc> {
  return (await documents(uid).create({ data: { centre, ...data }, status: 'published' } as never)) as unknown as Doc;
}

async function find(path: string): Promise<string[]> {
  const { body } = await app.http().get(`${API}/${path}`).expect(200);
  return body.data.map((item: { nom?: string; titre?: string }) => item.nom ?? item.titre);
}

beforeAll(async () => {
  app = await startTestApp();
  centre = (await documents('plugin::core.centre').create({ data: { name: 'Centre des Aulnes', slug: 'aulnes' } }))
    .id as number;
});

afterAll(async () => {
  await app?.stop();
});

describe('what the public lists search on follows every edit', () => {
  it('finds an entry by its new name once republished, no longer by the old one', async () => {
    const doc = await published(STRUCTURE, {
      nom: 'Atelier vélo',
      description: 'Réparer son vélo soi-même.',
      commune: 'Saint-Étienne',
      thematiques: ['mobilite--entretenir-reparer-son-vehicule'],
    });
    expect(await find('structures?q=velo')).toEqual(['Atelier vélo']);
    expect(await find(`structures?commune=${encodeURIComponent('saint-etienne')}`)).toEqual(['Atelier vélo']);

    await documents(STRUCTURE).update({
      documentId: doc.documentId,
      data: { nom: 'Repair café', description: 'Réparer ensemble petits appareils.', commune: 'Firminy' },
    } as never);
    // The draft changed; the public still reads the published version until it is republished.
    expect(await find('structures?q=velo')).toEqual(['Atelier vélo']);
    await documents(STRUCTURE).publish({ documentId: doc.documentId } as never);

    expect(await find('structures?q=velo')).toEqual([]);
    expect(await find(`structures?q=${encodeURIComponent('CAFÉ')}`)).toEqual(['Repair café']);
    expect(await find('structures?commune=firminy')).toEqual(['Repair café']);
    expect(await find(`structures?commune=${encodeURIComponent('Saint-Étienne')}`)).toEqual([]);
  });

  it('filters an event by the commune of its place after the place moved', async () => {
    const place = await published(PLACE, { nom: 'Salle Jean Moulin', commune: 'Villeurbanne' });
    await published(EVENT, {
      titre: 'Bal des voisins',
      date_debut: '2031-06-20T17:00:00.000Z',
      lieu: place.documentId,
    });
    expect(await find('events?commune=villeurbanne')).toEqual(['Bal des voisins']);

    await documents(PLACE).update({ documentId: place.documentId, data: { commune: 'Vaulx-en-Velin' } } as never);
    await documents(PLACE).publish({ documentId: place.documentId } as never);
    expect(await find('events?commune=villeurbanne')).toEqual([]);
    expect(await find(`events?commune=${encodeURIComponent('VAULX-EN-VELIN')}`)).toEqual(['Bal des voisins']);
  });

  it('finds by thématique only the entries that have it, and searches wildcards literally', async () => {
    await published(STRUCTURE, { nom: 'Crèche des Lilas', thematiques: ['famille--garde-denfants'] });
    expect(await find('structures?thematique=famille--garde-denfants')).toEqual(['Crèche des Lilas']);
    expect(await find('structures?thematique=famille--soutien-a-la-parentalite-et-a-leducation')).toEqual([]);
    // Search text with LIKE wildcards is searched literally.
    expect(await find('structures?q=%25%25')).toEqual([]);
    expect(await find('structures?q=__')).toEqual([]);
  });

  it('answers a repeated question from memory, and forgets every answer at the next write', async () => {
    const directory = app.strapi.plugin('core').service('directory') as { cachedAnswers(): number };
    const first = await find('structures?q=lilas');
    const kept = directory.cachedAnswers();
    expect(kept).toBeGreaterThan(0);
    expect(await find('structures?q=lilas')).toEqual(first);
    expect(directory.cachedAnswers()).toBe(kept);

    await published(STRUCTURE, { nom: 'Halte-garderie des Lilas', thematiques: ['famille--garde-denfants'] });
    expect(directory.cachedAnswers()).toBe(0);
    expect(await find('structures?q=lilas')).toEqual(['Crèche des Lilas', 'Halte-garderie des Lilas']);
  });

  it('keeps the search keys out of every public answer', async () => {
    const { body } = await app.http().get(`${API}/structures?q=lilas`).expect(200);
    expect(body.data).toHaveLength(2);
    for (const hidden of ['search_text', 'sort_key', 'commune_key', 'tags_key']) {
      expect(body.data[0]).not.toHaveProperty(hidden);
    }
  });

  it('fills the keys of rows written without them, then finds them', async () => {
    await published(STRUCTURE, { nom: 'Épicerie du Pilat', commune: 'Pélussin' });
    // As after an upgrade, or rows loaded by hand into the database.
    await app.strapi.db
      .connection('core_directory_structures')
      .update({ search_text: null, sort_key: null, commune_key: null, tags_key: null });
    expect(await find('structures?q=pilat')).toEqual([]);

    const filled = await backfillSearchKeys(app.strapi, 2);
    expect(filled).toBeGreaterThanOrEqual(7);
    expect(await find('structures?q=pilat')).toEqual(['Épicerie du Pilat']);
    expect(await find(`structures?commune=${encodeURIComponent('pelussin')}`)).toEqual(['Épicerie du Pilat']);
    // French order without accents getting in the way: « Épicerie » between « Crèche » and « Repair ».
    expect(await find('structures')).toEqual([
      'Crèche des Lilas',
      'Épicerie du Pilat',
      'Halte-garderie des Lilas',
      'Repair café',
    ]);
  });
});
