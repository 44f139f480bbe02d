import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { SERVICE_UID, STRUCTURE_UID } from '../../../../shared/contracts/directory';
import {
  IMPORT_MAX_ROWS,
  type DirectoryImportColumns,
  type DirectoryImportReport,
  type ImportCentre,
  type ImportCounts,
  type ImportProblem,
  type ImportRowReport,
} from '../../../../shared/contracts/directory-import';
import { CENTRE_UID } from '../../../../shared/permissions';
import type { AdminUserLike } from '../../centres/scope';
import { getService } from '../../utils/get-service';
import { parseOrThrow } from '../../utils/validation-error';
import { searchKey } from '../search-keys';
import { assertValidDirectoryEntry } from '../validation';
import {
  ADDRESS_FIELDS,
  DATA_INCLUSION_FIELDS,
  basicProblems,
  convert,
  nameKey,
  type Dialect,
  type EntryType,
} from './fields';
import { assertImportSize, decodeText, readCsv, readJson, type SourceRecord } from './read-file';
import { columnsFields, importFields, parseMapping, suggestMapping, type ImportFields } from './request';

type Row = Record<string, unknown>;

export interface UploadedFile {
  name: string;
  bytes: Buffer;
}

/** Geocoding stops after this long within one import; the rest are flagged for a human. */
const GEOCODING_BUDGET_MS = 60_000;
const DEFAULT_SOURCE = 'tableur';

const UIDS: Record<EntryType, typeof STRUCTURE_UID | typeof SERVICE_UID> = {
  structure: STRUCTURE_UID,
  service: SERVICE_UID,
};

/** A row read from a file, turned into what we would store, or the reasons it cannot be. */
interface Candidate {
  record: SourceRecord;
  type: EntryType;
  dialect: Dialect;
  /** Plain CSV: column → field. data·inclusion: null (the schema's own names). */
  mapping: Map<string, string> | null;
  source: string | null;
}

const keyOf = (source: string, id: string) => `${source}\u0000${id}`;

const normal = (value: unknown): unknown => {
  if (value === undefined || value === '') return null;
  if (Array.isArray(value)) return value.length === 0 ? null : value;
  return value;
};
const same = (a: unknown, b: unknown) => JSON.stringify(normal(a)) === JSON.stringify(normal(b));

/** "12 rue des Écoles, 59000 Lille"; null without a postal code or a commune. */
function addressLine(address: Row): string | null {
  const street = typeof address.adresse === 'string' ? address.adresse.trim() : '';
  const commune = [address.code_postal, address.commune]
    .filter((part) => typeof part === 'string' && part.trim() !== '')
    .join(' ');
  if (!commune) return null;
  return street ? `${street}, ${commune}` : commune;
}

const problemsOf = (error: unknown): ImportProblem[] => {
  if (error instanceof errors.ValidationError) {
    const details = error.details as { errors?: { path?: string[]; message: string }[] } | undefined;
    const list = details?.errors ?? [];
    if (list.length > 0) return list.map((item) => ({ field: item.path?.[0] ?? null, message: item.message }));
    return [{ field: null, message: error.message }];
  }
  return [
    { field: null, message: 'Cette ligne n’a pas pu être enregistrée (erreur inattendue) ; rien n’a été écrit.' },
  ];
};

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : typeof value === 'number' && Number.isFinite(value)
      ? String(value)
      : null;

/**
 * Imports structures and services into one centre's directory. Each entry remembers where it
 * came from (`source` + `source_id`): importing the same file again updates what changed and
 * never duplicates. Every row is checked like a hand-made entry and written in its own
 * transaction; a broken row is reported and skipped, the others go on.
 */
