import type { Core } from '@strapi/strapi';
import { applyFieldLabels, registerAdminActions } from '../../toolkit';
import { ACTION_LABELS, CENTRE_UID, PLUGIN_ID } from '../../shared/permissions';
import { CENTRE_LABELS } from './centres/labels';
import { registerSameCentreCondition } from './centres/same-centre-condition';
import { lockCoordinateFields } from './geocoding/content-manager';
import { bootstrapMail } from './mail/bootstrap';
import { bootstrapModeration } from './moderation/bootstrap';
import { smsReceipts } from './sms/personal-data';
import { getService } from './utils/get-service';
import { setupOutbox } from './outbox/setup';
import { applyDirectoryLabels } from './directory/labels';
import { backfillSearchKeys, keepSearchKeys } from './directory/search-keys';
import { directoryImportStaffPermissions } from './directory/import/staff-permissions';
import { showAddressCheckInLists } from './directory/import/address-check';
import { bootstrapDirectoryContributions } from './directory/contributions/bootstrap';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerAdminActions(strapi, PLUGIN_ID, ACTION_LABELS);
  await registerSameCentreCondition(strapi);
  await applyFieldLabels(strapi, CENTRE_UID, CENTRE_LABELS);
  await applyDirectoryLabels(strapi);
  keepSearchKeys(strapi);
  await backfillSearchKeys(strapi);
  getService(strapi, 'staffRole').grant(directoryImportStaffPermissions);
  await showAddressCheckInLists(strapi);
  await setupOutbox(strapi);
  await lockCoordinateFields(strapi);
  await getService(strapi, 'rateLimit').ensureTable();
  getService(strapi, 'publicForms').discover();
  strapi.cron.add({
    // Every instance runs it; each step is idempotent.
    'core-housekeeping': {
      task: async () => {
        await getService(strapi, 'rateLimit').purgeExpired();
        await getService(strapi, 'geocoding').purgeExpired();
        await getService(strapi, 'centreCoordinates').refresh({ onlyMissing: true });
      },
      options: { rule: '*/15 * * * *' },
    },
  });
  bootstrapMail(strapi);
  bootstrapModeration(strapi);
  bootstrapDirectoryContributions(strapi);
  getService(strapi, 'gdpr').register(smsReceipts(strapi));
};

export default bootstrap;
