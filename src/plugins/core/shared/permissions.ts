export const PLUGIN_ID = 'core';

/** Admin RBAC actions of this plugin, required by name on routes and on the menu link. */
export const ACTIONS = {
  readOverview: `plugin::${PLUGIN_ID}.overview.read`,
  readAudit: `plugin::${PLUGIN_ID}.audit.read`,
  managePersonalData: `plugin::${PLUGIN_ID}.gdpr.manage`,
  readOutbox: `plugin::${PLUGIN_ID}.outbox.read`,
  manageOutbox: `plugin::${PLUGIN_ID}.outbox.manage`,
} as const;

/** What Settings › Roles shows for each action. */
export const ACTION_LABELS: Record<string, string> = {
  [ACTIONS.readOverview]: 'Voir la vue d’ensemble',
  [ACTIONS.readAudit]: 'Consulter le journal d’activité',
  [ACTIONS.managePersonalData]: 'Exporter et effacer les données d’une personne',
  [ACTIONS.readOutbox]: 'Consulter la file d’attente des tâches',
  [ACTIONS.manageOutbox]: 'Relancer ou abandonner les tâches en échec',
};

export const CENTRE_UID = `plugin::${PLUGIN_ID}.centre` as const;
export const AUDIT_UID = `plugin::${PLUGIN_ID}.audit-entry` as const;
export const CONSENT_UID = `plugin::${PLUGIN_ID}.consent` as const;

/** The admin RBAC condition limiting a permission to the user's own centres. */
export const SAME_CENTRE_CONDITION = `plugin::${PLUGIN_ID}.same-centre` as const;
