import { ACTIONS } from '../../../shared/permissions';
import { outboxRoutes } from '../outbox/routes';

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
    {
      method: 'POST' as const,
      path: '/gdpr/search',
      handler: 'gdpr.search',
      config: {
        policies: [
          'admin::isAuthenticatedAdmin',
          { name: 'admin::hasPermissions', config: { actions: [ACTIONS.managePersonalData] } },
        ],
      },
    },
    {
      method: 'POST' as const,
      path: '/gdpr/export',
      handler: 'gdpr.export',
      config: {
        policies: [
          'admin::isAuthenticatedAdmin',
          { name: 'admin::hasPermissions', config: { actions: [ACTIONS.managePersonalData] } },
        ],
      },
    },
    {
      method: 'POST' as const,
      path: '/gdpr/erase',
      handler: 'gdpr.erase',
      config: {
        policies: [
          'admin::isAuthenticatedAdmin',
          { name: 'admin::hasPermissions', config: { actions: [ACTIONS.managePersonalData] } },
        ],
      },
    },
    ...outboxRoutes,
  ],
};
