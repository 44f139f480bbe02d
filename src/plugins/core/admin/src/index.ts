import type { StrapiApp } from '@strapi/strapi/admin';
import { ACTIONS } from '../../shared/permissions';
import { PluginIcon } from './components/PluginIcon';
import { PLUGIN_ID } from './pluginId';
import { createRegisterTrads } from './toolkit';

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PluginIcon,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'Socle' },
      Component: () => import('./pages/App'),
      permissions: [{ action: ACTIONS.readOverview, subject: null }],
    });
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  registerTrads: createRegisterTrads(PLUGIN_ID, (locale) => import(`./translations/${locale}.json`)),
};
