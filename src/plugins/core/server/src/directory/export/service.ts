import type { Core } from '@strapi/strapi';
import {
  SERVICE_UID,
  STRUCTURE_UID,
  type DirectoryService,
  type DirectoryStructure,
} from '../../../../shared/contracts/directory';
import type { DirectoryExportName, DirectoryExportQuery } from '../../../../shared/contracts/directory-export';
import { toService, toStructure } from '../service';
import { csvLine, csvRecord } from './csv';
import {
  SERVICE_COLUMNS,
  STRUCTURE_COLUMNS,
  toDataInclusionService,
  toDataInclusionStructure,
  type DataInclusionService,
  type DataInclusionStructure,
} from './data-inclusion';
import { MEDIATION_COLUMNS, toMediationRow, type MediationRow } from './mediation-numerique';

type Row = Record<string, unknown>;

/** Rows read per query: a few hundred keeps memory flat and the number of queries low. */
export const EXPORT_BATCH_SIZE = 500;

const PUBLISHED = { publishedAt: { $notNull: true } };
const CENTRE = { select: ['name', 'slug'] };

/** JSON array, one record per line. */
async function* jsonArray(batches: AsyncIterable<object[]>): AsyncGenerator<string> {
  let first = true;
  for await (const batch of batches) {
    if (batch.length === 0) continue;
    // The opening bracket waits for the first read, so a failing database is a clean error.
    yield `${first ? '[\n' : ',\n'}${batch.map((record) => JSON.stringify(record)).join(',\n')}`;
    first = false;
  }
  yield first ? '[]\n' : '\n]\n';
}

async function* csvFile<Column extends string>(
  columns: readonly Column[],
  batches: AsyncIterable<Partial<Record<Column, unknown>>[]>,
): AsyncGenerator<string> {
  let header: string | null = csvLine(columns);
  for await (const batch of batches) {
    const lines = batch.map((record) => csvRecord(columns, record as Parameters<typeof csvRecord<Column>>[1]));
    yield `${header ?? ''}${lines.join('')}`;
    header = null;
  }
  if (header) yield header;
}

/**
 * The open-data exports of the directory (published entries only), read in batches of
 * `EXPORT_BATCH_SIZE` rows by increasing id, each batch with its relations in one query per
 * relation: the cost grows with the number of rows, never with one query per row.
 */
const createDirectoryExportService = ({ strapi }: { strapi: Core.Strapi }) => {
  /**
   * Published rows straight from the query engine: the Document Service adds little here but
   * costs three times as much on nested relations. A published entry's relations point at
   * published entries; the `PUBLISHED` condition on each relation keeps drafts out regardless.
   */
  async function* batches(uid: string, where: Row[], populate: Row): AsyncGenerator<Row[]> {
    let after = 0;
    for (;;) {
      const rows = (await strapi.db.query(uid as typeof STRUCTURE_UID).findMany({
        where: { $and: [PUBLISHED, ...where, { id: { $gt: after } }] },
        populate,
        orderBy: { id: 'asc' },
        limit: EXPORT_BATCH_SIZE,
      })) as Row[];
      if (rows.length > 0) yield rows;
      if (rows.length < EXPORT_BATCH_SIZE) return;
      after = rows[rows.length - 1].id as number;
    }
  }

  const structureFilters = ({ centre }: DirectoryExportQuery): Row[] => (centre ? [{ centre: { slug: centre } }] : []);

  async function* structures(query: DirectoryExportQuery): AsyncGenerator<DirectoryStructure[]> {
    for await (const rows of batches(STRUCTURE_UID, structureFilters(query), { centre: CENTRE })) {
      yield rows.map(toStructure);
    }
  }

  async function* dataInclusionStructures(query: DirectoryExportQuery): AsyncGenerator<DataInclusionStructure[]> {
    for await (const list of structures(query)) yield list.map(toDataInclusionStructure);
  }

  /** Services of published structures, each under its structure's producer. */
  async function* dataInclusionServices(query: DirectoryExportQuery): AsyncGenerator<DataInclusionService[]> {
    const filters: Row[] = query.centre ? [{ structure: { ...PUBLISHED, centre: { slug: query.centre } } }] : [];
    const populate = {
      centre: CENTRE,
      structure: { select: ['documentId', 'nom'], where: PUBLISHED, populate: { centre: { select: ['slug'] } } },
    };
    for await (const rows of batches(SERVICE_UID, filters, populate)) {
      const records: DataInclusionService[] = [];
      for (const row of rows) {
        const structureCentre = ((row.structure as Row | null)?.centre as { slug: string } | null) ?? null;
        const record = toDataInclusionService(toService(row), structureCentre);
        if (record) records.push(record);
      }
      yield records;
    }
  }

  /** Per batch of structures, their published services in batches too: no query per structure. */
  async function* mediationNumerique(query: DirectoryExportQuery): AsyncGenerator<MediationRow[]> {
    for await (const list of structures(query)) {
      const servicesOf = new Map<string, DirectoryService[]>();
      const ids = list.map((structure) => structure.id);
      for await (const rows of batches(SERVICE_UID, [{ structure: { ...PUBLISHED, documentId: { $in: ids } } }], {
        structure: { select: ['documentId', 'nom'], where: PUBLISHED },
      })) {
        for (const service of rows.map(toService)) {
          const key = service.structure?.id;
          if (key) servicesOf.set(key, [...(servicesOf.get(key) ?? []), service]);
        }
      }
      yield list
        .map((structure) => toMediationRow(structure, servicesOf.get(structure.id) ?? []))
        .filter((row): row is MediationRow => row !== null);
    }
  }

  const FILES: Record<DirectoryExportName, (query: DirectoryExportQuery) => AsyncGenerator<string>> = {
    'data-inclusion-structures-json': (query) => jsonArray(dataInclusionStructures(query)),
    'data-inclusion-structures-csv': (query) => csvFile(STRUCTURE_COLUMNS, dataInclusionStructures(query)),
    'data-inclusion-services-json': (query) => jsonArray(dataInclusionServices(query)),
    'data-inclusion-services-csv': (query) => csvFile(SERVICE_COLUMNS, dataInclusionServices(query)),
    'mediation-numerique-csv': (query) => csvFile(MEDIATION_COLUMNS, mediationNumerique(query)),
  };

  return {
    dataInclusionStructures,
    dataInclusionServices,
    mediationNumerique,

    /** The file's text, chunk by chunk (one chunk per batch), ready to stream. */
    file(name: DirectoryExportName, query: DirectoryExportQuery = {}): AsyncGenerator<string> {
      return FILES[name](query);
    },

    async centreExists(slug: string): Promise<boolean> {
      return (await strapi.db.query('plugin::core.centre').count({ where: { slug } })) > 0;
    },
  };
};

export type DirectoryExportService = ReturnType<typeof createDirectoryExportService>;
export default createDirectoryExportService;
