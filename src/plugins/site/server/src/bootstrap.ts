import type { Core } from '@strapi/strapi';
import { applyFieldLabels, registerAdminActions } from '@csc/plugin-core/toolkit';
import { ACTION_LABELS, ACTIVITY_UID, NEWS_UID, PAGE_UID, PLUGIN_ID } from '../../shared/permissions';
import { ACTIVITY_LABELS, NEWS_LABELS, PAGE_LABELS } from './labels';
import { getService } from './utils/get-service';
import type { SiteConfig } from './config';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerAdminActions(strapi, PLUGIN_ID, ACTION_LABELS);
  await applyFieldLabels(strapi, ACTIVITY_UID, ACTIVITY_LABELS);
  await applyFieldLabels(strapi, NEWS_UID, NEWS_LABELS);
  await applyFieldLabels(strapi, PAGE_UID, PAGE_LABELS);
  const builds = getService(strapi, 'builds');
  builds.registerJob();
  const { autoRebuild } = strapi.config.get(`plugin::${PLUGIN_ID}`) as SiteConfig;
  // After the demo seed (the app's bootstrap runs after the plugins'), on the next tick.
  if (autoRebuild)
    setImmediate(() => void builds.buildMissing().catch((error: Error) => strapi.log.error(`Site: ${error.message}`)));
};

export default bootstrap;
