/**
 * Imports into the shared directory, through the admin API as staff use it: data·inclusion JSON
 * and CSV (fixtures checked against the pinned schema), a plain spreadsheet CSV with a column
 * mapping, re-imports that neither duplicate nor rewrite, broken rows reported one by one,
 * addresses geocoded against a fake BAN on loopback, and requests that must be refused.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { startTestApp, type TestApp } from '../../../../../tests/harness/strapi';
import { createStaff, type StaffAccount } from '../../../../../tests/harness/admin';
import type { DirectoryImportColumns, DirectoryImportReport } from '../../shared/contracts/directory-import';
import { startFakeBan, type FakeBan } from '../geocoding/fake-ban';

const STRUCTURE = 'plugin::core.structure';
const SERVICE = 'plugin::core.service';
const FIXTURES = path.join(__dirname, 'fixtures');
const SCHEMAS = path.resolve(__dirname, '../../schemas/data-inclusion-v1');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));

let app: TestApp;
let ban: FakeBan;
let superAdmin: StaffAccount;
let accueil: StaffAccount;
let editor: StaffAccount;
let oliviers: number;
let tilleuls: number;

type Files = [name: string, content: Buffer | string][];
type Row = Record<string, unknown>;

const as = (account: StaffAccount) => ({ Authorization: `Bearer ${account.token}` });

function post(url: string, account: StaffAccount, fields: Record<string, string | number | boolean>, files: Files) {
  let request = app.http().post(url).set(as(account));
  for (const [name, value] of Object.entries(fields)) request = request.field(name, String(value));
  for (const [name, content] of files) {
    request = request.attach('file', typeof content === 'string' ? Buffer.from(content, 'utf8') : content, name);
  }
  return request;
}

async function importAs(
  account: StaffAccount,
  fields: Record<string, string | number | boolean>,
  files: Files,
): Promise<DirectoryImportReport> {
  const response = await post('/core/directory/import', account, fields, files);
  if (response.status !== 200) throw new Error(`Import answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as DirectoryImportReport;
}

const drafts = (uid: string, filters: Row) =>
  app.strapi.documents(uid as typeof STRUCTURE).findMany({
    filters,
    status: 'draft',
    populate: uid === SERVICE ? { structure: { fields: ['nom', 'source_id'] }, centre: true } : { centre: true },
  } as never) as unknown as Promise<Row[]>;
const publishedCount = (uid: string, filters: Row) =>
  app.strapi.documents(uid as typeof STRUCTURE).count({ filters, status: 'published' } as never);

const withoutStatus = (report: DirectoryImportReport) => report.counts;

beforeAll(async () => {
  ban = await startFakeBan();
  app = await startTestApp();
  const centres = app.strapi.documents('plugin::core.centre');
  oliviers = (await centres.create({ data: { name: 'Centre social des Oliviers', slug: 'oliviers' } })).id as number;
  tilleuls = (await centres.create({ data: { name: 'Centre social des Tilleuls', slug: 'tilleuls' } })).id as number;
  superAdmin = await createStaff(app, 'direction@federation.fr', ['super-admin']);
  accueil = await createStaff(app, 'accueil@oliviers.fr', ['Équipe du centre']);
  editor = await createStaff(app, 'redaction@federation.fr', ['Editor']);
  await app.strapi.db.query('plugin::core.centre').update({ where: { id: oliviers }, data: { staff: [accueil.id] } });
});

afterAll(async () => {
  await app?.stop();
  await ban?.close();
});

describe('the fixtures', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const read = (file: string) => JSON.parse(readFileSync(path.join(SCHEMAS, file), 'utf8'));
  const validateStructure = ajv.compile(read('structure.json'));
  const validateService = ajv.compile(read('service.json'));
  const check = (item: Row) => {
    const validate = 'structure_id' in item ? validateService : validateStructure;
    return validate(item) ? null : validate.errors;
  };
  const LISTS = ['thematiques', 'publics', 'modes_accueil', 'reseaux_porteurs', 'zone_eligibilite'];

  it('the JSON file is valid data·inclusion v1, item by item', () => {
    const items = JSON.parse(fixture('data-inclusion.json').toString('utf8')) as Row[];
    expect(items.map(check)).toEqual(items.map(() => null));
  });

  it('the CSV files are valid data·inclusion v1 once lists and numbers are read back', () => {
    for (const file of ['structures.csv', 'services.csv']) {
      const rows = parse(fixture(file), { columns: true }) as Record<string, string>[];
      const items = rows.map((row) =>
        Object.fromEntries(
          Object.entries(row)
            .filter(([, value]) => value !== '')
            .map(([key, value]) => [
              key,
              LISTS.includes(key) ? value.split(',') : ['latitude', 'longitude'].includes(key) ? Number(value) : value,
            ]),
        ),
      );
      expect(items.map(check)).toEqual(items.map(() => null));
    }
  });
});

describe('data·inclusion JSON', () => {
  const file: Files = [['annuaire.json', fixture('data-inclusion.json')]];
  const fields = { centre: 0, format: 'data-inclusion-json' };

  it('creates drafts in the chosen centre, each service linked to its structure', async () => {
    const report = await importAs(superAdmin, { ...fields, centre: oliviers }, file);
    expect(report.counts).toEqual({ created: 5, updated: 0, unchanged: 0, skipped: 0, toCheck: 0 });
    expect(report.dryRun).toBe(false);
    expect(report.publish).toBe(false);
    expect(report.rows.map((row) => [row.line, row.type, row.sourceId, row.status])).toEqual([
      [1, 'structure', 'ville-lyon8--1', 'created'],
      [2, 'structure', 'ville-lyon8--2', 'created'],
      [3, 'service', 'ville-lyon8--s1', 'created'],
      [4, 'service', 'ville-lyon8--s2', 'created'],
      [5, 'service', 'ville-lyon8--s3', 'created'],
    ]);

    const structures = await drafts(STRUCTURE, { source: 'ville-lyon8' });
    expect(structures).toHaveLength(2);
    const maison = structures.find((row) => row.source_id === 'ville-lyon8--1') as Row;
    expect(maison).toMatchObject({
      nom: 'Maison des familles Mermoz',
      code_insee: '69388',
      latitude: 45.7347,
      longitude: 4.8699,
      reseaux_porteurs: ['fcsf'],
      adresse_a_verifier: false,
      centre: expect.objectContaining({ id: oliviers }),
    });
    const services = await drafts(SERVICE, { source: 'ville-lyon8' });
    expect(services.map((row) => [row.source_id, (row.structure as Row).source_id]).sort()).toEqual([
      ['ville-lyon8--s1', 'ville-lyon8--1'],
      ['ville-lyon8--s2', 'ville-lyon8--2'],
      ['ville-lyon8--s3', 'ville-lyon8--1'],
    ]);
    expect(services.find((row) => row.source_id === 'ville-lyon8--s1')).toMatchObject({
      type: 'atelier',
      publics: ['familles'],
      frais: 'gratuit',
      zone_eligibilite: ['69388'],
    });
    // Drafts by default: the team reviews before the sites show anything.
    expect(await publishedCount(STRUCTURE, { source: 'ville-lyon8' })).toBe(0);
    const { body } = await app.http().get('/api/core/directory/structures').expect(200);
    expect(body.meta.total).toBe(0);
  });

  it('imported twice more, changes nothing and duplicates nothing', async () => {
    for (let run = 0; run < 2; run += 1) {
      const report = await importAs(superAdmin, { ...fields, centre: oliviers }, file);
      expect(withoutStatus(report)).toEqual({ created: 0, updated: 0, unchanged: 5, skipped: 0, toCheck: 0 });
    }
    expect(await drafts(STRUCTURE, { source: 'ville-lyon8' })).toHaveLength(2);
    expect(await drafts(SERVICE, { source: 'ville-lyon8' })).toHaveLength(3);
  });

  it('updates the one row that changed, and only what the file says', async () => {
    const [maison] = await drafts(STRUCTURE, { source_id: 'ville-lyon8--1' });
    // A field outside data·inclusion, set by the team: an import leaves it alone.
    await app.strapi
      .documents(STRUCTURE)
      .update({ documentId: maison.documentId as string, data: { typologie: 'Association' } } as never);
    // Ages are not in data·inclusion either: the team's stay.
    const [colisBefore] = await drafts(SERVICE, { source_id: 'ville-lyon8--s2' });
    await app.strapi
      .documents(SERVICE)
      .update({ documentId: colisBefore.documentId as string, data: { age_min: 0, age_max: 6 } } as never);
    const items = JSON.parse(fixture('data-inclusion.json').toString('utf8')) as Row[];
    items[3] = { ...items[3], description: 'Un colis chaque semaine, sur orientation ; inscription à l’accueil.' };
    const report = await importAs(superAdmin, { ...fields, centre: oliviers }, [
      ['annuaire.json', JSON.stringify(items)],
    ]);
    expect(report.counts).toMatchObject({ created: 0, updated: 1, unchanged: 4, skipped: 0 });
    expect(report.rows.find((row) => row.status === 'updated')?.sourceId).toBe('ville-lyon8--s2');
    const [colis] = await drafts(SERVICE, { source_id: 'ville-lyon8--s2' });
    expect(colis.description).toBe('Un colis chaque semaine, sur orientation ; inscription à l’accueil.');
    expect(colis).toMatchObject({ age_min: 0, age_max: 6 });
    const [again] = await drafts(STRUCTURE, { source_id: 'ville-lyon8--1' });
    expect(again.typologie).toBe('Association');
  });

  it('with « publier directement », publishes the entries, then leaves them alone', async () => {
    const items = JSON.parse(fixture('data-inclusion.json').toString('utf8')) as Row[];
    items[3] = { ...items[3], description: 'Un colis chaque semaine, sur orientation ; inscription à l’accueil.' };
    const body: Files = [['annuaire.json', JSON.stringify(items)]];
    const first = await importAs(superAdmin, { ...fields, centre: oliviers, publish: true }, body);
    expect(first.counts).toMatchObject({ created: 0, updated: 5, unchanged: 0, skipped: 0 });
    expect(await publishedCount(STRUCTURE, { source: 'ville-lyon8' })).toBe(2);
    const list = await app.http().get('/api/core/directory/services?centre=oliviers').expect(200);
    expect(list.body.data.map((service: { nom: string; structure: { nom: string } }) => service.structure.nom)).toEqual(
      expect.arrayContaining(['Maison des familles Mermoz', 'Épicerie solidaire du 8e']),
    );
    const second = await importAs(superAdmin, { ...fields, centre: oliviers, publish: true }, body);
    expect(second.counts).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
  });

  it('records who imported where and how many, never the content', async () => {
    const entries = (await app.strapi.db.query('plugin::core.audit-entry').findMany({
      where: { action: 'directory.import' },
      populate: { centre: true },
      orderBy: { id: 'asc' },
    })) as Row[];
    expect(entries.length).toBeGreaterThanOrEqual(4);
    expect(entries[0]).toMatchObject({
      actorType: 'staff',
      actorId: String(superAdmin.id),
      centre: expect.objectContaining({ id: oliviers }),
      details: {
        format: 'data-inclusion-json',
        files: 1,
        publish: false,
        created: 5,
        updated: 0,
        unchanged: 0,
        skipped: 0,
        toCheck: 0,
      },
    });
    expect(JSON.stringify(entries)).not.toContain('Mermoz');
    expect(JSON.stringify(entries)).not.toContain('contact@');
  });

  it('the same rows imported into another centre are that centre’s own entries', async () => {
    const report = await importAs(superAdmin, { ...fields, centre: tilleuls }, file);
    expect(report.counts).toMatchObject({ created: 5 });
    expect(await drafts(STRUCTURE, { source: 'ville-lyon8', centre: { id: oliviers } })).toHaveLength(2);
    expect(await drafts(STRUCTURE, { source: 'ville-lyon8', centre: { id: tilleuls } })).toHaveLength(2);
  });
});

describe('data·inclusion CSV', () => {
  const files: Files = [
    ['services.csv', fixture('services.csv')],
    ['structures.csv', fixture('structures.csv')],
  ];

  it('imports the structures and services files together, lists and numbers read back', async () => {
    const report = await importAs(accueil, { centre: oliviers, format: 'data-inclusion-csv' }, files);
    expect(report.counts).toEqual({ created: 4, updated: 0, unchanged: 0, skipped: 0, toCheck: 0 });
    // Lines of each file, heading = line 1.
    expect(report.rows.map((row) => [row.file, row.line, row.status])).toEqual([
      ['services.csv', 2, 'created'],
      ['services.csv', 3, 'created'],
      ['structures.csv', 2, 'created'],
      ['structures.csv', 3, 'created'],
    ]);
    const [tilleulsRow] = await drafts(STRUCTURE, { source_id: 'qe-10' });
    expect(tilleulsRow).toMatchObject({ latitude: 45.7371, longitude: 4.8801, reseaux_porteurs: ['fcsf', 'caf'] });
    const [atelier] = await drafts(SERVICE, { source_id: 'qe-s21' });
    expect(atelier).toMatchObject({
      thematiques: ['numerique--acceder-a-des-services-en-ligne', 'numerique--maitriser-les-fondamentaux-du-numerique'],
      publics: ['seniors', 'familles'],
      modes_accueil: ['en-presentiel', 'a-distance'],
      zone_eligibilite: ['69388', '69'],
      structure: expect.objectContaining({ source_id: 'qe-11' }),
    });
  });

  it('names the line and the field of a broken CSV row, and imports the others', async () => {
    const csv =
      'source,id,nom,date_maj,code_postal,latitude,longitude\n' +
      'csv-casse,c-1,Structure correcte,2026-01-01,69008,,\n' +
      'csv-casse,c-2,Code postal faux,2026-01-01,6900,,\n' +
      'csv-casse,c-3,Latitude illisible,2026-01-01,69008,nord,4.87\n';
    const report = await importAs(accueil, { centre: oliviers, format: 'data-inclusion-csv' }, [['casse.csv', csv]]);
    expect(report.rows.map((row) => [row.line, row.status, row.problems.map((problem) => problem.field)])).toEqual([
      [2, 'created', []],
      [3, 'skipped', ['code_postal']],
      [4, 'skipped', ['latitude']],
    ]);
    expect(report.rows[1].problems[0].message).toBe('Le code postal compte 5 chiffres.');
    expect(report.rows[2].problems[0].message).toBe('« nord » n’est pas un nombre (par exemple 45,7347).');
    expect((await drafts(STRUCTURE, { source: 'csv-casse' })).map((row) => row.source_id)).toEqual(['c-1']);
  });

  it('run twice more: all unchanged, no duplicates', async () => {
    for (let run = 0; run < 2; run += 1) {
      const report = await importAs(accueil, { centre: oliviers, format: 'data-inclusion-csv' }, files);
      expect(report.counts).toEqual({ created: 0, updated: 0, unchanged: 4, skipped: 0, toCheck: 0 });
    }
    expect(await drafts(STRUCTURE, { source: 'quartiers-est' })).toHaveLength(2);
    expect(await drafts(SERVICE, { source: 'quartiers-est' })).toHaveLength(2);
  });
});

describe('broken rows', () => {
  const good = { source: 'test-casse', date_maj: '2026-01-01' };
  const items = [
    { ...good, id: 'ok-1', nom: 'Structure correcte', code_insee: '69388' },
    { ...good, id: 'insee', nom: 'Code INSEE faux', code_insee: '6938' },
    { ...good, id: 'sans-nom', description: 'Une structure sans nom.' },
    { ...good, id: 'courriel', nom: 'Courriel faux', courriel: 'pas-une-adresse' },
    { ...good, id: 'ok-1', nom: 'Doublon de la première' },
    {
      ...good,
      structure_id: 'ok-1',
      id: 'frais',
      nom: 'Frais inconnus',
      description: 'Un service aux frais étranges.',
      frais: 'cher',
    },
    {
      ...good,
      structure_id: 'inconnue',
      id: 'orphelin',
      nom: 'Service orphelin',
      description: 'Sa structure n’existe pas.',
    },
    { ...good, structure_id: 'ok-1', id: 'ok-s', nom: 'Service correct', description: 'Un service bien rempli.' },
    'pas un objet',
  ];

  it('skips each broken row with the field and a French reason, imports the rest', async () => {
    const report = await importAs(accueil, { centre: oliviers, format: 'data-inclusion-json' }, [
      ['casse.json', JSON.stringify(items)],
    ]);
    expect(report.counts).toEqual({ created: 2, updated: 0, unchanged: 0, skipped: 7, toCheck: 0 });
    const byLine = Object.fromEntries(report.rows.map((row) => [row.line, row]));
    expect(byLine[1].status).toBe('created');
    expect(byLine[8].status).toBe('created');
    expect(byLine[2].problems).toEqual([
      { field: 'code_insee', message: expect.stringContaining('Le code INSEE de la commune compte 5 caractères') },
    ]);
    expect(byLine[3].problems).toEqual([{ field: 'nom', message: 'Le nom est obligatoire.' }]);
    expect(byLine[4].problems).toEqual([{ field: 'courriel', message: 'Cette adresse e-mail n’est pas valide.' }]);
    expect(byLine[5].problems).toEqual([
      { field: 'id', message: 'Identifiant « ok-1 » déjà présent plus haut (ligne 1) : ligne ignorée.' },
    ]);
    expect(byLine[6].problems).toEqual([
      { field: 'frais', message: expect.stringContaining('Valeur inconnue « cher »') },
    ]);
    expect(byLine[7].problems).toEqual([
      { field: 'structure_id', message: expect.stringContaining('La structure « inconnue » n’est ni dans ce fichier') },
    ]);
    expect(byLine[9].problems).toEqual([{ field: null, message: 'Cet élément n’est pas un objet JSON.' }]);
    for (const row of report.rows.filter((item) => item.status === 'skipped')) expect(row.documentId).toBeNull();

    const structures = await drafts(STRUCTURE, { source: 'test-casse' });
    expect(structures.map((row) => row.nom)).toEqual(['Structure correcte']);
    const services = await drafts(SERVICE, { source: 'test-casse' });
    expect(services.map((row) => row.nom)).toEqual(['Service correct']);
  });

  it('a dry run reports the same and writes nothing', async () => {
    const changed = items.map((item, index) => (index === 0 ? { ...(item as Row), nom: 'Structure renommée' } : item));
    changed.push({ ...good, id: 'nouvelle', nom: 'Structure nouvelle' });
    const auditBefore = await app.strapi.db
      .query('plugin::core.audit-entry')
      .count({ where: { action: 'directory.import' } });
    const report = await importAs(accueil, { centre: oliviers, format: 'data-inclusion-json', dryRun: true }, [
      ['casse.json', JSON.stringify(changed)],
    ]);
    expect(report.dryRun).toBe(true);
    expect(report.counts).toEqual({ created: 1, updated: 1, unchanged: 1, skipped: 7, toCheck: 0 });
    const structures = await drafts(STRUCTURE, { source: 'test-casse' });
    expect(structures.map((row) => row.nom)).toEqual(['Structure correcte']);
    expect(await app.strapi.db.query('plugin::core.audit-entry').count({ where: { action: 'directory.import' } })).toBe(
      auditBefore,
    );
  });
});

describe('plain CSV with a column mapping', () => {
  // Saved by a spreadsheet: a byte order mark, semicolons, French headings and labels.
  const sheet =
    '\ufeffNom de la structure;Ville;Code postal;Téléphone;Courriel;Thèmes;Remarque interne\r\n' +
    'Ludothèque des Oliviers;Lyon;69008;04 78 11 22 33;ludo@oliviers.example.fr;Soutien à la parentalité et à l’éducation, Garde d’enfants;ne pas publier le portable\r\n' +
    'Club de lecture;Lyon;69008;;;;\r\n' +
    ';Lyon;69008;;;;ligne sans nom\r\n';
  const mapping = {
    'Nom de la structure': 'nom',
    Ville: 'commune',
    'Code postal': 'code_postal',
    Téléphone: 'telephone',
    Courriel: 'courriel',
    Thèmes: 'thematiques',
    'Remarque interne': '',
  };

  it('shows the detected columns and a first guess of the mapping', async () => {
    const response = await post('/core/directory/import/columns', accueil, { kind: 'structures' }, [
      ['annuaire.csv', sheet],
    ]);
    expect(response.status).toBe(200);
    const columns = response.body as DirectoryImportColumns;
    expect(columns.delimiter).toBe(';');
    expect(columns.rows).toBe(3);
    expect(columns.columns).toEqual(Object.keys(mapping));
    expect(columns.suggestions).toEqual({
      'Nom de la structure': 'nom',
      Ville: 'commune',
      'Code postal': 'code_postal',
      Téléphone: 'telephone',
      Courriel: 'courriel',
      Thèmes: 'thematiques',
    });
  });

  it('imports the mapped columns, French labels turned into data·inclusion codes, and finds rows again by name', async () => {
    const fields = { centre: oliviers, format: 'csv', kind: 'structures', mapping: JSON.stringify(mapping) };
    const report = await importAs(accueil, fields, [['annuaire.csv', sheet]]);
    expect(report.counts).toEqual({ created: 2, updated: 0, unchanged: 0, skipped: 1, toCheck: 0 });
    expect(report.rows[2]).toMatchObject({
      line: 4,
      status: 'skipped',
      problems: [{ field: 'nom', message: 'Le nom est obligatoire.' }],
    });
    const [ludo] = await drafts(STRUCTURE, { nom: 'Ludothèque des Oliviers' });
    expect(ludo).toMatchObject({
      source: 'tableur',
      commune: 'Lyon',
      telephone: '04 78 11 22 33',
      thematiques: ['famille--soutien-a-la-parentalite-et-a-leducation', 'famille--garde-denfants'],
    });
    expect(JSON.stringify(ludo)).not.toContain('portable');

    const again = await importAs(accueil, fields, [['annuaire.csv', sheet]]);
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 2, skipped: 1, toCheck: 0 });
    expect(await drafts(STRUCTURE, { source: 'tableur' })).toHaveLength(2);
  });

  it('imports services linked to a structure of the centre by its name', async () => {
    const services =
      'Service,Structure,Description,Gratuit ?,Âge min,Âge max\nPrêt de jeux,Ludothèque des Oliviers,Des jeux à emprunter pour la maison.,Gratuit,3,\n';
    const report = await importAs(
      accueil,
      {
        centre: oliviers,
        format: 'csv',
        kind: 'services',
        source: 'ludotheque',
        mapping: JSON.stringify({
          Service: 'nom',
          Structure: 'structure_nom',
          Description: 'description',
          'Gratuit ?': 'frais',
          'Âge min': 'age_min',
          'Âge max': 'age_max',
        }),
      },
      [['services.csv', services]],
    );
    expect(report.counts).toMatchObject({ created: 1, skipped: 0 });
    const [pret] = await drafts(SERVICE, { source: 'ludotheque' });
    expect(pret).toMatchObject({
      nom: 'Prêt de jeux',
      frais: 'gratuit',
      age_min: 3,
      age_max: null,
      structure: expect.objectContaining({ nom: 'Ludothèque des Oliviers' }),
    });
  });
});

describe('addresses', () => {
  let config: object;
  beforeAll(() => {
    config = app.strapi.config.get('plugin::core.geocoding') as object;
    app.strapi.config.set('plugin::core.geocoding', { ...config, enabled: true, url: ban.url, timeoutMs: 500 });
  });
  afterAll(() => {
    app.strapi.config.set('plugin::core.geocoding', config);
  });

  const rows = [
    {
      source: 'adresses',
      id: 'a-1',
      nom: 'Accueil rue des Écoles',
      date_maj: '2026-01-01',
      adresse: '12 rue des Écoles',
      code_postal: '59000',
      commune: 'Lille',
    },
    {
      source: 'adresses',
      id: 'a-2',
      nom: 'Accueil introuvable',
      date_maj: '2026-01-01',
      adresse: '1 chemin Introuvable',
      code_postal: '59000',
      commune: 'Lille',
    },
  ];
  const file: Files = [['adresses.json', JSON.stringify(rows)]];

  it('geocodes rows without coordinates, keeps and flags the address that does not geocode', async () => {
    const report = await importAs(superAdmin, { centre: oliviers, format: 'data-inclusion-json' }, file);
    expect(report.counts).toEqual({ created: 2, updated: 0, unchanged: 0, skipped: 0, toCheck: 1 });
    expect(report.rows[1].warning).toBe(
      'Adresse à vérifier : Aucune adresse correspondante n’a été trouvée : vérifiez le numéro, la rue et la commune.',
    );
    const [found] = await drafts(STRUCTURE, { source_id: 'a-1' });
    expect(found).toMatchObject({ latitude: 50.6311, longitude: 3.0586, adresse_a_verifier: false });
    const [lost] = await drafts(STRUCTURE, { source_id: 'a-2' });
    expect(lost).toMatchObject({ adresse: '1 chemin Introuvable', latitude: null, adresse_a_verifier: true });
  });

  it('the structures list of the content manager shows the flag as a column', async () => {
    const { body } = await app
      .http()
      .get(`/content-manager/content-types/${STRUCTURE}/configuration`)
      .set(as(superAdmin))
      .expect(200);
    expect(body.data.contentType.layouts.list).toContain('adresse_a_verifier');
    expect(body.data.contentType.metadatas.adresse_a_verifier.list.label).toBe('Adresse à vérifier');
  });

  it('a position typed by hand clears the flag, and a re-import keeps it', async () => {
    const [lost] = await drafts(STRUCTURE, { source_id: 'a-2' });
    const url = `/content-manager/collection-types/${STRUCTURE}/${String(lost.documentId)}`;
    const current = await app.http().get(url).set(as(superAdmin)).expect(200);
    const {
      id: _id,
      documentId: _documentId,
      createdAt: _c,
      updatedAt: _u,
      publishedAt: _p,
      createdBy: _cb,
      updatedBy: _ub,
      centre: _centre,
      services: _s,
      localizations: _l,
      locale: _lo,
      ...editable
    } = current.body.data;
    await app
      .http()
      .put(url)
      .set(as(superAdmin))
      .send({ ...editable, latitude: 50.63, longitude: 3.06 })
      .expect(200);
    const [fixed] = await drafts(STRUCTURE, { source_id: 'a-2' });
    expect(fixed).toMatchObject({
      latitude: 50.63,
      longitude: 3.06,
      adresse_a_verifier: false,
      adresse_a_verifier_motif: null,
    });

    const calls = ban.calls.length;
    const report = await importAs(superAdmin, { centre: oliviers, format: 'data-inclusion-json' }, file);
    expect(report.counts).toEqual({ created: 0, updated: 0, unchanged: 2, skipped: 0, toCheck: 0 });
    expect(ban.calls.length).toBe(calls);
    const [kept] = await drafts(STRUCTURE, { source_id: 'a-2' });
    expect(kept).toMatchObject({ latitude: 50.63, longitude: 3.06 });
  });
});

describe('requests refused', () => {
  const json: Files = [['annuaire.json', fixture('data-inclusion.json')]];

  it('a centre team imports into its own centre only', async () => {
    const response = await post(
      '/core/directory/import',
      accueil,
      { centre: tilleuls, format: 'data-inclusion-json' },
      json,
    );
    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe('Vous ne pouvez importer que dans un centre dont vous faites partie.');
    const centres = await app.http().get('/core/directory/import/centres').set(as(accueil)).expect(200);
    expect(centres.body).toEqual([{ id: oliviers, name: 'Centre social des Oliviers' }]);
    const all = await app.http().get('/core/directory/import/centres').set(as(superAdmin)).expect(200);
    expect(all.body.map((centre: { id: number }) => centre.id).sort()).toEqual([oliviers, tilleuls].sort());
  });

  it('needs a login and the import permission', async () => {
    expect((await app.http().post('/core/directory/import')).status).toBe(401);
    const response = await post(
      '/core/directory/import',
      editor,
      { centre: oliviers, format: 'data-inclusion-json' },
      json,
    );
    expect(response.status).toBe(403);
  });

  it('refuses unknown parameters, unknown formats and a missing file', async () => {
    const unknown = await post(
      '/core/directory/import',
      superAdmin,
      { centre: oliviers, format: 'data-inclusion-json', ecraser: 'true' },
      json,
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe('Paramètre inconnu : ecraser.');
    const format = await post('/core/directory/import', superAdmin, { centre: oliviers, format: 'xlsx' }, json);
    expect(format.status).toBe(400);
    expect(format.body.error.message).toBe('Format inconnu : data-inclusion-json, data-inclusion-csv ou csv.');
    const otherField = await app
      .http()
      .post('/core/directory/import')
      .set(as(superAdmin))
      .field('centre', String(oliviers))
      .field('format', 'data-inclusion-json')
      .attach('piece', fixture('data-inclusion.json'), 'annuaire.json');
    expect(otherField.status).toBe(400);
    expect(otherField.body.error.message).toBe('Paramètre inconnu : piece.');
    const none = await post(
      '/core/directory/import',
      superAdmin,
      { centre: oliviers, format: 'data-inclusion-json' },
      [],
    );
    expect(none.status).toBe(400);
    expect(none.body.error.message).toBe('Joignez le fichier à importer.');
    const noCentre = await post(
      '/core/directory/import',
      superAdmin,
      { centre: 999999, format: 'data-inclusion-json' },
      json,
    );
    expect(noCentre.status).toBe(400);
  });

  it('refuses what is not a UTF-8 CSV or JSON, with the way out', async () => {
    const latin1 = Buffer.from('Nom;Ville\nCafé des âges;Lyon\n', 'latin1');
    const response = await post('/core/directory/import/columns', accueil, {}, [['export-excel.csv', latin1]]);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('n’est pas encodé en UTF-8');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const image = await post('/core/directory/import', accueil, { centre: oliviers, format: 'data-inclusion-csv' }, [
      ['photo.csv', png],
    ]);
    expect(image.status).toBe(400);
    expect(image.body.error.message).toBe('photo.csv : ce n’est pas un fichier texte (CSV ou JSON).');
    const notJson = await post('/core/directory/import', accueil, { centre: oliviers, format: 'data-inclusion-json' }, [
      ['a.json', '{"nom": '],
    ]);
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.message).toBe('a.json : ce n’est pas un fichier JSON lisible.');
    const broken = await post('/core/directory/import', accueil, { centre: oliviers, format: 'data-inclusion-csv' }, [
      ['a.csv', 'source,id,nom\nx,"1,Sans fin\n'],
    ]);
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toContain('ce n’est pas un CSV lisible');
    const notDataInclusion = await post(
      '/core/directory/import',
      accueil,
      { centre: oliviers, format: 'data-inclusion-csv' },
      [['tableur.csv', 'Nom;Ville\nMaison;Lyon\n']],
    );
    expect(notDataInclusion.status).toBe(400);
    expect(notDataInclusion.body.error.message).toBe(
      'tableur.csv : un CSV data·inclusion a au moins les colonnes « source », « id » et « nom ».',
    );
    const notList = await post('/core/directory/import', accueil, { centre: oliviers, format: 'data-inclusion-json' }, [
      ['objet.json', '{"nom": "Maison"}'],
    ]);
    expect(notList.status).toBe(400);
    expect(notList.body.error.message).toBe(
      'objet.json : le JSON attendu est une liste de structures et de services data·inclusion.',
    );
    const badKind = await post('/core/directory/import/columns', accueil, { kind: 'evenements' }, [
      ['a.csv', 'Nom\nMaison\n'],
    ]);
    expect(badKind.status).toBe(400);
    expect(badKind.body.error.message).toBe('Ce que contient le fichier : « structures » ou « services ».');
  });

  it('refuses a file over 5 MB (413) and over 2,000 rows', async () => {
    const huge = Buffer.alloc(5 * 1024 * 1024 + 1, 'a');
    const response = await post('/core/directory/import', accueil, { centre: oliviers, format: 'data-inclusion-csv' }, [
      ['gros.csv', huge],
    ]);
    expect(response.status).toBe(413);
    expect(response.body.error.message).toContain('un import accepte 5 Mo au plus');
    const many = `source,id,nom\n${Array.from({ length: 2001 }, (_, index) => `x,${index},Structure ${index}`).join('\n')}\n`;
    const rows = await post('/core/directory/import', accueil, { centre: oliviers, format: 'data-inclusion-csv' }, [
      ['long.csv', many],
    ]);
    expect(rows.status).toBe(400);
    expect(rows.body.error.message).toContain('2000 au plus');
    expect(await drafts(STRUCTURE, { source: 'x' })).toHaveLength(0);
  });

  it('refuses a mapping to an unknown field or from a column the file does not have', async () => {
    const sheet = 'Nom;Ville\nMaison;Lyon\n';
    const base = { centre: oliviers, format: 'csv', kind: 'structures' };
    const unknownField = await post(
      '/core/directory/import',
      accueil,
      { ...base, mapping: JSON.stringify({ Nom: 'nom', Ville: 'ville' }) },
      [['a.csv', sheet]],
    );
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.error.message).toBe('Champ inconnu « ville » pour la colonne « Ville ».');
    const unknownColumn = await post(
      '/core/directory/import',
      accueil,
      { ...base, mapping: JSON.stringify({ Nom: 'nom', Commune: 'commune' }) },
      [['a.csv', sheet]],
    );
    expect(unknownColumn.status).toBe(400);
    expect(unknownColumn.body.error.message).toBe('La colonne « Commune » n’existe pas dans le fichier.');
    const noName = await post(
      '/core/directory/import',
      accueil,
      { ...base, mapping: JSON.stringify({ Ville: 'commune' }) },
      [['a.csv', sheet]],
    );
    expect(noName.status).toBe(400);
    expect(noName.body.error.message).toBe('Choisissez la colonne qui donne le nom.');
    const notObject = await post('/core/directory/import', accueil, { ...base, mapping: '["nom"]' }, [
      ['a.csv', sheet],
    ]);
    expect(notObject.status).toBe(400);
    const noMapping = await post('/core/directory/import', accueil, base, [['a.csv', sheet]]);
    expect(noMapping.status).toBe(400);
    expect(noMapping.body.error.message).toBe('Associez les colonnes du fichier à nos champs.');
    expect(await drafts(STRUCTURE, { nom: 'Maison' })).toHaveLength(0);
  });
});
