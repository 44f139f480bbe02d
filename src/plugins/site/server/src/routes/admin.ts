import { ACTIONS } from '../../../shared/permissions';

const staffOnly = (actions: string[]) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions } }],
});

export default {
  type: 'admin' as const,
  routes: [
    { method: 'GET' as const, path: '/builds', handler: 'builds.list', config: staffOnly([ACTIONS.read]) },
    {
      method: 'POST' as const,
      path: '/builds/:centre',
      handler: 'builds.rebuild',
      config: staffOnly([ACTIONS.rebuild]),
    },
  ],
};
