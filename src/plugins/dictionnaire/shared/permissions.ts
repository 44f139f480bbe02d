export const PLUGIN_ID = 'dictionnaire';

/** Admin RBAC actions of this plugin, required by name on routes and on the menu link. */
export const ACTIONS = {
  read: `plugin::${PLUGIN_ID}.read`,
} as const;

/** What Settings › Roles shows for each action. */
export const ACTION_LABELS: Record<string, string> = {
  [ACTIONS.read]: 'Consulter',
};
