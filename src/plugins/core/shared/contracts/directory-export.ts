/**
 * Open-data exports of the shared directory: public, read-only, published entries only, under
 * `/api/core/directory/export/…`. JSON files are arrays of records; CSV files are comma-separated
 * UTF-8 with a header line, list values joined by `|`.
 */

/** The files, by the name the service and the controller know them. */
export const DIRECTORY_EXPORTS = {
  /** data·inclusion v1 structures (`schemas/data-inclusion-v1/structure.json`). */
  'data-inclusion-structures-json': { path: 'data-inclusion/structures.json', filename: 'structures', format: 'json' },
  'data-inclusion-structures-csv': { path: 'data-inclusion/structures.csv', filename: 'structures', format: 'csv' },
  /** data·inclusion v1 services (`schemas/data-inclusion-v1/service.json`). */
  'data-inclusion-services-json': { path: 'data-inclusion/services.json', filename: 'services', format: 'json' },
  'data-inclusion-services-csv': { path: 'data-inclusion/services.csv', filename: 'services', format: 'csv' },
  /** "Lieux de médiation numérique" v1.0.2 (`schemas/mediation-numerique/schema.json`). */
  'mediation-numerique-csv': { path: 'mediation-numerique.csv', filename: 'lieux-mediation-numerique', format: 'csv' },
} as const;

export type DirectoryExportName = keyof typeof DIRECTORY_EXPORTS;

/** Query of every export (optional). */
export interface DirectoryExportQuery {
  /** Slug of a centre: only its structures, and the services of those structures. */
  centre?: string;
}
