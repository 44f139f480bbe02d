/**
 * The demo's employment actors and events, written into core's shared directory and agenda:
 * invented structures of Roubaix and Tourcoing (phone numbers in ARCEP's block reserved for
 * fiction, 03 53 74 xx xx; e-mails on example.org). The portal finds them by their themes.
 */
const CANDIDATURE = 'preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation';
const RESEAU = 'preparer-sa-candidature--developper-son-reseau';
const OFFRES = 'trouver-un-emploi--repondre-a-des-offres-demploi';
const ENTRETIEN = 'trouver-un-emploi--convaincre-un-recruteur-en-entretien';
const METIER = 'choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite';
const FORMATION = 'se-former--trouver-sa-formation';
const CREATION = 'creer-une-entreprise--definir-son-projet-de-creation-dentreprise';

export const ACTOR_COMMUNES = [
  { nom: 'Roubaix', code_insee: '59512', code_postal: '59100', lat: 50.6942, lng: 3.1746 },
  { nom: 'Tourcoing', code_insee: '59599', code_postal: '59200', lat: 50.7239, lng: 3.1612 },
] as const;

export interface DemoActorService {
  nom: string;
  description: string;
  type: 'accompagnement' | 'atelier' | 'information' | 'formation';
  thematiques: string[];
  publics: string[];
}

export interface DemoActor {
  nom: string;
  typologie: string;
  reseaux_porteurs: string[];
  commune: 0 | 1;
  adresse: string;
  description: string;
  thematiques: string[];
  horaires_accueil: string;
  /** The schemes it runs, as data·inclusion services. */
  services: DemoActorService[];
}

export const ACTORS: DemoActor[] = [
  {
    nom: 'Agence France Travail de Roubaix Alma (démonstration)',
    typologie: 'France Travail',
    reseaux_porteurs: ['france-travail'],
    commune: 0,
    adresse: '40 boulevard de Belfort',
    description: 'Inscription comme demandeur d’emploi, indemnisation, conseil et offres de la région.',
    thematiques: [OFFRES, ENTRETIEN, FORMATION],
    horaires_accueil: 'Mo-Fr 08:30-12:30; Mo-We 13:30-16:30',
    services: [
      {
        nom: 'Atelier « Réussir son entretien »',
        description: 'Simulation d’entretien filmée, puis conseils personnalisés.',
        type: 'atelier',
        thematiques: [ENTRETIEN],
        publics: ['demandeurs-emploi'],
      },
    ],
  },
  {
    nom: 'Mission Locale Roubaix-Lys (démonstration)',
    typologie: 'Mission Locale',
    reseaux_porteurs: ['mission-locale'],
    commune: 0,
    adresse: '12 rue du Grand Chemin',
    description: 'Accompagnement des 16–25 ans vers l’emploi et la formation : Contrat d’engagement jeune, aides.',
    thematiques: [METIER, FORMATION, OFFRES],
    horaires_accueil: 'Mo-Fr 09:00-12:30,13:30-17:30',
    services: [
      {
        nom: 'Contrat d’engagement jeune',
        description: 'Un accompagnement intensif de 15 à 20 heures par semaine, avec une allocation.',
        type: 'accompagnement',
        thematiques: [METIER, OFFRES],
        publics: ['jeunes'],
      },
    ],
  },
  {
    nom: 'PLIE Roubaix-Tourcoing (démonstration)',
    typologie: 'Plan local pour l’insertion et l’emploi',
    reseaux_porteurs: ['plie'],
    commune: 1,
    adresse: '3 place de la Victoire',
    description: 'Un référent unique accompagne les personnes éloignées de l’emploi jusqu’à six mois après l’embauche.',
    thematiques: [CANDIDATURE, OFFRES],
    horaires_accueil: 'Mo-Th 09:00-12:00,14:00-17:00; Fr 09:00-12:00',
    services: [
      {
        nom: 'Parcours PLIE',
        description:
          'Un suivi régulier avec le même référent, des ateliers et des mises en relation avec des employeurs.',
        type: 'accompagnement',
        thematiques: [CANDIDATURE, OFFRES],
        publics: ['demandeurs-emploi', 'beneficiaires-des-minimas-sociaux'],
      },
    ],
  },
  {
    nom: 'Net’Quartier, entreprise d’insertion (démonstration)',
    typologie: 'Entreprise d’insertion',
    reseaux_porteurs: ['ei'],
    commune: 0,
    adresse: '8 rue de l’Industrie',
    description:
      'Propreté et espaces verts : des contrats d’insertion avec un encadrant technique et une chargée d’insertion.',
    thematiques: [OFFRES, METIER],
    horaires_accueil: 'Mo-Fr 08:00-12:00',
    services: [
      {
        nom: 'Contrats à durée déterminée d’insertion (CDDI)',
        description: 'Un premier emploi de quatre mois à deux ans, avec une formation et un accompagnement.',
        type: 'accompagnement',
        thematiques: [OFFRES],
        publics: ['demandeurs-emploi', 'residents-qpv-frr'],
      },
    ],
  },
  {
    nom: 'Couveuse d’entreprises du Nord (démonstration)',
    typologie: 'Couveuse d’entreprises',
    reseaux_porteurs: ['reseau-bge'],
    commune: 1,
    adresse: '27 rue de Lille',
    description: 'Tester son activité en grandeur réelle avant de créer son entreprise, avec un accompagnement.',
    thematiques: [CREATION],
    horaires_accueil: 'Tu,Th 09:30-12:30,14:00-17:00',
    services: [
      {
        nom: 'Réunion d’information « Créer son activité »',
        description: 'Chaque premier mardi du mois : les étapes, les aides et le test d’activité.',
        type: 'information',
        thematiques: [CREATION],
        publics: ['tous-publics'],
      },
    ],
  },
  {
    nom: 'Organisme de formation Savoirs du Canal (démonstration)',
    typologie: 'Organisme de formation',
    reseaux_porteurs: [],
    commune: 1,
    adresse: '5 quai du Canal',
    description: 'Formations qualifiantes aux métiers de la logistique, du soin et de la propreté, avec stages.',
    thematiques: [FORMATION, METIER],
    horaires_accueil: 'Mo-Fr 09:00-17:00',
    services: [
      {
        nom: 'Préparation aux métiers de la logistique',
        description: 'Huit semaines de formation, dont deux en entreprise, avec le CACES en fin de parcours.',
        type: 'formation',
        thematiques: [FORMATION],
        publics: ['demandeurs-emploi'],
      },
    ],
  },
];

