import type { Core } from '@strapi/strapi';
import { applyFieldLabels, registerAdminActions } from '../../toolkit';
import { ACTION_LABELS, CENTRE_UID, PLUGIN_ID } from '../../shared/permissions';
import { CENTRE_LABELS } from './centres/labels';
import { registerSameCentreCondition } from './centres/same-centre-condition';
import { setupOutbox } from './outbox/setup';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerAdminActions(strapi, PLUGIN_ID, ACTION_LABELS);
  await registerSameCentreCondition(strapi);
  await applyFieldLabels(strapi, CENTRE_UID, CENTRE_LABELS);
  await setupOutbox(strapi);
};

export default bootstrap;
