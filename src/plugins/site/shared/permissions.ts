export const PLUGIN_ID = 'site';

/** Admin RBAC actions of this plugin, required by name on routes and on the menu link. */
export const ACTIONS = {
  read: `plugin::${PLUGIN_ID}.read`,
  rebuild: `plugin::${PLUGIN_ID}.rebuild`,
} as const;

/** What Settings › Roles shows for each action. */
export const ACTION_LABELS: Record<string, string> = {
  [ACTIONS.read]: 'Voir l’état du site',
  [ACTIONS.rebuild]: 'Reconstruire le site',
};

export const ACTIVITY_UID = `plugin::${PLUGIN_ID}.activity` as const;
export const NEWS_UID = `plugin::${PLUGIN_ID}.news-item` as const;
export const PAGE_UID = `plugin::${PLUGIN_ID}.page` as const;
export const BUILD_STATUS_UID = `plugin::${PLUGIN_ID}.build-status` as const;
/** Types whose publication changes what the site shows. */
export const SITE_CONTENT_UIDS: readonly string[] = [ACTIVITY_UID, NEWS_UID, PAGE_UID];
