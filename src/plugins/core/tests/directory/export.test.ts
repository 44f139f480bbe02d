import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { startTestApp, type TestApp } from '../../../../../tests/harness/strapi';
import { validateCsv, type TableSchema } from './table-schema';

const SCHEMAS = path.resolve(__dirname, '../../schemas');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(SCHEMAS, file), 'utf8'));
const STRUCTURE_SCHEMA = readJson('data-inclusion-v1/structure.json');
const SERVICE_SCHEMA = readJson('data-inclusion-v1/service.json');
const MEDIATION_SCHEMA = readJson('mediation-numerique/schema.json') as TableSchema;
const MEDIATION_EXAMPLE = fs.readFileSync(path.join(SCHEMAS, 'mediation-numerique/exemple-valide.csv'), 'utf8');

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validateStructure = ajv.compile(STRUCTURE_SCHEMA);
const validateService = ajv.compile(SERVICE_SCHEMA);

const API = '/api/core/directory/export';
const STRUCTURE = 'plugin::core.structure';
const SERVICE = 'plugin::core.service';

let app: TestApp;
const ids: Record<string, string> = {};
type Json = Record<string, unknown>;

async function create(uid: string, name: string, data: Json, published = true) {
  const doc = (await app.strapi
    .documents(uid as 'plugin::core.structure')
    .create({ data, ...(published ? { status: 'published' } : {}) } as never)) as unknown as { documentId: string };
  ids[name] = doc.documentId;
}

const LONG_DESCRIPTION =
  'Ateliers « Premiers pas », aide aux démarches en ligne, accès libre aux ordinateurs.\n' +
  'Le centre dit : "venez comme vous êtes", même sans rendez-vous; café offert, bien sûr. ' +
  'Nous accompagnons aussi les familles, les seniors et les personnes éloignées du numérique dans ' +
  'leurs démarches administratives : CAF, impôts, santé, retraite. Une conseillère numérique est là.';

