import { z } from 'zod';
import { MODERATION_REASONS } from '../../../shared/contracts/moderation';
import { centreFilter, listQuery } from '../utils/list-query';

/** `GET /core/moderation` query. */
export const queueQuery = listQuery({
  reason: z.enum(MODERATION_REASONS as [string, ...string[]], { error: 'Raison inconnue.' }).optional(),
  type: z
    .string()
    .max(120)
    .regex(/^(api|plugin)::[a-z0-9-]+\.[a-z0-9-]+$/, 'Type de contenu inconnu.')
    .optional(),
  centre: centreFilter,
  state: z.enum(['pending', 'closed'], { error: 'État inconnu : pending ou closed.' }).default('pending'),
});

const message = z
  .string({ error: 'Le message est un texte.' })
  .trim()
  .max(4000, 'Le message compte 4 000 caractères au plus.')
  .optional();

/** `POST /core/moderation/:id/decision` body. */
export const decisionRequest = z
  .strictObject(
    {
      decision: z.enum(['accept', 'refuse', 'request-changes'], {
        error: 'Choisissez une décision : accepter, refuser ou demander des modifications.',
      }),
      message,
      note: z
        .string({ error: 'La note est un texte.' })
        .trim()
        .max(4000, 'La note compte 4 000 caractères au plus.')
        .optional(),
    },
    {
      error: (issue) => (issue.code === 'unrecognized_keys' ? `Champ inconnu : ${issue.keys.join(', ')}.` : undefined),
    },
  )
  .superRefine((request, ctx) => {
    if (request.decision === 'refuse' && !request.message) {
      ctx.addIssue({
        code: 'custom',
        path: ['message'],
        message: 'Indiquez la raison du refus : elle est envoyée à la personne.',
      });
    }
    if (request.decision === 'request-changes' && !request.message) {
      ctx.addIssue({
        code: 'custom',
        path: ['message'],
        message: 'Indiquez les modifications demandées : elles sont envoyées à la personne.',
      });
    }
  });

export type ParsedDecision = z.infer<typeof decisionRequest>;

/** What a product's public endpoint hands to `submit` or `proposeEdit` about the person. */
export const submitterSchema = z
  .strictObject({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(254, 'Cette adresse e-mail n’est pas valide.')
      .email('Cette adresse e-mail n’est pas valide.')
      .optional(),
  })
  .optional();
