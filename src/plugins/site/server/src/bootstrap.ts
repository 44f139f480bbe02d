import type { Core } from '@strapi/strapi';
import { applyFieldLabels, registerAdminActions } from '@csc/plugin-core/toolkit';
import { ACTIONS, ACTION_LABELS, ACTIVITY_UID, NEWS_UID, PAGE_UID, PLUGIN_ID } from '../../shared/permissions';
import { ACTIVITY_LABELS, NEWS_LABELS, PAGE_LABELS } from './labels';
import { getService } from './utils/get-service';
import type { SiteConfig } from './config';

interface StaffRoleService {
  grant(permissions: { action: string; subject: string | null; properties: object; conditions: string[] }[]): void;
  grantContentTypes(uids: string[]): void;
}

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerAdminActions(strapi, PLUGIN_ID, ACTION_LABELS);
  await applyFieldLabels(strapi, ACTIVITY_UID, ACTIVITY_LABELS);
  await applyFieldLabels(strapi, NEWS_UID, NEWS_LABELS);
  await applyFieldLabels(strapi, PAGE_UID, PAGE_LABELS);
  // A centre's team edits its own site: the "Équipe du centre" role gets these at the next start.
  const staffRole = strapi.plugin('core').service('staffRole') as StaffRoleService;
  staffRole.grantContentTypes([ACTIVITY_UID, NEWS_UID, PAGE_UID]);
  staffRole.grant(
    [ACTIONS.read, ACTIONS.rebuild].map((action) => ({ action, subject: null, properties: {}, conditions: [] })),
  );
  const builds = getService(strapi, 'builds');
  builds.registerJob();
  const { autoRebuild } = strapi.config.get(`plugin::${PLUGIN_ID}`) as SiteConfig;
  // After the demo seed (the app's bootstrap runs after the plugins'), on the next tick.
  if (autoRebuild) {
    setImmediate(() => void builds.buildMissing().catch((error: Error) => strapi.log.error(`Site: ${error.message}`)));
    strapi.cron.add({
      'site-nightly-rebuild': {
        task: () => builds.rebuildEveryCentre().catch((error: Error) => strapi.log.error(`Site: ${error.message}`)),
        // Just after midnight in Paris: yesterday's events leave the agenda before anyone looks.
        options: { rule: '5 0 * * *', tz: 'Europe/Paris' },
      },
    });
  }
};

export default bootstrap;
