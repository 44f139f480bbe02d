import { ACTIONS } from '../../../shared/permissions';

const route = (method: 'GET' | 'POST', path: string, handler: string, action: string) => ({
  method,
  path,
  handler: `admin.${handler}`,
  config: {
    policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
  },
});

export default {
  type: 'admin' as const,
  routes: [
    route('GET', '/summary', 'summary', ACTIONS.read),
    route('GET', '/requests', 'requests', ACTIONS.read),
    route('GET', '/structures', 'structures', ACTIONS.read),
    route('GET', '/words', 'words', ACTIONS.read),
    route('POST', '/structures/:id/validate', 'validate', ACTIONS.manageStructures),
    route('POST', '/structures/:id/refuse', 'refuse', ACTIONS.manageStructures),
  ],
};
