import type { Core } from '@strapi/strapi';
import { registerAdminActions } from '@csc/plugin-core/toolkit';
import { ACTION_LABELS, PLUGIN_ID } from '../../shared/permissions';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerAdminActions(strapi, PLUGIN_ID, ACTION_LABELS);
};

export default bootstrap;
