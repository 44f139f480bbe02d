import { ACTIONS } from '../../../shared/permissions';
import { SETTINGS_ACTIONS } from '../../../shared/news';

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
    route('GET', '/groups', 'groups.list', ACTIONS.read),
    route('POST', '/groups', 'groups.create', ACTIONS.manage),
    route('GET', '/groups/:id', 'groups.detail', ACTIONS.read),
    route('PUT', '/groups/:id', 'groups.update', ACTIONS.manage),
    route('POST', '/groups/:id/members', 'groups.addMember', ACTIONS.manage),
    route('POST', '/groups/:id/remove-member', 'groups.removeMember', ACTIONS.manage),
    route('GET', '/groups/:id/news', 'groups.listNews', ACTIONS.read),
    route('POST', '/groups/:id/news/preview', 'groups.previewNews', ACTIONS.manage),
    route('POST', '/groups/:id/news', 'groups.sendNews', ACTIONS.manage),
    route('GET', '/budget', 'groups.budget', ACTIONS.read),
    route('GET', '/centres/:centre/settings', 'groups.getSettings', SETTINGS_ACTIONS.settings),
    route('PUT', '/centres/:centre/settings', 'groups.updateSettings', SETTINGS_ACTIONS.settings),
  ],
};
