export const PLUGIN_ID = 'core';

/** Admin RBAC actions of this plugin, required by name on routes and on the menu link. */
export const ACTIONS = {
  readOverview: `plugin::${PLUGIN_ID}.overview.read`,
  readAudit: `plugin::${PLUGIN_ID}.audit.read`,
  managePersonalData: `plugin::${PLUGIN_ID}.gdpr.manage`,
  manageGeocoding: `plugin::${PLUGIN_ID}.geocoding.manage`,
  readMail: `plugin::${PLUGIN_ID}.mail.read`,
  readModeration: `plugin::${PLUGIN_ID}.moderation.read`,
  decideModeration: `plugin::${PLUGIN_ID}.moderation.decide`,
  readSms: `plugin::${PLUGIN_ID}.sms.read`,
  readOutbox: `plugin::${PLUGIN_ID}.outbox.read`,
  manageOutbox: `plugin::${PLUGIN_ID}.outbox.manage`,
  importDirectory: `plugin::${PLUGIN_ID}.directory.import`,
  sendCorrectionLink: `plugin::${PLUGIN_ID}.directory.correction-link`,
} as const;

/** What Settings › Roles shows for each action. */
export const ACTION_LABELS: Record<string, string> = {
  [ACTIONS.readOverview]: 'Voir la vue d’ensemble',
  [ACTIONS.readAudit]: 'Consulter le journal d’activité',
  [ACTIONS.managePersonalData]: 'Exporter et effacer les données d’une personne',
  [ACTIONS.manageGeocoding]: 'Géocodage : vérifier une adresse et corriger sa position',
  [ACTIONS.readMail]: 'Lire les e-mails capturés',
  [ACTIONS.readModeration]: 'Consulter la file de modération',
  [ACTIONS.decideModeration]: 'Accepter, refuser ou faire modifier les contributions',
  [ACTIONS.readSms]: 'Consulter les SMS envoyés',
  [ACTIONS.readOutbox]: 'Consulter la file d’attente des tâches',
  [ACTIONS.manageOutbox]: 'Relancer ou abandonner les tâches en échec',
  [ACTIONS.importDirectory]: 'Annuaire : importer des structures et des services',
  [ACTIONS.sendCorrectionLink]: 'Annuaire : envoyer à une structure un lien pour corriger sa fiche',
};

export const CENTRE_UID = `plugin::${PLUGIN_ID}.centre` as const;
export const AUDIT_UID = `plugin::${PLUGIN_ID}.audit-entry` as const;
export const CONSENT_UID = `plugin::${PLUGIN_ID}.consent` as const;
export const GEOCODING_CACHE_UID = `plugin::${PLUGIN_ID}.geocoding-cache` as const;
export const GEOCODING_OVERRIDE_UID = `plugin::${PLUGIN_ID}.geocoding-override` as const;
export const CAPTURED_EMAIL_UID = `plugin::${PLUGIN_ID}.captured-email` as const;
export const MODERATION_ITEM_UID = `plugin::${PLUGIN_ID}.moderation-item` as const;
export const REPORT_UID = `plugin::${PLUGIN_ID}.report` as const;
export const SMS_RECEIPT_UID = `plugin::${PLUGIN_ID}.sms-receipt` as const;
export const SMS_ACCOUNT_UID = `plugin::${PLUGIN_ID}.sms-account` as const;

/**
 * The Users & Permissions role of partner structures' accounts (created by core's bootstrap). Its
 * `type` lets a product recognise a partner's account, e.g. to open it a members' space.
 */
export const PARTNER_ROLE = {
  name: 'Partenaire',
  description:
    'Structures partenaires du territoire : elles proposent leurs fiches, services et événements, relus par l’équipe du centre avant publication.',
  type: 'partenaire',
} as const;

/** The admin RBAC condition limiting a permission to the user's own centres. */
export const SAME_CENTRE_CONDITION = `plugin::${PLUGIN_ID}.same-centre` as const;
