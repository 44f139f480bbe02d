export const PLUGIN_ID = 'core';

/** Admin RBAC actions of this plugin, required by name on routes and on the menu link. */
export const ACTIONS = {
  readOverview: `plugin::${PLUGIN_ID}.overview.read`,
} as const;

export const CENTRE_UID = `plugin::${PLUGIN_ID}.centre` as const;
