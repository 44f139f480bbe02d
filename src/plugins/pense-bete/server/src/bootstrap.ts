import type { Core } from '@strapi/strapi';
import { registerAdminActions } from '@csc/plugin-core/toolkit';
import { ACTION_LABELS, ACTIONS, PLUGIN_ID } from '../../shared/permissions';
import { SETTINGS_ACTION_LABELS } from '../../shared/news';
import { NEWS_JOB } from './news/job';
import { newsPersonalDataTypes, newsRetention } from './privacy/news-data';
import { coreService } from './core-services';
import { personalDataTypes } from './privacy/personal-data';
import { reminderRetention } from './privacy/retention';
import { BLACKLIST_JOB, PLANNING_JOB, REMINDER_JOB } from './sending/job';
import { getService } from './utils/get-service';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerAdminActions(strapi, PLUGIN_ID, ACTION_LABELS);
  // The centre's team runs the module; the services keep each member to their own centres.
  coreService(strapi, 'staffRole').grant(
    Object.values(ACTIONS).map((action) => ({ action, subject: null, properties: {}, conditions: [] })),
  );

  const outbox = coreService(strapi, 'outbox');
  outbox.handle(
    REMINDER_JOB,
    async ({ reminderId }, context) => {
      await getService(strapi, 'sending').deliver(reminderId, context);
    },
    {
      label: 'Rappel du Pense-bête',
      publicFields: ['reminderId'],
      timeoutSeconds: 120,
      // Reminders fall due together (a morning's worth at the opening of the sending hours):
      // sent as a batch, they cost a few statements each instead of a dozen.
      batch: (items) =>
        getService(strapi, 'sending').deliverMany(
          items.map(({ payload, context }) => ({ reminderId: payload.reminderId, attempt: context.attempt })),
        ),
    },
  );
  outbox.handle(
    PLANNING_JOB,
    async () => {
      await getService(strapi, 'steps').planAhead();
    },
    { label: 'Pense-bête : prévoir les prochains rappels' },
  );
  outbox.schedule({ name: 'pense-bete.plan', job: PLANNING_JOB.name, every: 'day', at: '04:15' });
  outbox.handle(
    NEWS_JOB,
    async ({ deliveryId }) => {
      await getService(strapi, 'news').deliver(deliveryId);
    },
    { label: 'Nouvelle d’un groupe du Pense-bête', publicFields: ['deliveryId'], timeoutSeconds: 120 },
  );
  outbox.handle(
    BLACKLIST_JOB,
    async () => {
      await getService(strapi, 'blacklist').sync();
    },
    { label: 'Pense-bête : relire la liste STOP de l’opérateur SMS' },
  );
  outbox.schedule({ name: 'pense-bete.blacklist', job: BLACKLIST_JOB.name, every: 'hour', minute: 7 });
  // Sending settings (sender name, the centre's own OVH keys): super-admins, or a role given it.
  await registerAdminActions(strapi, PLUGIN_ID, SETTINGS_ACTION_LABELS);

  for (const type of personalDataTypes(strapi)) coreService(strapi, 'gdpr').register(type);
  coreService(strapi, 'retention').register(reminderRetention(strapi));
  for (const type of newsPersonalDataTypes(strapi)) coreService(strapi, 'gdpr').register(type);
  coreService(strapi, 'retention').register(newsRetention(strapi));
};

export default bootstrap;
