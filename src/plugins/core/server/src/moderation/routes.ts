import { publicFormRoute } from '../../../toolkit/public-forms';
import { reportRequest } from './report-schema';
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
  // Anyone reading a site may report: the shared public-form guard limits, cleans and validates.
  publicFormRoute({
    path: '/reports',
    handler: 'report.create',
    schema: reportRequest,
    maxBytes: 4096,
    limits: { perAddress: { max: 20, windowSeconds: 3600 } },
    accepted: { status: 201, body: { data: { received: true } } },
  }),
];
