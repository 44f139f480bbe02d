import { ACTIONS } from '../../../shared/permissions';

const route = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, handler: string, action: string) => ({
  method,
  path,
  handler: handler.includes('.') ? handler : `penseBete.${handler}`,
  config: {
    policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
  },
});

/** Admin API; every answer is limited to the user's centres by the services. */
export default {
  type: 'admin' as const,
  routes: [
    route('GET', '/summary', 'summary.get', ACTIONS.read),
    route('GET', '/persons', 'listPersons', ACTIONS.read),
    route('POST', '/persons', 'createPerson', ACTIONS.manage),
    route('GET', '/persons/:id', 'getPerson', ACTIONS.read),
    route('PUT', '/persons/:id', 'updatePerson', ACTIONS.manage),
    route('POST', '/persons/:id/withdraw-consent', 'withdrawConsent', ACTIONS.manage),
    route('GET', '/persons/:id/history', 'history', ACTIONS.read),
    route('POST', '/persons/:id/steps', 'createStep', ACTIONS.manage),
    route('PUT', '/steps/:id', 'updateStep', ACTIONS.manage),
    route('DELETE', '/steps/:id', 'deleteStep', ACTIONS.manage),
    route('GET', '/follow-up', 'followUp', ACTIONS.read),
    route('GET', '/step-types', 'stepTypes', ACTIONS.read),
    route('POST', '/preview', 'preview', ACTIONS.read),
  ],
};
