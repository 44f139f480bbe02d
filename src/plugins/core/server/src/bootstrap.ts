import type { Core } from '@strapi/strapi';
import { ACTIONS, PLUGIN_ID } from '../../shared/permissions';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.admin.services.permission.actionProvider.registerMany([
    {
      section: 'plugins',
      displayName: 'Voir la vue d’ensemble',
      uid: ACTIONS.readOverview.split('.').slice(1).join('.'),
      pluginName: PLUGIN_ID,
    },
  ]);
};

export default bootstrap;
