export const PLUGIN_ID = 'site';

/** Admin RBAC actions of this plugin, required by name on routes and on the menu link. */
export const ACTIONS = {
  read: `plugin::${PLUGIN_ID}.read`,
} as const;

/** What Settings › Roles shows for each action. */
export const ACTION_LABELS: Record<string, string> = {
  [ACTIONS.read]: 'Consulter',
};

export const ACTIVITY_UID = `plugin::${PLUGIN_ID}.activity` as const;
export const NEWS_UID = `plugin::${PLUGIN_ID}.news-item` as const;
export const PAGE_UID = `plugin::${PLUGIN_ID}.page` as const;
