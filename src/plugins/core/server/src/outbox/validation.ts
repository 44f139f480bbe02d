import { z } from 'zod';
import { JOB_STATUSES } from '../../../shared/contracts/outbox';

/** `<plugin>.<what>`, lower case: `pense-bete.reminder`, `core.retention`. */
export const JOB_NAME = /^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)+$/;

export const jobQuery = z.strictObject(
  {
    page: z.coerce
      .number('Le numéro de page est un nombre.')
      .int('Le numéro de page est un nombre entier.')
      .min(1, 'Les pages commencent à 1.')
      .max(10000, 'Page trop lointaine.')
      .default(1),
    pageSize: z.coerce
      .number('La taille de page est un nombre.')
      .int('La taille de page est un nombre entier.')
      .min(1, 'Au moins une ligne par page.')
      .max(100, '100 lignes par page au plus.')
      .default(25),
    status: z.enum(JOB_STATUSES, 'Statut inconnu.').optional(),
    name: z.string().max(120, 'Nom de tâche inconnu.').regex(JOB_NAME, 'Nom de tâche inconnu.').optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `Paramètre inconnu : ${issue.keys.join(', ')}.` : undefined,
  },
);

export const jobIdParams = z.object({
  id: z.coerce
    .number('Le numéro de tâche est un nombre.')
    .int('Le numéro de tâche est un nombre entier.')
    .positive('Le numéro de tâche est un nombre positif.')
    .max(2147483647, 'Cette tâche n’existe pas.'),
});