beforeAll(async () => {
  app = await startTestApp();
  const centres = app.strapi.documents('plugin::core.centre');
  const oliviers = (await centres.create({ data: { name: 'Centre social des Oliviers', slug: 'oliviers' } })).id;
  const tilleuls = (await centres.create({ data: { name: 'Centre social des Tilleuls', slug: 'tilleuls' } })).id;

  await create(STRUCTURE, 'maison', {
    nom: 'Maison des familles, « Les Oliviers »',
    description: LONG_DESCRIPTION,
    typologie: 'CS',
    siret: '12345678900017',
    site_web: 'https://oliviers.example.fr/maison',
    telephone: '03 20 12 34 56',
    courriel: 'accueil@oliviers.example.fr',
    adresse: '12, rue de l’Église',
    complement_adresse: 'Bâtiment "B"',
    code_postal: '59000',
    commune: 'Lille',
    code_insee: '59350',
    latitude: 50.6292,
    longitude: 3.0573,
    horaires_accueil: 'Mo-Fr 09:00-12:00,14:00-18:00; PH off',
    accessibilite_lieu: 'https://acceslibre.beta.gouv.fr/app/59-lille/a/centre-social/erp/maison/',
    thematiques: ['numerique--acceder-a-des-services-en-ligne', 'famille--soutien-a-la-parentalite-et-a-leducation'],
    reseaux_porteurs: ['fcsf', 'conseillers-numeriques'],
    centre: oliviers,
  });
  await create(STRUCTURE, 'epicerie', { nom: 'Épicerie solidaire', centre: tilleuls });
  await create(STRUCTURE, 'cyber', {
    nom: 'Cyber-base du quartier',
    description: 'Court.',
    commune: 'Roubaix',
    thematiques: ['remobilisation--lien-social'],
    centre: oliviers,
  });
  await create(STRUCTURE, 'nulle-part', {
    nom: 'Point numérique sans adresse',
    thematiques: ['numerique--acquerir-un-equipement'],
    centre: oliviers,
  });
  await create(
    STRUCTURE,
    'brouillon',
    {
      nom: 'Structure en préparation',
      adresse: '1 rue Neuve',
      code_postal: '59000',
      commune: 'Lille',
      thematiques: ['numerique--acceder-a-une-connexion-internet'],
      centre: oliviers,
    },
    false,
  );

  await create(SERVICE, 'ateliers', {
    nom: 'Ateliers numériques',
    description: 'Pour apprendre, "pas à pas", à utiliser sa boîte mail;\nouvert à tous, sur inscription.',
    structure: ids.maison,
    type: 'atelier',
    thematiques: [
      'numerique--maitriser-les-fondamentaux-du-numerique',
      'trouver-un-emploi--repondre-a-des-offres-demploi',
    ],
    publics: ['seniors', 'jeunes'],
    modes_accueil: ['en-presentiel', 'a-distance'],
    frais: 'gratuit',
    zone_eligibilite: ['59350', '59'],
    telephone: '+33320123457',
    lien_mobilisation: 'https://rdv.example.fr/ateliers',
    centre: oliviers,
  });
  await create(SERVICE, 'colis', {
    nom: 'Colis alimentaires',
    description: 'Colis chaque semaine, sur orientation.',
    structure: ids.epicerie,
    centre: tilleuls,
  });
  await create(SERVICE, 'wifi', {
    nom: 'Accès libre à Internet',
    description: 'Ordinateurs et wifi en accès libre.',
    structure: ids.cyber,
    type: 'accompagnement',
    thematiques: ['numerique--acceder-a-une-connexion-internet'],
    publics: ['tous-publics'],
    frais: 'payant',
    adresse: '3 place de la Liberté',
    code_postal: '59100',
    commune: 'Roubaix',
    code_insee: '59512',
    latitude: 50.69,
    longitude: 3.18,
    centre: oliviers,
  });
  await create(
    SERVICE,
    'cache',
    { nom: 'Service pas publié', description: 'Bientôt ici.', structure: ids.maison, centre: oliviers },
    false,
  );
  await create(SERVICE, 'orphelin', {
    nom: 'Service d’une structure en brouillon',
    description: 'Sa structure n’est pas publiée.',
    structure: ids.brouillon,
    centre: oliviers,
  });
  await create(SERVICE, 'seul', { nom: 'Service sans structure', description: 'Rattaché à rien.', centre: oliviers });
});

afterAll(async () => {
  await app?.stop();
});

/** A successful response, with its raw text as the body (JSON included). */
const get = async (url: string) => {
  const response = await app.http().get(url).buffer(true);
  expect(response.status).toBe(200);
  return Object.assign(response, { body: response.text });
};

const idsOf = (records: Json[]) => records.map((record) => record.id).sort();
const names = (list: string[]) => list.map((name) => ids[name]).sort();

/** A CSV row back to the JSON record: empty → null, lists split on `|`, numbers parsed. */
function fromCsv(row: Record<string, string>, schema: { properties: Record<string, Json> }): Json {
  const record: Json = {};
  for (const [key, value] of Object.entries(row)) {
    const variants = ((schema.properties[key].anyOf as Json[]) ?? [schema.properties[key]]).map((v) => v.type);
    if (value === '') record[key] = null;
    else if (variants.includes('array')) record[key] = value.split('|');
    else if (variants.includes('number') || variants.includes('integer')) record[key] = Number(value);
    else record[key] = value;
  }
  return record;
}

