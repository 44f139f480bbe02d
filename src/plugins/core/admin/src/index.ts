import type { StrapiApp } from '@strapi/strapi/admin';
import { ACTIONS } from '../../shared/permissions';
import { CorrectionLinkAction } from './components/CorrectionLinkAction';
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

  bootstrap(app: StrapiApp) {
    // « Envoyer un lien de correction » on a structure, in the content manager's edit view.
    const contentManager = app.getPlugin('content-manager')?.apis as
      { addDocumentAction?: (reducer: (actions: unknown[]) => unknown[]) => void } | undefined;
    contentManager?.addDocumentAction?.((actions) => [...actions, CorrectionLinkAction]);
  },

  registerTrads: createRegisterTrads(PLUGIN_ID, (locale) => import(`./translations/${locale}.json`)),
};
