import { z } from 'zod';
import { publicFormRoute } from '@csc/plugin-core/toolkit';

/**
 * Residents reach only the unsubscribe page of the reminder e-mails; staff work through the
 * admin API. The confirmation is a plain HTML form (or a mail client's one-click
 * `List-Unsubscribe=One-Click`, RFC 8058), through the public-form guard and its rate limits.
 */
const confirmation = z.strictObject(
  {
    confirmation: z.literal('oui', { error: 'Confirmation attendue : « oui ».' }).optional(),
    'List-Unsubscribe': z.literal('One-Click', { error: 'Valeur attendue : One-Click.' }).optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `Champ inconnu : ${issue.keys.join(', ')}.` : undefined) },
);

export default {
  type: 'content-api' as const,
  routes: [
    {
      method: 'GET' as const,
      path: '/unsubscribe/:token',
      handler: 'unsubscribe.show',
      config: { auth: false as const },
    },
    publicFormRoute({
      path: '/unsubscribe/:token',
      handler: 'unsubscribe.confirm',
      schema: confirmation,
      maxBytes: 1024,
      htmlForm: true,
      honeypot: false,
      limits: {
        perAddress: { max: 20, windowSeconds: 3600 },
        perTarget: { key: (_data, { params }) => params.token, max: 5, windowSeconds: 3600 },
      },
    }),
  ],
};
