import { PLUGIN_ID } from './permissions';

export const GROUP_UID = 'plugin::pense-bete.group';
export const GROUP_MEMBER_UID = 'plugin::pense-bete.group-member';
export const NEWS_UID = 'plugin::pense-bete.news';
export const NEWS_DELIVERY_UID = 'plugin::pense-bete.news-delivery';

/** A centre's sending settings (sender name, own OVH account): not for every team member. */
export const SETTINGS_ACTIONS = {
  settings: `plugin::${PLUGIN_ID}.settings`,
} as const;

export const SETTINGS_ACTION_LABELS: Record<string, string> = {
  [SETTINGS_ACTIONS.settings]: 'Régler l’envoi des SMS d’un centre (nom d’expéditeur, compte OVH)',
};

/** The consent a group's member gave to receive that group's news, one purpose per group. */
export const groupConsentPurpose = (groupDocumentId: string) => `pense-bete.group.${groupDocumentId}`;
