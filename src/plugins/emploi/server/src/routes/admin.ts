import { ACTIONS } from '../../../shared/permissions';

export default {
  type: 'admin' as const,
  routes: [
    {
      method: 'GET' as const,
      path: '/summary',
      handler: 'admin.summary',
      config: {
        policies: [
          'admin::isAuthenticatedAdmin',
          { name: 'admin::hasPermissions', config: { actions: [ACTIONS.read] } },
        ],
      },
    },
  ],
};
