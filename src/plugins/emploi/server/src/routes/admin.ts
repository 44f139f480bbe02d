import { ACTIONS } from '../../../shared/permissions';

/** The team's routes for the members' spaces: referents' accounts, the centre's profiles, those made with a resident. */
const members = (method: 'GET' | 'POST' | 'PUT', path: string, handler: string) => ({
  method,
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
    members('GET', '/referents', 'referents'),
    members('POST', '/referents', 'createReferent'),
    members('GET', '/candidates', 'candidates'),
    members('GET', '/candidates/choices', 'candidateChoices'),
    members('POST', '/candidates', 'createCandidate'),
    members('PUT', '/candidates/:id/referent', 'changeReferent'),
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