export interface DemoEmploymentEvent {
  titre: string;
  description: string;
  inDays: number;
  hour: number;
  durationHours: number;
  /** Index in {@link ACTORS}: the organiser, whose address is the place. */
  organiser: number;
  thematiques: string[];
  publics: string[];
  inscription?: string;
}

export const EMPLOYMENT_EVENTS: DemoEmploymentEvent[] = [
  {
    titre: 'Job dating de la propreté et des espaces verts',
    description: 'Dix minutes avec chaque employeur, sans CV obligatoire : venez comme vous êtes.',
    inDays: 9,
    hour: 9,
    durationHours: 3,
    organiser: 3,
    thematiques: [OFFRES, ENTRETIEN],
    publics: ['demandeurs-emploi'],
    inscription: 'Sans inscription.',
  },
  {
    titre: 'Atelier CV et lettre de motivation',
    description: 'Refaire son CV avec une conseillère, sur ordinateur ou sur papier. Apportez vos anciens contrats.',
    inDays: 4,
    hour: 14,
    durationHours: 2,
    organiser: 2,
    thematiques: [CANDIDATURE],
    publics: ['demandeurs-emploi'],
    inscription: 'Auprès de l’accueil du centre social.',
  },
  {
    titre: 'Forum de l’emploi et de la formation',
    description: 'Employeurs, organismes de formation et structures d’insertion du territoire réunis une journée.',
    inDays: 30,
    hour: 10,
    durationHours: 6,
    organiser: 0,
    thematiques: [OFFRES, FORMATION, METIER, RESEAU],
    publics: ['tous-publics'],
  },
  {
    titre: 'Réunion « Créer son activité »',
    description: 'Les étapes, les aides et le test d’activité en couveuse.',
    inDays: 16,
    hour: 9,
    durationHours: 2,
    organiser: 4,
    thematiques: [CREATION],
    publics: ['tous-publics'],
  },
];

/** 03 53 74 xx xx: ARCEP's block reserved for fiction, never anyone's number. */
export const fictionalPhone = (index: number) =>
  `03 53 74 ${String(10 + index).padStart(2, '0')} ${String(30 + index).padStart(2, '0')}`;
