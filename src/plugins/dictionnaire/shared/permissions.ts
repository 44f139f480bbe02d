export const PLUGIN_ID = 'dictionnaire';

/** Admin RBAC actions of this plugin, required by name on routes and on the menu link. */
export const ACTIONS = {
  read: `plugin::${PLUGIN_ID}.read`,
  manageStructures: `plugin::${PLUGIN_ID}.manage-structures`,
} as const;

/** What Settings › Roles shows for each action. */
export const ACTION_LABELS: Record<string, string> = {
  [ACTIONS.read]: 'Dictionnaire : consulter les mots, les demandes et les structures',
  [ACTIONS.manageStructures]: 'Dictionnaire : valider ou refuser les structures contributrices',
};

export const WORD_UID = `plugin::${PLUGIN_ID}.word` as const;
export const DEFINITION_UID = `plugin::${PLUGIN_ID}.definition` as const;
export const STRUCTURE_UID = `plugin::${PLUGIN_ID}.contributor-structure` as const;
export const REQUEST_UID = `plugin::${PLUGIN_ID}.request` as const;
export const REQUESTER_UID = `plugin::${PLUGIN_ID}.requester` as const;

/** The Users & Permissions role of the accompanying adults (teachers, animators). */
export const CONTRIBUTOR_ROLE = {
  name: 'Contributeur du dictionnaire',
  description:
    'Adultes qui accompagnent un groupe (enseignants, animateurs) : ils prennent en charge les mots demandés et proposent les définitions de leurs groupes.',
  type: 'dictionnaire-contributeur',
} as const;

/** Content-API actions of the contributor routes, granted to that role when it is created. */
export const CONTRIBUTOR_ACTIONS = [
  `plugin::${PLUGIN_ID}.contributor.me`,
  `plugin::${PLUGIN_ID}.contributor.requests`,
  `plugin::${PLUGIN_ID}.contributor.claim`,
  `plugin::${PLUGIN_ID}.contributor.definitions`,
  `plugin::${PLUGIN_ID}.contributor.submit`,
  `plugin::${PLUGIN_ID}.contributor.digest`,
] as const;
