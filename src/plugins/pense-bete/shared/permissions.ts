export const PLUGIN_ID = 'pense-bete';

export const PERSON_UID = 'plugin::pense-bete.person';
export const STEP_TYPE_UID = 'plugin::pense-bete.step-type';
export const STEP_UID = 'plugin::pense-bete.step';
export const REMINDER_UID = 'plugin::pense-bete.reminder';

/** Admin RBAC actions of this plugin, required by name on routes and on the menu link. */
export const ACTIONS = {
  read: `plugin::${PLUGIN_ID}.read`,
  manage: `plugin::${PLUGIN_ID}.manage`,
} as const;

/** What Settings › Roles shows for each action. */
export const ACTION_LABELS: Record<string, string> = {
  [ACTIONS.read]: 'Consulter les personnes accompagnées, leurs démarches et leurs rappels',
  [ACTIONS.manage]: 'Ajouter et modifier les personnes accompagnées et leurs démarches',
};

/** Consent purposes recorded with core, one per channel: no send without the channel's. */
export const CONSENT_PURPOSES = {
  sms: 'pense-bete.sms',
  email: 'pense-bete.email',
} as const;