describe('data·inclusion export', () => {
  it('serves published structures as JSON, each valid against the pinned schema', async () => {
    const response = await get(`${API}/data-inclusion/structures.json`);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="structures.json"');
    const records = JSON.parse(response.body) as Json[];
    expect(idsOf(records)).toEqual(names(['maison', 'epicerie', 'cyber', 'nulle-part']));
    for (const record of records) {
      expect({ id: record.id, valid: validateStructure(record), errors: validateStructure.errors }).toEqual({
        id: record.id,
        valid: true,
        errors: null,
      });
      expect(Object.keys(record).sort()).toEqual(Object.keys(STRUCTURE_SCHEMA.properties).sort());
    }
    const maison = records.find((record) => record.id === ids.maison) as Json;
    // The schema check is not vacuous: a record without its producer is refused.
    expect(validateStructure({ ...maison, source: undefined })).toBe(false);
    expect(maison).toMatchObject({
      source: 'oliviers',
      nom: 'Maison des familles, « Les Oliviers »',
      description: LONG_DESCRIPTION,
      siret: '12345678900017',
      // Written « 03 20 12 34 56 » on the entry: E.164, as the schema prefers.
      telephone: '+33320123456',
      complement_adresse: 'Bâtiment "B"',
      latitude: 50.6292,
      reseaux_porteurs: ['fcsf', 'conseillers-numeriques'],
      horaires_accueil: 'Mo-Fr 09:00-12:00,14:00-18:00; PH off',
    });
    expect(maison?.date_maj).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Optional fields left empty are null; a description shorter than the schema's 5 characters too.
    expect(records.find((record) => record.id === ids.epicerie)).toMatchObject({
      source: 'tilleuls',
      description: null,
      adresse: null,
      reseaux_porteurs: null,
      latitude: null,
    });
  });

  it('serves services of published structures, under their structure’s producer', async () => {
    const response = await get(`${API}/data-inclusion/services.json`);
    const records = JSON.parse(response.body) as Json[];
    // Drafts, services of a draft structure and services without structure are left out.
    expect(idsOf(records)).toEqual(names(['ateliers', 'colis', 'wifi']));
    for (const record of records) {
      expect({ id: record.id, valid: validateService(record), errors: validateService.errors }).toEqual({
        id: record.id,
        valid: true,
        errors: null,
      });
      expect(Object.keys(record).sort()).toEqual(Object.keys(SERVICE_SCHEMA.properties).sort());
    }
    expect(records.find((record) => record.id === ids.ateliers)).toMatchObject({
      source: 'oliviers',
      structure_id: ids.maison,
      type: 'atelier',
      publics: ['seniors', 'jeunes'],
      modes_accueil: ['en-presentiel', 'a-distance'],
      modes_mobilisation: ['se-presenter', 'telephoner', 'utiliser-lien-mobilisation'],
      zone_eligibilite: ['59350', '59'],
      contact_nom_prenom: null,
    });
    expect(records.find((record) => record.id === ids.colis)).toMatchObject({
      source: 'tilleuls',
      structure_id: ids.epicerie,
      thematiques: null,
      publics: null,
      frais: null,
    });
  });

  it.each([
    ['structures', STRUCTURE_SCHEMA, validateStructure],
    ['services', SERVICE_SCHEMA, validateService],
  ])('serves the same %s as CSV, header = schema properties, lists joined by |', async (kind, schema, validate) => {
    const response = await get(`${API}/data-inclusion/${kind}.csv`);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${kind}.csv"`);
    const header = (parse(response.body, { to_line: 1 }) as string[][])[0];
    expect(header).toEqual(Object.keys(schema.properties));
    const rows = parse(response.body, { columns: true }) as Record<string, string>[];
    const json = JSON.parse((await get(`${API}/data-inclusion/${kind}.json`)).body) as Json[];
    const records = rows.map((row) => fromCsv(row, schema));
    for (const record of records) expect(validate(record)).toBe(true);
    // Commas, quotes, accents and line breaks survive the round trip.
    expect(records).toEqual(json);
  });

  it('filters by centre: its structures, and their services', async () => {
    const structures = JSON.parse((await get(`${API}/data-inclusion/structures.json?centre=tilleuls`)).body) as Json[];
    expect(idsOf(structures)).toEqual(names(['epicerie']));
    const response = await get(`${API}/data-inclusion/services.csv?centre=tilleuls`);
    expect(response.headers['content-disposition']).toBe('attachment; filename="services-tilleuls.csv"');
    const rows = parse(response.body, { columns: true }) as Json[];
    expect(idsOf(rows)).toEqual(names(['colis']));
  });

  it('is a core service the same files come from', async () => {
    const service = app.strapi.plugin('core').service('directoryExport');
    let text = '';
    for await (const chunk of service.file('data-inclusion-structures-json')) text += chunk;
    expect(text).toBe((await get(`${API}/data-inclusion/structures.json`)).body);
  });
});

