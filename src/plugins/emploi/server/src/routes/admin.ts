import { ACTIONS } from '../../../shared/permissions';

/** The team's routes for the members' spaces: referents' accounts and profiles made with a resident. */
const members = (path: string, handler: string) => ({
  method: 'POST' as const,
  path,
  handler: `admin.${handler}`,
  config: {
    policies: [
      'admin::isAuthenticatedAdmin',
      { name: 'admin::hasPermissions', config: { actions: [ACTIONS.members] } },
    ],
  },
});

export default {
  type: 'admin' as const,
  routes: [
    members('/referents', 'createReferent'),
    members('/candidates', 'createCandidate'),
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
