import { ACTIONS } from '../../../shared/permissions';

const allowed = (action: string) => [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions: [action] } },
];

/** Admin routes of moderation, spread into `routes/admin.ts`. */
export const moderationAdminRoutes = [
  {
    method: 'GET' as const,
    path: '/moderation',
    handler: 'moderation.list',
    config: { policies: allowed(ACTIONS.readModeration) },
  },
  {
    method: 'GET' as const,
    path: '/moderation/:id',
    handler: 'moderation.findOne',
    config: { policies: allowed(ACTIONS.readModeration) },
  },
  {
    method: 'POST' as const,
    path: '/moderation/:id/decision',
    handler: 'moderation.decide',
    config: { policies: allowed(ACTIONS.decideModeration) },
  },
];

/** Public routes, spread into `routes/content-api.ts`. */
export const moderationContentApiRoutes = [
  {
    method: 'POST' as const,
    path: '/reports',
    handler: 'report.create',
    // Anyone reading a site may report; the shared public-form guard wraps this route.
    config: { auth: false as const },
  },
];