const createDirectoryImportService = ({ strapi }: { strapi: Core.Strapi }) => {
  const attributesOf = (uid: string) =>
    (strapi.contentTypes[uid as keyof typeof strapi.contentTypes]?.attributes ?? {}) as Record<
      string,
      { type?: string; maxLength?: number }
    >;

  const geocodingEnabled = () =>
    (strapi.config.get('plugin::core.geocoding') as { enabled?: boolean } | undefined)?.enabled === true;

  /** The centres `user` may import into: all for a super-admin, else their own. */
  async function centresOf(user: AdminUserLike): Promise<ImportCentre[]> {
    const scope = getService(strapi, 'scope');
    const where = scope.isSuperAdmin(user) ? {} : { id: { $in: await scope.centreIdsOf(user.id) } };
    const rows = (await strapi.db
      .query(CENTRE_UID)
      .findMany({ where, select: ['id', 'name'], orderBy: { name: 'asc' } })) as ImportCentre[];
    return rows.map(({ id, name }) => ({ id, name }));
  }

  function checkSize(files: UploadedFile[]): void {
    if (files.length === 0) {
      throw new errors.ValidationError('Joignez le fichier à importer.', {
        errors: [{ path: ['file'], message: 'Joignez le fichier à importer.', name: 'ValidationError' }],
      });
    }
    assertImportSize(files.reduce((sum, file) => sum + file.bytes.length, 0));
  }

  /** Reads the files into candidates; a file that cannot be read stops the import (400). */
  function readCandidates(fields: ImportFields, files: UploadedFile[]): Candidate[] {
    if (fields.format === 'csv' && files.length > 1) {
      throw new errors.ValidationError('Un CSV simple s’importe un fichier à la fois.');
    }
    if (files.length > 2) {
      throw new errors.ValidationError('Deux fichiers au plus : les structures et les services.');
    }
    const candidates: Candidate[] = [];
    for (const file of files) {
      const content = decodeText(file.name, file.bytes);
      if (fields.format === 'data-inclusion-json') {
        for (const record of readJson(file.name, content)) {
          const type = record.values && 'structure_id' in record.values ? 'service' : 'structure';
          candidates.push({ record, type, dialect: 'json', mapping: null, source: null });
        }
      } else if (fields.format === 'data-inclusion-csv') {
        const table = readCsv(file.name, content);
        const type = table.columns.includes('structure_id') ? 'service' : 'structure';
        if (!table.columns.includes('id') || !table.columns.includes('source')) {
          throw new errors.ValidationError(
            `${file.name} : un CSV data·inclusion a au moins les colonnes « source », « id » et « nom ».`,
          );
        }
        for (const record of table.records)
          candidates.push({ record, type, dialect: 'csv', mapping: null, source: null });
      } else {
        const table = readCsv(file.name, content);
        const kind = fields.kind ?? 'structures';
        const mapping = parseMapping(fields.mapping ?? '', kind, table.columns);
        const type = kind === 'services' ? 'service' : 'structure';
        const source = fields.source ?? DEFAULT_SOURCE;
        for (const record of table.records) candidates.push({ record, type, dialect: 'plain', mapping, source });
      }
    }
    if (candidates.length > IMPORT_MAX_ROWS) {
      throw new errors.ValidationError(
        `Les fichiers comptent ${candidates.length} lignes ; un import en accepte ${IMPORT_MAX_ROWS} au plus.`,
      );
    }
    return candidates;
  }

  async function run(user: AdminUserLike, rawFields: unknown, files: UploadedFile[]): Promise<DirectoryImportReport> {
    const fields = parseOrThrow(importFields, rawFields ?? {});
    const centre = (await centresOf(user)).find((item) => item.id === fields.centre);
    if (!centre) {
      const exists = await strapi.db.query(CENTRE_UID).count({ where: { id: fields.centre } });
      // A PolicyError, not a ForbiddenError: Strapi replaces the latter's message with "Forbidden".
      if (exists) throw new errors.PolicyError('Vous ne pouvez importer que dans un centre dont vous faites partie.');
      throw new errors.ValidationError('Ce centre n’existe pas.', {
        errors: [{ path: ['centre'], message: 'Ce centre n’existe pas.', name: 'ValidationError' }],
      });
    }
    checkSize(files);
    const candidates = readCandidates(fields, files);
    const { dryRun, publish } = fields;
    const geocodingDeadline = Date.now() + GEOCODING_BUDGET_MS;

    // What the centre already holds from these sources, found again by source + identifier.
    const existing: Record<EntryType, Map<string, Row>> = { structure: new Map(), service: new Map() };
    const sources = new Set<string>();
    for (const candidate of candidates) {
      const source = candidate.source ?? text(candidate.record.values?.source);
      if (source) sources.add(source);
    }
    const published = new Set<string>();
    for (const type of ['structure', 'service'] as const) {
      if (sources.size === 0) break;
      const rows = (await strapi.documents(UIDS[type]).findMany({
        filters: { centre: { id: centre.id }, source: { $in: [...sources] } },
        status: 'draft',
        ...(type === 'service' ? { populate: { structure: { fields: ['nom'] } } } : {}),
        limit: IMPORT_MAX_ROWS * 10,
      } as never)) as unknown as Row[];
      for (const row of rows) existing[type].set(keyOf(String(row.source), String(row.source_id)), row);
      const ids = rows.map((row) => row.documentId as string);
      if (ids.length > 0) {
        const live = (await strapi.db.query(UIDS[type]).findMany({
          where: { documentId: { $in: ids }, publishedAt: { $notNull: true } },
          select: ['documentId'],
        })) as { documentId: string }[];
        for (const row of live) published.add(row.documentId);
      }
    }
    // Structures a service may point to: by source + identifier (this file or earlier imports)…
    const structures = new Map<string, string | null>();
    for (const [key, row] of existing.structure) structures.set(key, row.documentId as string);
    // …or, in a plain CSV, by name among the centre's structures.
    let structuresByName: Map<string, string[]> | null = null;
    const structureNamed = async (name: string): Promise<string[]> => {
      if (!structuresByName) {
        structuresByName = new Map();
        const rows = (await strapi.documents(STRUCTURE_UID).findMany({
          filters: { centre: { id: centre.id } },
          status: 'draft',
          fields: ['nom'],
          limit: IMPORT_MAX_ROWS * 10,
        } as never)) as unknown as Row[];
        for (const row of rows) {
          const key = searchKey(String(row.nom));
          structuresByName.set(key, [...(structuresByName.get(key) ?? []), row.documentId as string]);
        }
      }
      return structuresByName.get(searchKey(name)) ?? [];
    };

    const seen = new Map<string, number>();
    const reports = new Map<Candidate, ImportRowReport>();

    const importOne = async (candidate: Candidate): Promise<ImportRowReport> => {
      const { record, type } = candidate;
      const report: ImportRowReport = {
        file: record.file,
        line: record.line,
        type,
        sourceId: null,
        nom: null,
        status: 'skipped',
        problems: [],
        warning: null,
        documentId: null,
      };
      const skip = (problems: ImportProblem[]) => ({ ...report, problems });
      if (!record.values) return skip([{ field: null, message: 'Cet élément n’est pas un objet JSON.' }]);

      // The file's cells, under our field names.
      const cells: Row = {};
      if (candidate.mapping) {
        for (const [column, field] of candidate.mapping) cells[field] = record.values[column];
      } else {
        Object.assign(cells, record.values);
      }
      report.nom = text(cells.nom)?.slice(0, 150) ?? null;

      const problems: ImportProblem[] = [];
      const data: Row = {};
      const writable = candidate.mapping
        ? [...candidate.mapping.values()].filter((field) => !['id', 'structure_id', 'structure_nom'].includes(field))
        : DATA_INCLUSION_FIELDS[type];
      for (const field of writable) {
        const converted = convert(field, cells[field], candidate.dialect);
        if ('problem' in converted) problems.push({ field, message: converted.problem });
        else data[field] = converted.value;
      }

      const source = candidate.source ?? text(cells.source);
      if (!source) problems.push({ field: 'source', message: 'La source (producteur de la donnée) est obligatoire.' });
      else if (source.length > 100)
        problems.push({ field: 'source', message: 'La source compte 100 caractères au plus.' });
      // A spreadsheet row without an identifier is found again by its name and commune.
      const sourceId = text(cells.id) ?? (candidate.dialect === 'plain' ? nameKey(data) : null);
      // Without a name, a spreadsheet row has no key either: "name required" says it all.
      if (!sourceId) {
        if (candidate.dialect !== 'plain')
          problems.push({ field: 'id', message: 'L’identifiant de la ligne est obligatoire.' });
      } else if (sourceId.length > 255)
        problems.push({ field: 'id', message: 'L’identifiant compte 255 caractères au plus.' });
      report.sourceId = sourceId?.slice(0, 255) ?? null;

      if (source && sourceId) {
        const key = `${type}\u0000${keyOf(source, sourceId)}`;
        const first = seen.get(key);
        if (first !== undefined) {
          return skip([
            {
              field: 'id',
              message: `Identifiant « ${sourceId.slice(0, 80)} » déjà présent plus haut (ligne ${first}) : ligne ignorée.`,
            },
          ]);
        }
        seen.set(key, record.line);
      }

      if ((data.latitude == null) !== (data.longitude == null) && 'latitude' in data && 'longitude' in data) {
        problems.push({
          field: 'latitude',
          message: 'La latitude et la longitude vont ensemble : donnez les deux ou aucune.',
        });
      }

      // A service points to its structure: the source's structure id, or its name (plain CSV).
      if (type === 'service') {
        const structureId = text(cells.structure_id);
        const structureName = text(cells.structure_nom);
        if (structureId && source) {
          const key = keyOf(source, structureId);
          if (!structures.has(key)) {
            problems.push({
              field: 'structure_id',
              message: `La structure « ${structureId.slice(0, 80)} » n’est ni dans ce fichier ni déjà importée depuis la source « ${source.slice(0, 60)} ».`,
            });
          } else if (structures.get(key) === null) {
            problems.push({
              field: 'structure_id',
              message: `La structure « ${structureId.slice(0, 80)} » a été ignorée : voyez sa ligne.`,
            });
          } else {
            data.structure = structures.get(key);
          }
        } else if (structureName) {
          const found = await structureNamed(structureName);
          if (found.length === 1) data.structure = found[0];
          else {
            problems.push({
              field: 'structure_nom',
              message:
                found.length === 0
                  ? `Aucune structure du centre ne s’appelle « ${structureName.slice(0, 80)} ».`
                  : `Plusieurs structures du centre s’appellent « ${structureName.slice(0, 80)} » : utilisez leur identifiant.`,
            });
          }
        } else if (candidate.dialect !== 'plain') {
          problems.push({
            field: 'structure_id',
            message: 'L’identifiant de la structure du service est obligatoire.',
          });
        }
      }

      const current = source && sourceId ? existing[type].get(keyOf(source, sourceId)) : undefined;
      const uid = UIDS[type];
      const checked = new Set(problems.map((problem) => problem.field));
      for (const problem of basicProblems(type, data, attributesOf(uid), !current)) {
        if (!checked.has(problem.field)) problems.push(problem);
      }
      try {
        assertValidDirectoryEntry(uid, data);
      } catch (error) {
        for (const problem of problemsOf(error)) {
          if (!problems.some((known) => known.field === problem.field)) problems.push(problem);
        }
      }
      if (problems.length > 0) {
        if (type === 'structure' && source && sourceId && !structures.has(keyOf(source, sourceId))) {
          structures.set(keyOf(source, sourceId), null);
        }
        return skip(problems);
      }

      // Position: given by the file, kept when the address did not change, else geocoded.
      let warning: string | null = null;
      if (data.latitude != null && data.longitude != null) {
        Object.assign(data, { adresse_a_verifier: false, adresse_a_verifier_motif: null });
      } else {
        delete data.latitude;
        delete data.longitude;
        const moved = !current || ADDRESS_FIELDS.some((field) => field in data && !same(data[field], current[field]));
        if (moved) {
          const merged = { ...(current ?? {}), ...data };
          const line = addressLine(merged);
          Object.assign(data, {
            latitude: null,
            longitude: null,
            adresse_a_verifier: false,
            adresse_a_verifier_motif: null,
          });
          if (!line) {
            if (text(merged.adresse)) {
              Object.assign(data, {
                adresse_a_verifier: true,
                adresse_a_verifier_motif: 'Adresse sans code postal ni commune : sa position n’a pas pu être cherchée.',
              });
            }
          } else if (dryRun) {
            if (geocodingEnabled()) warning = 'Sa position sera recherchée à l’import.';
          } else if (Date.now() > geocodingDeadline) {
            Object.assign(data, {
              adresse_a_verifier: true,
              adresse_a_verifier_motif:
                'Position non cherchée (trop d’adresses dans un seul import) : saisissez-la ou réimportez.',
            });
          } else {
            const outcome = await getService(strapi, 'geocoding')
              .geocode(line)
              .catch(() => null);
            if (outcome?.status === 'found') {
              Object.assign(data, { latitude: outcome.latitude, longitude: outcome.longitude });
            } else if (outcome?.status !== 'disabled') {
              Object.assign(data, {
                adresse_a_verifier: true,
                adresse_a_verifier_motif: (
                  outcome?.message ?? 'La position de cette adresse n’a pas pu être cherchée.'
                ).slice(0, 255),
              });
            }
          }
        }
      }
      const flagged =
        'adresse_a_verifier' in data ? data.adresse_a_verifier === true : current?.adresse_a_verifier === true;
      if (flagged) {
        const reason = (data.adresse_a_verifier_motif ?? current?.adresse_a_verifier_motif) as string | null;
        warning = `Adresse à vérifier${reason ? ` : ${reason}` : '.'}`;
      }

      const changed = current
        ? Object.entries(data).some(([field, value]) =>
            field === 'structure'
              ? value !== ((current.structure as Row | null)?.documentId ?? null)
              : !same(value, current[field]),
          )
        : true;
      const documentId = (current?.documentId as string | undefined) ?? null;
      const needsPublish = publish && (!documentId || !published.has(documentId) || changed);
      const status = !current ? 'created' : changed || needsPublish ? 'updated' : 'unchanged';
      const done = (id: string | null): ImportRowReport => {
        if (type === 'structure') structures.set(keyOf(source as string, sourceId as string), id ?? 'dry-run');
        return { ...report, status, warning, documentId: id };
      };
      if (dryRun || status === 'unchanged') return done(documentId);

      const documents = strapi.documents(uid);
      try {
        const id = await strapi.db.transaction(async () => {
          if (documentId) {
            if (changed) await documents.update({ documentId, data } as never);
            if (needsPublish) await documents.publish({ documentId } as never);
            return documentId;
          }
          const created = (await documents.create({
            data: { ...data, centre: centre.id, source, source_id: sourceId },
            ...(publish ? { status: 'published' } : {}),
          } as never)) as unknown as { documentId: string };
          return created.documentId;
        });
        return done(id);
      } catch (error) {
        strapi.log.warn(`Directory import: line ${record.line} of a file was not written (${(error as Error).name})`);
        if (type === 'structure') structures.set(keyOf(source as string, sourceId as string), null);
        return skip(problemsOf(error));
      }
    };

    // Structures first, so that services find those of the same file.
    for (const type of ['structure', 'service'] as const) {
      for (const candidate of candidates) {
        if (candidate.type === type) reports.set(candidate, await importOne(candidate));
      }
    }
    const rows = candidates.map((candidate) => reports.get(candidate) as ImportRowReport);
    const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0, skipped: 0, toCheck: 0 };
    for (const row of rows) {
      counts[row.status] += 1;
      if (row.status !== 'skipped' && row.warning?.startsWith('Adresse à vérifier')) counts.toCheck += 1;
    }
    if (!dryRun) {
      // Counts only: the file and its rows (names, contacts) stay out of the log.
      await getService(strapi, 'audit').record({
        action: 'directory.import',
        centre: centre.id,
        details: { format: fields.format, files: files.length, publish, ...counts },
      });
    }
    return { dryRun, publish, centre, counts, rows };
  }

  /** The columns of a plain CSV and a first guess of their fields, for the mapping step. */
  function columns(rawFields: unknown, files: UploadedFile[]): DirectoryImportColumns {
    const fields = parseOrThrow(columnsFields, rawFields ?? {});
    checkSize(files);
    if (files.length > 1) throw new errors.ValidationError('Un CSV simple s’importe un fichier à la fois.');
    const table = readCsv(files[0].name, decodeText(files[0].name, files[0].bytes));
    return {
      columns: table.columns.filter((name) => name !== ''),
      delimiter: table.delimiter,
      rows: table.records.length,
      suggestions: suggestMapping(table.columns, fields.kind ?? 'structures'),
    };
  }

  return { centres: centresOf, run, columns };
};

export type DirectoryImportService = ReturnType<typeof createDirectoryImportService>;
export default createDirectoryImportService;
