import { publicFormRoute } from '../../../../toolkit/public-forms';
import { ACTIONS } from '../../../../shared/permissions';
import { correctionRequest, eventSuggestion, structureSuggestion } from './schemas';

/**
 * Partners' routes: Users & Permissions JWT; the role « Partenaire » holds their actions
 * (`plugin::core.partner.*`), and the service checks each entry is theirs.
 */
const partnerRoutes = (['structures', 'services', 'events'] as const).flatMap((kind) => {
  const action = `${kind[0].toUpperCase()}${kind.slice(1)}`;
  return [
    { method: 'GET' as const, path: `/directory/partner/${kind}`, handler: `partner.list${action}` },
    { method: 'POST' as const, path: `/directory/partner/${kind}`, handler: `partner.create${action}` },
    { method: 'PUT' as const, path: `/directory/partner/${kind}/:documentId`, handler: `partner.edit${action}` },
  ];
});

// The public forms, also served as pages (`pages.ts`) with the same limits and counters.
export const structureSuggestionRoute = publicFormRoute({
  path: '/directory/suggestions/structures',
  handler: 'suggestion.structure',
  schema: structureSuggestion,
  maxBytes: 32 * 1024,
  limits: { perAddress: { max: 10, windowSeconds: 3600 } },
});

export const eventSuggestionRoute = publicFormRoute({
  path: '/directory/suggestions/events',
  handler: 'suggestion.event',
  schema: eventSuggestion,
  maxBytes: 32 * 1024,
  limits: { perAddress: { max: 10, windowSeconds: 3600 } },
});

export const correctionRoute = publicFormRoute({
  path: '/directory/corrections/:token',
  handler: 'correction.propose',
  schema: correctionRequest,
  maxBytes: 32 * 1024,
  limits: {
    perAddress: { max: 10, windowSeconds: 3600 },
    perTarget: { key: (_data, { params }) => params.token, max: 10, windowSeconds: 86400 },
  },
});

/** Content-API routes of directory contributions, spread into `routes/content-api.ts`. */
export const contributionContentApiRoutes = [
  ...partnerRoutes,
  structureSuggestionRoute,
  eventSuggestionRoute,
  // The token stands for a login: reading is open, rate-limited in the controller.
  {
    method: 'GET' as const,
    path: '/directory/corrections/:token',
    handler: 'correction.form',
    config: { auth: false as const },
  },
  correctionRoute,
];

/** Admin routes, spread into `routes/admin.ts`. */
export const contributionAdminRoutes = [
  {
    method: 'POST' as const,
    path: '/directory/structures/:documentId/correction-link',
    handler: 'correction.sendLink',
    config: {
      policies: [
        'admin::isAuthenticatedAdmin',
        { name: 'admin::hasPermissions', config: { actions: [ACTIONS.sendCorrectionLink] } },
      ],
    },
  },
];
