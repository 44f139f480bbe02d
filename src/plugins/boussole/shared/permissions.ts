export const PLUGIN_ID = 'boussole';

export const COMPASS_UID = `plugin::${PLUGIN_ID}.compass` as const;
export const RESOURCE_UID = `plugin::${PLUGIN_ID}.resource` as const;
export const GLOSSARY_TERM_UID = `plugin::${PLUGIN_ID}.glossary-term` as const;

/** Admin RBAC actions of this plugin, required by name on routes and on the menu link. */
export const ACTIONS = {
  read: `plugin::${PLUGIN_ID}.read`,
  manageCompasses: `plugin::${PLUGIN_ID}.compasses.manage`,
} as const;

/** What Settings › Roles shows for each action. */
export const ACTION_LABELS: Record<string, string> = {
  [ACTIONS.read]: 'Boussole : consulter les boussoles et leurs contributions en attente',
  [ACTIONS.manageCompasses]: 'Boussole : créer et régler les boussoles',
};

/** Users & Permissions actions of the partner routes, given to the « Partenaire » role. */
export const PARTNER_ACTIONS = [
  `plugin::${PLUGIN_ID}.partner.listResources`,
  `plugin::${PLUGIN_ID}.partner.createResources`,
  `plugin::${PLUGIN_ID}.partner.listGlossaryTerms`,
  `plugin::${PLUGIN_ID}.partner.createGlossaryTerms`,
] as const;