describe('lieux de médiation numérique export', () => {
  it('the validator accepts the standard’s own example and rejects broken rows', () => {
    expect(validateCsv(MEDIATION_EXAMPLE, MEDIATION_SCHEMA)).toEqual([]);
    const [header, row] = parse(MEDIATION_EXAMPLE) as string[][];
    const line = (cells: string[]) => cells.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(',');
    const broken = (changes: Record<string, string>) =>
      [line(header), line(header.map((name, i) => changes[name] ?? row[i]))].join('\r\n');
    const fieldsIn = (csv: string) => validateCsv(csv, MEDIATION_SCHEMA).map((error) => error.field);
    expect(fieldsIn(broken({ pivot: 'ABC' }))).toEqual(['pivot']);
    expect(fieldsIn(broken({ nom: '' }))).toEqual(['nom']);
    expect(fieldsIn(broken({ date_maj: '2024-02-30' }))).toEqual(['date_maj']);
    expect(fieldsIn(broken({ latitude: 'nord' }))).toEqual(['latitude']);
    expect(fieldsIn(broken({ services: 'Cuisine|Aide aux démarches administratives' }))).toEqual(['services']);
    expect(fieldsIn(broken({ telephone: '03 20 12 34 56' }))).toEqual(['telephone']);
    expect(fieldsIn(broken({ presentation_resume: 'x'.repeat(281) }))).toEqual(['presentation_resume']);
    expect(validateCsv(`${MEDIATION_EXAMPLE.trim()}\n${MEDIATION_EXAMPLE.split('\n')[1]}`, MEDIATION_SCHEMA)).toEqual([
      { row: 3, field: 'id', message: 'duplicate value' },
    ]);
    const reordered = MEDIATION_EXAMPLE.replace('"id","pivot"', '"pivot","id"');
    expect(validateCsv(reordered, MEDIATION_SCHEMA)[0].row).toBe(1);
  });

  it('lists the places of digital help with an address, valid against the standard', async () => {
    const response = await get(`${API}/mediation-numerique.csv`);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    expect(response.headers['content-disposition']).toBe('attachment; filename="lieux-mediation-numerique.csv"');
    expect(validateCsv(response.body, MEDIATION_SCHEMA)).toEqual([]);
    const rows = parse(response.body, { columns: true }) as Record<string, string>[];
    // Not digital (épicerie), no address anywhere (nulle-part), draft (brouillon): left out.
    expect(idsOf(rows)).toEqual(names(['maison', 'cyber']));

    const maison = rows.find((row) => row.id === ids.maison) as Record<string, string>;
    expect(maison).toMatchObject({
      pivot: '12345678900017',
      nom: 'Maison des familles, « Les Oliviers »',
      adresse: '12, rue de l’Église',
      code_postal: '59000',
      commune: 'Lille',
      code_insee: '59350',
      latitude: '50.6292',
      telephone: '+33320123456',
      courriels: 'accueil@oliviers.example.fr',
      horaires: 'Mo-Fr 09:00-12:00,14:00-18:00; PH off',
      source: 'Centre social des Oliviers',
      services:
        'Aide aux démarches administratives|Maîtrise des outils numériques du quotidien|Insertion professionnelle via le numérique',
      publics_specifiquement_adresses: 'Jeunes|Seniors',
      frais_a_charge: 'Gratuit',
      dispositif_programmes_nationaux: 'Conseillers numériques',
      modalites_acces: 'Se présenter|Téléphoner|Contacter par mail',
      modalites_accompagnement: 'Dans un atelier collectif|À distance',
      prise_rdv: 'https://rdv.example.fr/ateliers',
      presentation_detail: LONG_DESCRIPTION,
    });
    expect([...maison.presentation_resume].length).toBeLessThanOrEqual(280);
    expect(maison.presentation_resume).toMatch(/^Ateliers « Premiers pas »[\s\S]*…$/);

    // Digital through its service only, and located at that service's address; no SIRET.
    expect(rows.find((row) => row.id === ids.cyber)).toMatchObject({
      pivot: '00000000000000',
      adresse: '3 place de la Liberté',
      code_postal: '59100',
      commune: 'Roubaix',
      services: 'Accès internet et matériel informatique',
      publics_specifiquement_adresses: '',
      frais_a_charge: 'Payant',
      modalites_accompagnement: 'Accompagnement individuel',
      presentation_resume: 'Court.',
    });
  });

  it('filters by centre', async () => {
    const response = await get(`${API}/mediation-numerique.csv?centre=tilleuls`);
    expect(validateCsv(response.body, MEDIATION_SCHEMA)).toEqual([]);
    expect(parse(response.body, { columns: true })).toEqual([]);
  });
});

