import type { Core } from '@strapi/strapi';
import { applyFieldLabels, registerAdminActions } from '../../toolkit';
import { ACTION_LABELS, CENTRE_UID, PLUGIN_ID } from '../../shared/permissions';
import { CENTRE_LABELS } from './centres/labels';
import { registerSameCentreCondition } from './centres/same-centre-condition';
import { smsReceipts } from './sms/personal-data';
import { getService } from './utils/get-service';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerAdminActions(strapi, PLUGIN_ID, ACTION_LABELS);
  await registerSameCentreCondition(strapi);
  await applyFieldLabels(strapi, CENTRE_UID, CENTRE_LABELS);
  getService(strapi, 'gdpr').register(smsReceipts(strapi));
};

export default bootstrap;
