/**
 * Imports into the shared directory (admin API `/core/directory/import…`): data·inclusion v1
 * JSON or CSV, or a plain CSV with a column mapping chosen by staff. Multipart requests: the
 * file(s) under `file`, the options below as text fields.
 */

import { SERVICE_FIELDS, STRUCTURE_FIELDS } from './directory';

export const IMPORT_FORMATS = ['data-inclusion-json', 'data-inclusion-csv', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** What a plain CSV holds: one kind of entry per file. */
export const IMPORT_KINDS = ['structures', 'services'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Limits of one import (the whole request). */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 2000;

/** Our fields a plain CSV column may fill, per kind. `id` is the file's own identifier. */
export const PLAIN_CSV_FIELDS = {
  structures: ['id', ...STRUCTURE_FIELDS],
  services: ['id', 'structure_id', 'structure_nom', ...SERVICE_FIELDS],
} as const;
export type PlainCsvField = (typeof PLAIN_CSV_FIELDS)[ImportKind][number];

/** Text fields of `POST /core/directory/import` (multipart). */
export interface DirectoryImportFields {
  /** The centre's number; a centre's team may only name one of its own centres. */
  centre: string;
  format: ImportFormat;
  /** Plain CSV only. */
  kind?: ImportKind;
  /** Plain CSV only: JSON object, the file's column → our field. */
  mapping?: string;
  /** Plain CSV only: a short name for where the rows come from (default "tableur"). */
  source?: string;
  /** "true": check everything, write nothing. */
  dryRun?: 'true' | 'false';
  /** "true": imported entries are published at once; by default they stay drafts. */
  publish?: 'true' | 'false';
}

/** `POST /core/directory/import/columns`: what a plain CSV holds, before mapping. */
export interface DirectoryImportColumns {
  columns: string[];
  delimiter: ',' | ';' | '\t';
  rows: number;
  /** Column → the field its heading suggests, for the columns we recognise. */
  suggestions: Record<string, PlainCsvField>;
}

export type ImportRowStatus = 'created' | 'updated' | 'unchanged' | 'skipped';

export interface ImportProblem {
  /** Our field name (or the file's column for a plain CSV), or null for the whole row. */
  field: string | null;
  message: string;
}

export interface ImportRowReport {
  file: string;
  /** Line in a CSV file (the heading is line 1), item number in a JSON file. */
  line: number;
  type: 'structure' | 'service';
  sourceId: string | null;
  nom: string | null;
  status: ImportRowStatus;
  /** Why the row was skipped. */
  problems: ImportProblem[];
  /** Written, but something needs a human (an address that did not geocode…). */
  warning: string | null;
  documentId: string | null;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  /** Entries written with an address to check. */
  toCheck: number;
}

export interface DirectoryImportReport {
  dryRun: boolean;
  publish: boolean;
  centre: { id: number; name: string };
  counts: ImportCounts;
  rows: ImportRowReport[];
}

/** `GET /core/directory/import/centres`: where the user may import. */
export interface ImportCentre {
  id: number;
  name: string;
}