describe('a directory larger than one read batch', () => {
  it('exports every published entry once, across batches', async () => {
    // Published rows written straight to the table: the Document Service would take a minute.
    const count = 1003;
    const now = new Date();
    await app.strapi.db.query(STRUCTURE as 'plugin::core.structure').createMany({
      data: Array.from({ length: count }, (_, i) => ({
        documentId: `lot${String(i).padStart(21, '0')}`,
        nom: `Point numérique n° ${i + 1}`,
        adresse: `${i + 1} avenue de la République`,
        code_postal: '59000',
        commune: 'Lille',
        thematiques: ['numerique--acceder-a-une-connexion-internet'],
        createdAt: now,
        updatedAt: now,
        publishedAt: now,
      })),
    });
    const records = JSON.parse((await get(`${API}/data-inclusion/structures.json`)).body) as Json[];
    expect(records).toHaveLength(count + 4);
    expect(new Set(records.map((record) => record.id)).size).toBe(count + 4);
    for (const record of records) expect(validateStructure(record)).toBe(true);
    const csv = (await get(`${API}/mediation-numerique.csv`)).body;
    expect(validateCsv(csv, MEDIATION_SCHEMA)).toEqual([]);
    expect(parse(csv, { columns: true })).toHaveLength(count + 2);
  });
});

describe('hostile or wrong export queries', () => {
  const FILES = [
    'data-inclusion/structures.json',
    'data-inclusion/structures.csv',
    'data-inclusion/services.json',
    'data-inclusion/services.csv',
    'mediation-numerique.csv',
  ];

  it.each([
    ['centre=../../admin', 'centre', 'Identifiant de centre invalide (lettres minuscules, chiffres et tirets).'],
    ['centre[$ne]=x', 'centre', 'Le centre est désigné par son identifiant.'],
    ['centre=a&centre=b', 'centre', 'Le centre est désigné par son identifiant.'],
    ['centre=inconnu', 'centre', 'Aucun centre ne porte cet identifiant.'],
    ['status=draft', '', 'Paramètre inconnu : status.'],
    ['page=2', '', 'Paramètre inconnu : page.'],
  ])('?%s → 400 in French on every file', async (query, field, message) => {
    for (const file of FILES) {
      const { body } = await app.http().get(`${API}/${file}?${query}`).expect(400);
      expect(body.error.name).toBe('ValidationError');
      expect(body.error.details.errors).toContainEqual(
        expect.objectContaining({ path: field ? [field] : [], message }),
      );
    }
  });

  it('has no write route', async () => {
    await app.http().post(`${API}/data-inclusion/structures.json`).send({}).expect(405);
  });
});
