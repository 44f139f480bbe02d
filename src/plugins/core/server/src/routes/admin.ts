import { ACTIONS } from '../../../shared/permissions';
import { mailAdminRoutes } from '../mail/routes';
import { moderationAdminRoutes } from '../moderation/routes';
import { outboxRoutes } from '../outbox/routes';
import { directoryImportRoutes } from '../directory/import/routes';
import { contributionAdminRoutes } from '../directory/contributions/routes';

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
    {
      method: 'POST' as const,
      path: '/geocoding/lookup',
      handler: 'geocoding.lookup',
      config: {
        policies: [
          'admin::isAuthenticatedAdmin',
          { name: 'admin::hasPermissions', config: { actions: [ACTIONS.manageGeocoding] } },
        ],
      },
    },
    {
      method: 'GET' as const,
      path: '/geocoding/overrides',
      handler: 'geocoding.listOverrides',
      config: {
        policies: [
          'admin::isAuthenticatedAdmin',
          { name: 'admin::hasPermissions', config: { actions: [ACTIONS.manageGeocoding] } },
        ],
      },
    },
    {
      method: 'PUT' as const,
      path: '/geocoding/overrides',
      handler: 'geocoding.setOverride',
      config: {
        policies: [
          'admin::isAuthenticatedAdmin',
          { name: 'admin::hasPermissions', config: { actions: [ACTIONS.manageGeocoding] } },
        ],
      },
    },
    {
      method: 'DELETE' as const,
      path: '/geocoding/overrides/:id',
      handler: 'geocoding.clearOverride',
      config: {
        policies: [
          'admin::isAuthenticatedAdmin',
          { name: 'admin::hasPermissions', config: { actions: [ACTIONS.manageGeocoding] } },
        ],
      },
    },
    ...mailAdminRoutes,
    ...moderationAdminRoutes,
    ...[
      ['/sms/receipts', 'sms.list'],
      ['/sms/receipts/:id', 'sms.findOne'],
      ['/sms/summary', 'sms.summary'],
    ].map(([path, handler]) => ({
      method: 'GET' as const,
      path,
      handler,
      config: {
        policies: [
          'admin::isAuthenticatedAdmin',
          { name: 'admin::hasPermissions', config: { actions: [ACTIONS.readSms] } },
        ],
      },
    })),
    ...outboxRoutes,
    ...directoryImportRoutes,
    ...contributionAdminRoutes,
  ],
};
