import { errors } from '@strapi/utils';
import { z } from 'zod';
import {
  IMPORT_FORMATS,
  IMPORT_KINDS,
  PLAIN_CSV_FIELDS,
  type ImportKind,
  type PlainCsvField,
} from '../../../../shared/contracts/directory-import';
import { UNKNOWN_PARAMETER } from '../../utils/list-query';
import { searchKey } from '../search-keys';

const flag = z
  .enum(['true', 'false'], '« true » ou « false ».')
  .optional()
  .transform((value) => value === 'true');

const kind = z.enum(IMPORT_KINDS, 'Ce que contient le fichier : « structures » ou « services ».');

/** The text fields of an import request; files travel beside them. */
export const importFields = z
  .strictObject(
    {
      centre: z.coerce.number('Choisissez le centre.').int('Choisissez le centre.').positive('Choisissez le centre.'),
      format: z.enum(IMPORT_FORMATS, 'Format inconnu : data-inclusion-json, data-inclusion-csv ou csv.'),
      kind: kind.optional(),
      mapping: z.string('La correspondance des colonnes est un objet JSON.').max(20000).optional(),
      source: z
        .string('La source est un texte.')
        .trim()
        .regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'La source s’écrit en minuscules, chiffres et tirets (60 au plus).')
        .optional(),
      dryRun: flag,
      publish: flag,
    },
    UNKNOWN_PARAMETER,
  )
  .superRefine((fields, ctx) => {
    if (fields.format === 'csv') {
      if (!fields.kind)
        ctx.addIssue({
          code: 'custom',
          path: ['kind'],
          message: 'Dites si le fichier contient des structures ou des services.',
        });
      if (!fields.mapping)
        ctx.addIssue({ code: 'custom', path: ['mapping'], message: 'Associez les colonnes du fichier à nos champs.' });
      return;
    }
    for (const key of ['kind', 'mapping', 'source'] as const) {
      if (fields[key] !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message:
            'Ce réglage ne vaut que pour un CSV simple : un fichier data·inclusion dit lui-même ce qu’il contient.',
        });
      }
    }
  });

export type ImportFields = z.infer<typeof importFields>;

export const columnsFields = z.strictObject({ kind: kind.optional() }, UNKNOWN_PARAMETER);

const mappingError = (path: string[], message: string) =>
  new errors.ValidationError(message, { errors: [{ path, message, name: 'ValidationError' }] });

/** The staff's column → field choice, checked against the file's columns and our fields. */
export function parseMapping(text: string, kindOf: ImportKind, columns: string[]): Map<string, PlainCsvField> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw mappingError(['mapping'], 'La correspondance des colonnes est un objet JSON illisible.');
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw mappingError(['mapping'], 'La correspondance des colonnes est un objet : colonne du fichier → champ.');
  }
  const allowed = new Set<string>(PLAIN_CSV_FIELDS[kindOf]);
  const mapping = new Map<string, PlainCsvField>();
  const used = new Map<string, string>();
  for (const [column, field] of Object.entries(raw)) {
    // An empty choice means "ignore this column".
    if (field === '' || field === null) continue;
    if (typeof field !== 'string' || !allowed.has(field)) {
      throw mappingError(
        ['mapping', column],
        `Champ inconnu « ${String(field).slice(0, 60)} » pour la colonne « ${column.slice(0, 60)} ».`,
      );
    }
    if (!columns.includes(column)) {
      throw mappingError(['mapping', column], `La colonne « ${column.slice(0, 60)} » n’existe pas dans le fichier.`);
    }
    if (used.has(field)) {
      throw mappingError(
        ['mapping', column],
        `Le champ « ${field} » est déjà rempli par la colonne « ${used.get(field)?.slice(0, 60)} ».`,
      );
    }
    used.set(field, column);
    mapping.set(column, field as PlainCsvField);
  }
  const required = kindOf === 'services' ? ['nom', 'description'] : ['nom'];
  for (const field of required) {
    if (!used.has(field)) {
      throw mappingError(
        ['mapping'],
        field === 'nom'
          ? 'Choisissez la colonne qui donne le nom.'
          : 'Choisissez la colonne qui donne la description du service.',
      );
    }
  }
  return mapping;
}

/** Headings people write, by field. */
const SYNONYMS: Record<string, string[]> = {
  id: ['id', 'identifiant', 'reference', 'ref', 'numero'],
  nom: ['nom', 'intitule', 'raison sociale'],
  description: ['description', 'presentation'],
  typologie: ['type de structure', 'typologie'],
  siret: ['siret'],
  site_web: ['site', 'site web', 'site internet', 'url'],
  telephone: ['telephone', 'tel', 'tel.'],
  courriel: ['courriel', 'email', 'e-mail', 'mail', 'adresse mail', 'adresse e-mail'],
  adresse: ['adresse', 'rue', 'adresse postale'],
  complement_adresse: ['complement', "complement d'adresse", 'complement adresse'],
  code_postal: ['code postal', 'cp'],
  commune: ['commune', 'ville'],
  code_insee: ['code insee', 'insee'],
  latitude: ['latitude', 'lat'],
  longitude: ['longitude', 'lon', 'lng'],
  horaires_accueil: ['horaires', "horaires d'accueil", 'horaires accueil'],
  thematiques: ['thematiques', 'thematique', 'themes'],
  publics: ['publics', 'public'],
  age_min: ['age minimum', 'age min'],
  age_max: ['age maximum', 'age max'],
  frais: ['frais', 'tarif'],
  structure_nom: ['structure', 'nom de la structure'],
};

/** The field a heading most likely means, for the mapping step's first guess. */
export function suggestMapping(columns: string[], kindOf: ImportKind): Record<string, PlainCsvField> {
  const allowed = new Set<string>(PLAIN_CSV_FIELDS[kindOf]);
  const suggestions: Record<string, PlainCsvField> = {};
  const taken = new Set<string>();
  for (const column of columns) {
    const key = searchKey(column)
      .replace(/[’']/g, "'")
      .replace(/[_\s]+/g, ' ')
      .trim();
    const field =
      [...allowed].find((name) => name.replace(/_/g, ' ') === key) ??
      Object.entries(SYNONYMS).find(([name, words]) => allowed.has(name) && words.includes(key))?.[0];
    if (field && !taken.has(field)) {
      taken.add(field);
      suggestions[column] = field as PlainCsvField;
    }
  }
  if (!taken.has('nom')) {
    const column = columns.find(
      (name) =>
        searchKey(name).startsWith('nom') && (kindOf === 'structures' || !searchKey(name).includes('structure')),
    );
    if (column && !suggestions[column]) suggestions[column] = 'nom';
  }
  return suggestions;
}
