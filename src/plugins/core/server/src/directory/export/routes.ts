import { DIRECTORY_EXPORTS } from '../../../../shared/contracts/directory-export';

const HANDLERS = {
  'data-inclusion-structures-json': 'dataInclusionStructuresJson',
  'data-inclusion-structures-csv': 'dataInclusionStructuresCsv',
  'data-inclusion-services-json': 'dataInclusionServicesJson',
  'data-inclusion-services-csv': 'dataInclusionServicesCsv',
  'mediation-numerique-csv': 'mediationNumeriqueCsv',
} as const satisfies Record<keyof typeof DIRECTORY_EXPORTS, string>;

/** Open data: public, read-only, no login. */
export const directoryExportRoutes = Object.entries(HANDLERS).map(([name, handler]) => ({
  method: 'GET' as const,
  path: `/directory/export/${DIRECTORY_EXPORTS[name as keyof typeof HANDLERS].path}`,
  handler: `directoryExport.${handler}`,
  config: { auth: false as const },
}));
