import { z } from 'zod';
import { REPORT_REASONS } from '../../../shared/contracts/moderation';

/**
 * The public report form (`POST /api/core/reports`): kept apart from the route so that the
 * shared public-form guard (rate limits, honeypot) can wrap the route and reuse this schema.
 * Unknown keys are refused; every message is French and names what to fix.
 */
export const reportRequest = z.strictObject(
  {
    type: z
      .string({ error: 'Indiquez le type du contenu signalé.' })
      .max(120, 'Type de contenu inconnu.')
      .regex(/^(api|plugin)::[a-z0-9-]+\.[a-z0-9-]+$/, 'Type de contenu inconnu.'),
    documentId: z
      .string({ error: 'Indiquez le contenu signalé.' })
      .regex(/^[a-z0-9]{10,64}$/, 'Ce contenu n’existe pas.'),
    reason: z.enum(REPORT_REASONS as [string, ...string[]], {
      error:
        'Choisissez une raison : contenu inapproprié, information fausse, publicité ou spam, données personnelles, ou autre.',
    }),
    text: z
      .string({ error: 'Le message est un texte.' })
      .trim()
      .max(1000, 'Le message compte 1 000 caractères au plus.')
      .optional(),
    email: z
      .string({ error: 'L’adresse e-mail est un texte.' })
      .trim()
      .toLowerCase()
      .max(254, 'Cette adresse e-mail n’est pas valide.')
      .email('Cette adresse e-mail n’est pas valide.')
      .optional(),
  },
  {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') return `Champ inconnu : ${issue.keys.join(', ')}.`;
      if (issue.code === 'invalid_type') return 'Le signalement est illisible : envoyez le formulaire à nouveau.';
      return undefined;
    },
  },
);

export type ParsedReportRequest = z.infer<typeof reportRequest>;
