import type { Core } from '@strapi/strapi';
import { RETENTION_JOB, RETENTION_TIME } from '../retention/service';
import { getService } from '../utils/get-service';

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
  outbox.start();
}
