import { ACTIONS } from '../../../shared/permissions';

const route = (method: 'GET' | 'POST' | 'PUT', path: string, handler: string, action: string) => ({
  method,
  path,
  handler: `compasses.${handler}`,
  config: {
    policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
  },
});

/** Staff routes; the services keep each member to the compasses of their centres. */
export default {
  type: 'admin' as const,
  routes: [
    route('GET', '/compasses', 'list', ACTIONS.read),
    route('GET', '/compasses/choices', 'choices', ACTIONS.read),
    route('GET', '/compasses/:id', 'get', ACTIONS.read),
    route('POST', '/compasses', 'create', ACTIONS.manageCompasses),
    route('PUT', '/compasses/:id', 'update', ACTIONS.manageCompasses),
    route('GET', '/compasses/:id/contributions', 'contributions', ACTIONS.read),
  ],
};
