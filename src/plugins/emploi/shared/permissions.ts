export const PLUGIN_ID = 'emploi';

export const OFFER_UID = `plugin::${PLUGIN_ID}.offer` as const;
export const EMPLOYER_UID = `plugin::${PLUGIN_ID}.employer` as const;

/** Admin RBAC actions of this plugin, required by name on routes and on the menu link. */
export const ACTIONS = {
  read: `plugin::${PLUGIN_ID}.read`,
  members: `plugin::${PLUGIN_ID}.members`,
} as const;

/** What Settings › Roles shows for each action. */
export const ACTION_LABELS: Record<string, string> = {
  [ACTIONS.read]: 'Emploi : consulter les offres et les employeurs',
  [ACTIONS.members]: 'Emploi : créer les profils avec les habitants et les comptes des référents',
};

/** Users & Permissions actions of the partner routes, given to core's « Partenaire » role. */
export const PARTNER_ACTIONS = [
  `plugin::${PLUGIN_ID}.partner.listOffers`,
  `plugin::${PLUGIN_ID}.partner.createOffer`,
] as const;

/** The Users & Permissions role of employers' accounts. */
export const EMPLOYER_ROLE = {
  name: 'Employeur',
  description:
    'Entreprises et employeurs du territoire : une fois leur fiche validée par le centre, ils proposent des offres d’emploi, relues avant publication.',
  type: 'emploi-employeur',
} as const;

/** Content-API actions of the employer routes, granted to that role when it is created. */
export const EMPLOYER_ACTIONS = [
  `plugin::${PLUGIN_ID}.employer.listOffers`,
  `plugin::${PLUGIN_ID}.employer.createOffer`,
] as const;

export const CANDIDATE_UID = `plugin::${PLUGIN_ID}.candidate` as const;
export const POSITIONING_UID = `plugin::${PLUGIN_ID}.positioning` as const;
export const CV_UID = `plugin::${PLUGIN_ID}.cv` as const;
export const MESSAGE_UID = `plugin::${PLUGIN_ID}.message` as const;
export const SESSION_UID = `plugin::${PLUGIN_ID}.session` as const;
export const GROUP_MESSAGE_UID = `plugin::${PLUGIN_ID}.group-message` as const;
export const DELIVERY_UID = `plugin::${PLUGIN_ID}.delivery` as const;
export const PASSWORD_LINK_UID = `plugin::${PLUGIN_ID}.password-link` as const;
export const REFERENT_CENTRE_UID = `plugin::${PLUGIN_ID}.referent-centre` as const;

/**
 * The Users & Permissions role of candidates' accounts. It holds no content-API action: the
 * members' routes authenticate by the session cookie themselves (see `members/session.ts`).
 */
export const CANDIDATE_ROLE = {
  name: 'Candidat',
  description: 'Habitants qui cherchent un emploi : leur profil, visible sans coordonnées par les employeurs validés.',
  type: 'emploi-candidat',
} as const;

/**
 * The Users & Permissions role of referents: a member of the team or a partner's counsellor who
 * follows candidates, answers employers and writes with them. No content-API action either.
 */
export const REFERENT_ROLE = {
  name: 'Référent emploi',
  description:
    'Professionnels qui accompagnent des candidats : ils voient les positionnements reçus par leurs candidats, y répondent avec eux et leur écrivent.',
  type: 'emploi-referent',
} as const;
