import { z } from 'zod';
import { JOB_STATUSES } from '../../../shared/contracts/outbox';
import { listQuery } from '../utils/list-query';

/** `<plugin>.<what>`, lower case: `pense-bete.reminder`, `core.retention`. */
export const JOB_NAME = /^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)+$/;

export const jobQuery = listQuery({
  status: z.enum(JOB_STATUSES, 'Statut inconnu.').optional(),
  name: z.string().max(120, 'Nom de tâche inconnu.').regex(JOB_NAME, 'Nom de tâche inconnu.').optional(),
});

export const jobIdParams = z.object({
  id: z.coerce
    .number('Le numéro de tâche est un nombre.')
    .int('Le numéro de tâche est un nombre entier.')
    .positive('Le numéro de tâche est un nombre positif.')
    .max(2147483647, 'Cette tâche n’existe pas.'),
});
