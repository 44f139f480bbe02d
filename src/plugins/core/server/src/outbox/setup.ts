import type { Core } from '@strapi/strapi';
import { RETENTION_JOB, RETENTION_TIME } from '../retention/service';
import { getService } from '../utils/get-service';

export const SMS_RECONCILE_JOB = 'core.sms-reconcile';

/** Core's bootstrap: the table, core's own jobs and schedules, then the worker. */
export async function setupOutbox(strapi: Core.Strapi): Promise<void> {
  const outbox = getService(strapi, 'outbox');
  await outbox.ensureTable();
  outbox.handle(
    RETENTION_JOB,
    async () => {
      await getService(strapi, 'retention').runAll(new Date());
    },
    { label: 'Conservation des données (chaque nuit)', maxAttempts: 3 },
  );
  outbox.schedule({ name: RETENTION_JOB, job: RETENTION_JOB, every: 'day', at: RETENTION_TIME });
  // A process killed while an SMS was with the provider leaves its receipt `sending`: settle it.
  outbox.handle(
    SMS_RECONCILE_JOB,
    async () => {
      await getService(strapi, 'sms').reconcileInterrupted();
    },
    { label: 'SMS interrompus : vérification auprès de l’opérateur', maxAttempts: 3 },
  );
  outbox.schedule({ name: SMS_RECONCILE_JOB, job: SMS_RECONCILE_JOB, every: 'hour', minute: 7 });
  outbox.start();
}
