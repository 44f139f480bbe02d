import { moderationContentApiRoutes } from '../moderation/routes';

export default {
  type: 'content-api' as const,
  routes: [
    {
      method: 'GET' as const,
      path: '/health',
      handler: 'health.check',
      // Load balancers and uptime probes call it without a token.
      config: { auth: false as const },
    },
    ...moderationContentApiRoutes,
  ],
};
