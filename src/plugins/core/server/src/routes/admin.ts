import { ACTIONS } from '../../../shared/permissions';

export default {
  type: 'admin' as const,
  routes: [
    {
      method: 'GET' as const,
      path: '/overview',
      handler: 'overview.get',
      config: {
        policies: [
          'admin::isAuthenticatedAdmin',
          { name: 'admin::hasPermissions', config: { actions: [ACTIONS.readOverview] } },
        ],
      },
    },
    {
      method: 'GET' as const,
      path: '/audit',
      handler: 'audit.list',
      config: {
        policies: [
          'admin::isAuthenticatedAdmin',
          { name: 'admin::hasPermissions', config: { actions: [ACTIONS.readAudit] } },
        ],
      },
    },
  ],
};
