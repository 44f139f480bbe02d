import type { Core } from '@strapi/strapi';
import { registerAdminActions } from '../../toolkit';
import { ACTION_LABELS, PLUGIN_ID } from '../../shared/permissions';
import { registerSameCentreCondition } from './centres/same-centre-condition';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerAdminActions(strapi, PLUGIN_ID, ACTION_LABELS);
  await registerSameCentreCondition(strapi);
};

export default bootstrap;
