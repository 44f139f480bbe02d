import { ACTIONS } from '../../../../shared/permissions';

const policies = [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions: [ACTIONS.importDirectory] } },
];

/** Admin routes of directory imports, spread into `routes/admin.ts`. */
export const directoryImportRoutes = [
  {
    method: 'GET' as const,
    path: '/directory/import/centres',
    handler: 'directoryImport.centres',
    config: { policies },
  },
  {
    method: 'POST' as const,
    path: '/directory/import/columns',
    handler: 'directoryImport.columns',
    config: { policies },
  },
  { method: 'POST' as const, path: '/directory/import', handler: 'directoryImport.run', config: { policies } },
];
