import type { StrapiApp } from '@strapi/strapi/admin';
import { createRegisterTrads } from '@csc/plugin-core/admin-toolkit';
import { ACTIONS } from '../../shared/permissions';
import { PluginIcon } from './components/PluginIcon';
import { PLUGIN_ID } from './pluginId';

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PluginIcon,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'Emploi' },
      Component: () => import('./pages/App'),
      permissions: [{ action: ACTIONS.read, subject: null }],
    });
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  registerTrads: createRegisterTrads(PLUGIN_ID, (locale) => import(`./translations/${locale}.json`)),
};
