import { moderationContentApiRoutes } from '../moderation/routes';
import { directoryContentApiRoutes } from '../directory/routes';
import { contributionContentApiRoutes } from '../directory/contributions/routes';

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
    ...directoryContentApiRoutes,
    ...contributionContentApiRoutes,
    // The SMS provider reports delivery here; a shared token in the URL stands for a login.
    ...(['GET', 'POST'] as const).map((method) => ({
      method,
      path: '/sms/delivery-report',
      handler: 'sms.deliveryReport',
      config: { auth: false as const, notAForm: 'callback of the SMS provider, checked by its token' },
    })),
  ],
};
