import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  FRAIS,
  MODES_ACCUEIL,
  PUBLICS,
  RESEAUX_PORTEURS,
  THEMATIQUES,
  TYPES_DE_SERVICES,
} from '../../shared/contracts/directory';

/** The pinned data·inclusion v1 schema files, kept unmodified in the plugin. */
const SCHEMAS = path.resolve(__dirname, '../../schemas/data-inclusion-v1');
const read = (file: string) => JSON.parse(readFileSync(path.join(SCHEMAS, file), 'utf8'));
const service = read('service.json');
const structure = read('structure.json');
const values = (list: readonly { value: string }[]) => list.map((item) => item.value).sort();

describe('data·inclusion value lists copied into core', () => {
  it.each([
    ['thematiques', THEMATIQUES, 'Thematique'],
    ['publics', PUBLICS, 'Public'],
    ['modes d’accueil', MODES_ACCUEIL, 'ModeAccueil'],
    ['frais', FRAIS, 'Frais'],
    ['types de service', TYPES_DE_SERVICES, 'TypeService'],
  ])('%s equal the service schema’s list', (_name, list, definition) => {
    expect(values(list)).toEqual([...service.$defs[definition].enum].sort());
  });

  it('réseaux porteurs equal the structure schema’s list', () => {
    expect(values(RESEAUX_PORTEURS)).toEqual([...structure.$defs.ReseauPorteur.enum].sort());
  });

  it.each([
    ['thematiques.json', THEMATIQUES],
    ['publics.json', PUBLICS],
    ['modes-accueil.json', MODES_ACCUEIL],
    ['frais.json', FRAIS],
    ['reseaux-porteurs.json', RESEAUX_PORTEURS],
  ])('labels are those of extra/%s', (file, list) => {
    const labels = (read(`extra/${file}`) as { value: string; label: string }[]).map((item) => [
      item.value,
      item.label.trim(),
    ]);
    expect(list.map((item) => [item.value, item.label])).toEqual(labels);
  });

  it('the content types use the schema’s field names', () => {
    const schemaOf = (name: string) =>
      JSON.parse(
        readFileSync(path.resolve(__dirname, `../../server/src/directory/content-types/${name}/schema.json`), 'utf8'),
      );
    // Hidden search keys (private, never in an answer) are the database's business, not data·inclusion's.
    const ours = (name: string) =>
      Object.entries(schemaOf(name).attributes as Record<string, { visible?: boolean }>)
        .filter(([, attribute]) => attribute.visible !== false)
        .map(([field]) => field);
    const theirs = (schema: { properties: Record<string, unknown> }) => Object.keys(schema.properties);
    const extrasStructure = ours('structure').filter((field) => !theirs(structure).includes(field));
    const extrasService = ours('service').filter((field) => !theirs(service).includes(field));
    // Only relations (services, partner accounts), one free label, the import's origin id, the
    // address check and the children's ages (which data·inclusion lacks, and the export leaves
    // out) are ours; every other field is named as in data·inclusion.
    const bookkeeping = ['adresse_a_verifier', 'adresse_a_verifier_motif', 'source_id'];
    expect(extrasStructure.sort()).toEqual(
      [...bookkeeping, 'partenaires', 'services', 'thematiques', 'typologie'].sort(),
    );
    expect(extrasService.sort()).toEqual([...bookkeeping, 'age_max', 'age_min', 'structure'].sort());
    expect(schemaOf('service').attributes.type.enum).toEqual(service.$defs.TypeService.enum);
    expect(schemaOf('service').attributes.frais.enum).toEqual(service.$defs.Frais.enum);
  });
});
