/**
 * The demo territory: invented parenting structures of the Lille area (names, addresses and
 * contacts are made up; phone numbers are in ARCEP's block reserved for fiction, 03 53 73 xx xx,
 * e-mails on example.org).
 */
const GARDE = 'famille--garde-denfants';
const PARENTALITE = 'famille--soutien-a-la-parentalite-et-a-leducation';
const CONFLITS = 'famille--surmonter-conflits-separation-violence';
const SOINS = 'sante--acces-aux-soins';
const MENTALE = 'sante--sante-mentale';

export const COMMUNES = [
  { nom: 'Lille', code_insee: '59350', code_postal: '59000', lat: 50.6292, lng: 3.0573 },
  { nom: 'Roubaix', code_insee: '59512', code_postal: '59100', lat: 50.6942, lng: 3.1746 },
  { nom: 'Tourcoing', code_insee: '59599', code_postal: '59200', lat: 50.7239, lng: 3.1612 },
  { nom: 'Villeneuve-d’Ascq', code_insee: '59009', code_postal: '59650', lat: 50.6233, lng: 3.145 },
] as const;

type CommuneIndex = 0 | 1 | 2 | 3;

export interface DemoService {
  nom: string;
  description: string;
  type: 'accompagnement' | 'atelier' | 'information' | 'aide-financiere' | 'formation';
  thematiques: string[];
  publics: string[];
  frais: 'gratuit' | 'payant';
  horaires_accueil?: string;
  /** Children's ages, as core reads them: « 0-3 ans » is 0 and 3 (see core's `AgeRange`). */
  age_min?: number;
  age_max?: number;
}

export interface DemoStructure {
  nom: string;
  typologie: string;
  commune: CommuneIndex;
  adresse: string;
  description: string;
  thematiques: string[];
  horaires_accueil: string;
  services: DemoService[];
}

const service = (
  nom: string,
  description: string,
  type: DemoService['type'],
  thematiques: string[],
  publics: string[] = ['familles'],
  frais: DemoService['frais'] = 'gratuit',
  ages?: readonly [number | undefined, number | undefined],
): DemoService => ({
  nom,
  description,
  type,
  thematiques,
  publics,
  frais,
  ...(ages ? { age_min: ages[0], age_max: ages[1] } : {}),
});

export const STRUCTURES: DemoStructure[] = [
  {
    nom: 'Maison des familles du Faubourg',
    typologie: 'Centre social',
    commune: 0,
    adresse: '14 rue des Tisserands',
    description: 'Accueil des parents et des enfants, ateliers parents-enfants et écoute sans rendez-vous.',
    thematiques: [PARENTALITE],
    horaires_accueil: 'Mo-Fr 09:00-12:00,13:30-18:00',
    services: [
      service(
        'Café des parents',
        'Un moment pour échanger entre parents autour d’un café, chaque vendredi matin.',
        'atelier',
        [PARENTALITE],
      ),
      service(
        'Lieu d’accueil enfants-parents Les Petits Pas',
        'Jeux et rencontres pour les enfants de moins de 4 ans accompagnés d’un parent, sans inscription.',
        'accompagnement',
        [PARENTALITE, GARDE],
        ['familles'],
        'gratuit',
        [0, 4],
      ),
    ],
  },
  {
    nom: 'PMI du quartier Wazemmes',
    typologie: 'Centre de protection maternelle et infantile',
    commune: 0,
    adresse: '3 place de la Nouvelle Aventure',
    description:
      'Consultations gratuites pour les futurs parents et les enfants de moins de 6 ans : suivi, vaccins, conseils.',
    thematiques: [SOINS, PARENTALITE],
    horaires_accueil: 'Mo-Fr 08:30-12:00,13:30-17:00',
    services: [
      service(
        'Consultations de nourrissons',
        'Suivi de la croissance et des vaccins des bébés par une puéricultrice et un médecin.',
        'accompagnement',
        [SOINS],
        ['familles'],
        'gratuit',
        [0, 2],
      ),
      service(
        'Préparation à la naissance',
        'Séances collectives avec une sage-femme pour préparer l’arrivée du bébé.',
        'atelier',
        [SOINS, PARENTALITE],
        ['familles', 'femmes'],
      ),
    ],
  },
  {
    nom: 'Relais petite enfance Lille-Centre',
    typologie: 'Relais petite enfance',
    commune: 0,
    adresse: '27 rue Solférino',
    description: 'Information sur tous les modes de garde et mise en relation avec les assistantes maternelles.',
    thematiques: [GARDE],
    horaires_accueil: 'Tu,Th 09:00-12:00; We 14:00-17:00',
    services: [
      service(
        'Trouver une assistante maternelle',
        'Liste des assistantes maternelles disponibles et aide au contrat de travail.',
        'information',
        [GARDE],
        ['familles'],
        'gratuit',
        [0, 6],
      ),
    ],
  },
  {
    nom: 'Crèche associative Les Lucioles',
    typologie: 'Établissement d’accueil du jeune enfant',
    commune: 0,
    adresse: '8 rue de l’Arbrisseau',
    description: 'Crèche parentale de 20 places pour les enfants de 10 semaines à 3 ans.',
    thematiques: [GARDE],
    horaires_accueil: 'Mo-Fr 07:30-18:30',
    services: [
      service(
        'Accueil régulier et occasionnel',
        'Places à temps plein, à temps partiel ou quelques heures.',
        'accompagnement',
        [GARDE],
        ['familles'],
        'payant',
        [0, 3],
      ),
    ],
  },
  {
    nom: 'Point écoute jeunes et parents',
    typologie: 'Association',
    commune: 0,
    adresse: '52 boulevard Victor-Hugo',
    description: 'Écoute anonyme et gratuite pour les adolescents et leurs parents, avec des psychologues.',
    thematiques: [MENTALE, PARENTALITE],
    horaires_accueil: 'Mo-Fr 14:00-19:00; Sa 10:00-13:00',
    services: [
      service(
        'Écoute des adolescents',
        'Un psychologue reçoit les 11-21 ans, seuls ou avec un parent.',
        'accompagnement',
        [MENTALE],
        ['jeunes'],
        'gratuit',
        [11, 21],
      ),
      service(
        'Groupe de parole de parents d’ados',
        'Un soir par mois, des parents d’adolescents échangent avec une psychologue.',
        'atelier',
        [PARENTALITE],
        ['familles'],
        'gratuit',
        [11, 18],
      ),
    ],
  },
  {
    nom: 'Médiation familiale Métropole',
    typologie: 'Service de médiation familiale',
    commune: 0,
    adresse: '19 rue Nationale',
    description: 'Aider les parents séparés à s’entendre sur l’organisation de la vie des enfants.',
    thematiques: [CONFLITS],
    horaires_accueil: 'Mo-Fr 09:00-17:00',
    services: [
      service(
        'Entretien d’information gratuit',
        'Un premier rendez-vous pour comprendre la médiation familiale.',
        'information',
        [CONFLITS],
      ),
    ],
  },
  {
    nom: 'Ludothèque La Toupie',
    typologie: 'Ludothèque',
    commune: 0,
    adresse: '5 rue du Faubourg de Béthune',
    description: 'Jouer sur place en famille et emprunter des jeux.',
    thematiques: [PARENTALITE],
    horaires_accueil: 'We 10:00-18:00; Sa 10:00-17:00',
    services: [
      service(
        'Jeu en famille',
        'Le mercredi et le samedi, jeux pour tous les âges avec un ludothécaire.',
        'atelier',
        [PARENTALITE],
        ['tous-publics'],
      ),
    ],
  },
  {
    nom: 'Centre social de l’Alma',
    typologie: 'Centre social',
    commune: 1,
    adresse: '21 rue de l’Alma',
    description: 'Accueil de loisirs, accompagnement à la scolarité et actions familles dans le quartier.',
    thematiques: [PARENTALITE],
    horaires_accueil: 'Mo-Fr 09:00-12:00,13:30-18:30',
    services: [
      service(
        'Accompagnement à la scolarité',
        'Aide aux devoirs pour les 6-11 ans, avec un temps d’échange avec les parents.',
        'accompagnement',
        [PARENTALITE],
        ['familles'],
        'gratuit',
        [6, 11],
      ),
      service(
        'Sorties familles',
        'Une sortie par mois à petit prix, choisie avec les familles.',
        'atelier',
        [PARENTALITE],
        ['familles'],
        'payant',
      ),
    ],
  },
  {
    nom: 'PMI de Roubaix-Est',
    typologie: 'Centre de protection maternelle et infantile',
    commune: 1,
    adresse: '40 avenue Jean-Lebas',
    description: 'Consultations pour les enfants de moins de 6 ans et accompagnement des futurs parents.',
    thematiques: [SOINS, PARENTALITE],
    horaires_accueil: 'Mo-Fr 08:30-12:00,13:30-17:00',
    services: [
      service(
        'Visite à domicile après la naissance',
        'Une puéricultrice vient à la maison dans les semaines qui suivent la naissance.',
        'accompagnement',
        [SOINS, PARENTALITE],
      ),
    ],
  },
  {
    nom: 'Relais petite enfance de Roubaix',
    typologie: 'Relais petite enfance',
    commune: 1,
    adresse: '2 rue du Grand Chemin',
    description: 'Information des parents sur les modes de garde, ateliers d’éveil pour les assistantes maternelles.',
    thematiques: [GARDE],
    horaires_accueil: 'Mo,Tu,Th 09:00-12:00,14:00-17:00',
    services: [service('Permanence modes de garde', 'Sans rendez-vous le lundi après-midi.', 'information', [GARDE])],
  },
  {
    nom: 'Association Parents Solidaires Roubaix',
    typologie: 'Association',
    commune: 1,
    adresse: '77 rue de Lannoy',
    description: 'Entraide entre parents : bourse aux vêtements d’enfants, groupes de parole, ateliers cuisine.',
    thematiques: [PARENTALITE],
    horaires_accueil: 'Tu,Th 14:00-18:00',
    services: [
      service(
        'Bourse aux vêtements d’enfants',
        'Vêtements de 0 à 12 ans à tout petits prix, le premier samedi du mois.',
        'aide-financiere',
        [PARENTALITE],
        ['tous-publics'],
        'gratuit',
        [0, 12],
      ),
    ],
  },
  {
    nom: 'Espace santé jeunes de Roubaix',
    typologie: 'Point accueil écoute jeunes',
    commune: 1,
    adresse: '9 place de la Liberté',
    description: 'Informations et consultations pour les 12-25 ans : santé, relations, mal-être.',
    thematiques: [MENTALE, SOINS],
    horaires_accueil: 'Mo-Fr 13:00-18:00',
    services: [
      service(
        'Consultation jeunes sans rendez-vous',
        'Une infirmière et une psychologue reçoivent les jeunes, gratuitement.',
        'accompagnement',
        [MENTALE],
        ['jeunes'],
        'gratuit',
        [12, 25],
      ),
    ],
  },
  {
    nom: 'Micro-crèche Les Petits Explorateurs',
    typologie: 'Micro-crèche',
    commune: 1,
    adresse: '15 rue Pierre-de-Roubaix',
    description: 'Dix places pour les enfants de 3 mois à 3 ans, ouverte tôt le matin.',
    thematiques: [GARDE],
    horaires_accueil: 'Mo-Fr 06:30-19:00',
    services: [
      service(
        'Accueil en horaires décalés',
        'Pour les parents qui commencent tôt ou finissent tard.',
        'accompagnement',
        [GARDE],
        ['familles'],
        'payant',
        [0, 3],
      ),
    ],
  },
  {
    nom: 'Maison de quartier du Pont-Rompu',
    typologie: 'Centre social',
    commune: 2,
    adresse: '6 rue du Pont-Rompu',
    description: 'Activités parents-enfants, aide aux devoirs et permanences d’accès aux droits.',
    thematiques: [PARENTALITE],
    horaires_accueil: 'Mo-Fr 09:00-12:00,14:00-18:00',
    services: [
      service(
        'Atelier parents-enfants du mercredi',
        'Peinture, cuisine, jeux : un atelier à partager avec son enfant de 3 à 10 ans.',
        'atelier',
        [PARENTALITE],
        ['familles'],
        'gratuit',
        [3, 10],
      ),
      service(
        'Permanence CAF',
        'Un agent aide à faire les démarches en ligne de la CAF.',
        'information',
        [PARENTALITE],
        ['familles'],
      ),
    ],
  },
  {
    nom: 'PMI de Tourcoing-Centre',
    typologie: 'Centre de protection maternelle et infantile',
    commune: 2,
    adresse: '30 rue de Lille',
    description: 'Suivi des grossesses, des nourrissons et des jeunes enfants, conseils d’allaitement.',
    thematiques: [SOINS, PARENTALITE],
    horaires_accueil: 'Mo-Fr 08:30-12:00,13:30-17:00',
    services: [
      service(
        'Soutien à l’allaitement',
        'Une consultante en lactation reçoit les mamans le jeudi.',
        'accompagnement',
        [SOINS],
        ['femmes', 'familles'],
      ),
    ],
  },
  {
    nom: 'Relais petite enfance de Tourcoing',
    typologie: 'Relais petite enfance',
    commune: 2,
    adresse: '11 place de la Victoire',
    description: 'Trouver un mode de garde, comprendre les aides de la CAF pour la garde.',
    thematiques: [GARDE],
    horaires_accueil: 'Mo-Fr 09:00-12:00',
    services: [
      service(
        'Atelier « Employer une assistante maternelle »',
        'Contrat, salaire, aides : tout comprendre en une matinée.',
        'atelier',
        [GARDE],
      ),
    ],
  },
  {
    nom: 'Accueil de loisirs Les Castors',
    typologie: 'Accueil collectif de mineurs',
    commune: 2,
    adresse: '44 rue de Mouvaux',
    description: 'Accueil des 3-12 ans les mercredis et pendant les vacances.',
    thematiques: [GARDE, PARENTALITE],
    horaires_accueil: 'We 08:00-18:00',
    services: [
      service(
        'Mercredis récréatifs',
        'Activités, repas et sorties le mercredi, tarif selon le quotient familial.',
        'accompagnement',
        [GARDE],
        ['familles'],
        'payant',
        [3, 12],
      ),
    ],
  },
  {
    nom: 'Association Familles en Dialogue',
    typologie: 'Association',
    commune: 2,
    adresse: '3 rue Nationale',
    description: 'Soutien aux familles traversant une séparation ou des conflits, espace de rencontre parent-enfant.',
    thematiques: [CONFLITS],
    horaires_accueil: 'We,Sa 10:00-18:00',
    services: [
      service(
        'Espace de rencontre',
        'Un lieu neutre pour que l’enfant voie le parent avec qui il ne vit pas.',
        'accompagnement',
        [CONFLITS],
      ),
    ],
  },
  {
    nom: 'Centre social du Triolo',
    typologie: 'Centre social',
    commune: 3,
    adresse: '1 rue Trudaine',
    description: 'Actions familles, accueil de loisirs et ateliers pour les parents.',
    thematiques: [PARENTALITE],
    horaires_accueil: 'Mo-Fr 09:00-12:00,13:30-18:00',
    services: [
      service(
        'Atelier « Parents zen »',
        'Trouver des repères face aux colères et au sommeil des tout-petits.',
        'atelier',
        [PARENTALITE],
        ['familles'],
        'gratuit',
        [0, 6],
      ),
      service(
        'Aide aux vacances familiales',
        'Préparer un départ en vacances avec les aides de la CAF.',
        'accompagnement',
        [PARENTALITE],
        ['familles'],
      ),
    ],
  },
  {
    nom: 'PMI de Villeneuve-d’Ascq',
    typologie: 'Centre de protection maternelle et infantile',
    commune: 3,
    adresse: '12 chemin du Chat-Botté',
    description: 'Consultations gratuites pour les moins de 6 ans et suivi des futures mamans.',
    thematiques: [SOINS, PARENTALITE],
    horaires_accueil: 'Mo-Fr 08:30-12:00,13:30-17:00',
    services: [
      service(
        'Bilans de santé en école maternelle',
        'Dépistages de la vue, de l’audition et du langage à 4 ans.',
        'accompagnement',
        [SOINS],
        ['familles'],
        'gratuit',
        [4, 4],
      ),
    ],
  },
  {
    nom: 'Multi-accueil Pousse-Pousse',
    typologie: 'Établissement d’accueil du jeune enfant',
    commune: 3,
    adresse: '25 avenue du Pont-de-Bois',
    description: 'Accueil régulier et occasionnel des enfants de 2 mois et demi à 4 ans.',
    thematiques: [GARDE],
    horaires_accueil: 'Mo-Fr 07:30-18:30',
    services: [
      service(
        'Halte-garderie',
        'Quelques heures par semaine, pour souffler ou aller à un rendez-vous.',
        'accompagnement',
        [GARDE],
        ['familles'],
        'payant',
        [0, 4],
      ),
    ],
  },
  {
    nom: 'Maison des adolescents de la Métropole',
    typologie: 'Maison des adolescents',
    commune: 3,
    adresse: '8 rue de la Recherche',
    description: 'Accueil, écoute et orientation des 11-21 ans et de leurs parents.',
    thematiques: [MENTALE, PARENTALITE],
    horaires_accueil: 'Mo-Fr 10:00-19:00',
    services: [
      service(
        'Accueil des parents d’adolescents',
        'Un professionnel reçoit les parents inquiets, avec ou sans leur ado.',
        'accompagnement',
        [PARENTALITE],
        ['familles'],
        'gratuit',
        [11, 21],
      ),
    ],
  },
  {
    nom: 'Bibliothèque jeunesse du Hautmont',
    typologie: 'Bibliothèque',
    commune: 3,
    adresse: '2 place du Hautmont',
    description: 'Livres, comptines et heures du conte pour les tout-petits et leurs parents.',
    thematiques: [PARENTALITE],
    horaires_accueil: 'Tu-Sa 10:00-18:00',
    services: [
      service(
        'Bébés lecteurs',
        'Comptines et albums pour les 0-3 ans, un samedi sur deux.',
        'atelier',
        [PARENTALITE],
        ['familles'],
        'gratuit',
        [0, 3],
      ),
    ],
  },
  {
    nom: 'Caisse d’allocations familiales — accueil de Lille',
    typologie: 'Organisme de sécurité sociale',
    commune: 0,
    adresse: '82 rue Brûle-Maison',
    description: 'Accueil sur rendez-vous pour les prestations familiales, le logement et la naissance.',
    thematiques: [PARENTALITE, GARDE],
    horaires_accueil: 'Mo-Fr 08:30-16:30',
    services: [
      service(
        'Rendez-vous « Naissance »',
        'Faire le point sur les aides à la naissance et le congé parental.',
        'information',
        [PARENTALITE],
        ['familles'],
      ),
    ],
  },
];

/** Structures of other themes on the same territory: a second compass (health) shows some of them. */
export const OTHER_STRUCTURES: DemoStructure[] = [
  {
    nom: 'Centre de santé du Nouveau Roubaix',
    typologie: 'Centre de santé',
    commune: 1,
    adresse: '120 boulevard de Belfort',
    description: 'Médecins généralistes, infirmières et dentistes, en tiers payant.',
    thematiques: [SOINS],
    horaires_accueil: 'Mo-Fr 08:00-19:00; Sa 08:00-12:00',
    services: [
      service(
        'Consultations de médecine générale',
        'Avec ou sans rendez-vous, tiers payant.',
        'accompagnement',
        [SOINS],
        ['tous-publics'],
        'payant',
      ),
    ],
  },
  {
    nom: 'Permanence logement de Tourcoing',
    typologie: 'Association',
    commune: 2,
    adresse: '18 rue des Anges',
    description: 'Aide pour les dossiers de logement social et les impayés de loyer.',
    thematiques: ['logement-hebergement--reduire-les-impayes-de-loyer'],
    horaires_accueil: 'Tu,Th 09:00-12:00',
    services: [
      service(
        'Prévention des impayés',
        'Un conseiller examine la situation et propose des solutions.',
        'accompagnement',
        ['logement-hebergement--reduire-les-impayes-de-loyer'],
        ['tous-publics'],
      ),
    ],
  },
];

export const PLACES = [
  {
    nom: 'Salle des fêtes du Faubourg',
    commune: 0,
    adresse: '16 rue des Tisserands',
    accessibilite: 'De plain-pied, place pour les poussettes.',
  },
  {
    nom: 'Médiathèque de l’Alma',
    commune: 1,
    adresse: '25 rue de l’Alma',
    accessibilite: 'Ascenseur, toilettes adaptées.',
  },
  {
    nom: 'Parc de Tourcoing — kiosque',
    commune: 2,
    adresse: 'Parc Clemenceau, avenue de la Fin de la Guerre',
    accessibilite: 'Allées en dur, bancs.',
  },
  {
    nom: 'Ferme pédagogique du Héron',
    commune: 3,
    adresse: 'Chemin de la Ferme',
    accessibilite: 'Chemins en terre : poussettes tout-terrain conseillées.',
  },
] as const;

export interface DemoEvent {
  titre: string;
  description: string;
  inDays: number;
  hour: number;
  durationHours: number;
  place: number;
  organiser: number;
  thematiques: string[];
  publics: string[];
  prix: string;
  recurrence?: string;
  journee_entiere?: boolean;
  inscription?: string;
  age_min?: number;
  age_max?: number;
}

export const EVENTS: DemoEvent[] = [
  {
    titre: 'Café des parents : le sommeil des tout-petits',
    description: 'Échanges avec une puéricultrice de la PMI.',
    inDays: 3,
    hour: 9,
    durationHours: 2,
    place: 0,
    organiser: 0,
    thematiques: [PARENTALITE],
    publics: ['familles'],
    age_min: 0,
    age_max: 3,
    prix: 'Gratuit',
  },
  {
    titre: 'Atelier massage bébé',
    description: 'Quatre séances pour apprendre les gestes du massage avec son bébé de 1 à 9 mois.',
    inDays: 6,
    hour: 10,
    durationHours: 1.5,
    place: 0,
    organiser: 1,
    thematiques: [PARENTALITE, SOINS],
    publics: ['familles'],
    age_min: 0,
    age_max: 1,
    prix: 'Gratuit',
    recurrence: 'FREQ=WEEKLY;COUNT=4',
    inscription: 'Auprès de la PMI du quartier Wazemmes.',
  },
  {
    titre: 'Forum des modes de garde',
    description: 'Crèches, assistantes maternelles, relais : rencontrer tous les modes de garde en une matinée.',
    inDays: 12,
    hour: 9,
    durationHours: 3,
    place: 0,
    organiser: 2,
    thematiques: [GARDE],
    publics: ['familles'],
    age_min: 0,
    age_max: 6,
    prix: 'Gratuit',
  },
  {
    titre: 'Soirée « Parents d’ados : les écrans »',
    description: 'Une psychologue répond aux questions des parents sur les écrans et les réseaux sociaux.',
    inDays: 16,
    hour: 18,
    durationHours: 2,
    place: 1,
    organiser: 4,
    thematiques: [PARENTALITE],
    publics: ['familles'],
    age_min: 11,
    age_max: 18,
    prix: 'Gratuit',
  },
  {
    titre: 'Heure du conte des bébés lecteurs',
    description: 'Comptines et albums pour les 0-3 ans.',
    inDays: 5,
    hour: 10,
    durationHours: 1,
    place: 3,
    organiser: 22,
    thematiques: [PARENTALITE],
    publics: ['familles'],
    age_min: 0,
    age_max: 3,
    prix: 'Gratuit',
    recurrence: 'FREQ=WEEKLY;INTERVAL=2;COUNT=8',
  },
  {
    titre: 'Sortie familles à la ferme',
    description: 'Découvrir les animaux de la ferme en famille, pique-nique tiré du sac.',
    inDays: 24,
    hour: 10,
    durationHours: 6,
    place: 3,
    organiser: 7,
    thematiques: [PARENTALITE],
    publics: ['familles'],
    prix: '2 € par personne',
    inscription: 'À l’accueil du centre social de l’Alma.',
  },
  {
    titre: 'Atelier « Préparer l’arrivée de bébé »',
    description: 'Démarches, aides de la CAF, congé parental : une matinée pour s’y retrouver.',
    inDays: 30,
    hour: 9,
    durationHours: 3,
    place: 0,
    organiser: 23,
    thematiques: [PARENTALITE],
    publics: ['familles', 'femmes'],
    prix: 'Gratuit',
  },
  {
    titre: 'Fête du jeu en famille',
    description: 'Jeux géants, jeux de société et coin des tout-petits.',
    inDays: 38,
    hour: 0,
    durationHours: 0,
    place: 2,
    organiser: 6,
    thematiques: [PARENTALITE],
    publics: ['tous-publics'],
    prix: 'Gratuit',
    journee_entiere: true,
  },
  {
    titre: 'Groupe de parole : parents séparés',
    description: 'Un groupe animé par une médiatrice familiale, pour parler de l’organisation avec les enfants.',
    inDays: 20,
    hour: 18,
    durationHours: 2,
    place: 2,
    organiser: 17,
    thematiques: [CONFLITS],
    publics: ['familles'],
    prix: 'Gratuit',
    recurrence: 'FREQ=MONTHLY;BYDAY=2TU;COUNT=6',
  },
  {
    titre: 'Atelier cuisine parents-enfants',
    description: 'Cuisiner un goûter équilibré avec son enfant de 3 à 10 ans.',
    inDays: 45,
    hour: 14,
    durationHours: 2,
    place: 1,
    organiser: 10,
    thematiques: [PARENTALITE],
    publics: ['familles'],
    age_min: 3,
    age_max: 10,
    prix: '1 €',
  },
  {
    titre: 'Réunion d’information sur l’allaitement',
    description: 'Avec la consultante en lactation de la PMI.',
    inDays: 52,
    hour: 14,
    durationHours: 2,
    place: 2,
    organiser: 14,
    thematiques: [SOINS],
    publics: ['femmes', 'familles'],
    prix: 'Gratuit',
  },
  {
    titre: 'Matinée éveil musical 0-3 ans',
    description: 'Instruments et chansons avec une musicienne, pour les tout-petits et leurs parents.',
    inDays: 60,
    hour: 10,
    durationHours: 1,
    place: 3,
    organiser: 18,
    thematiques: [PARENTALITE],
    publics: ['familles'],
    age_min: 0,
    age_max: 3,
    prix: 'Gratuit',
  },
  {
    titre: 'Conférence « Les émotions de l’enfant »',
    description: 'Comprendre les colères et les peurs des 3-6 ans.',
    inDays: 75,
    hour: 19,
    durationHours: 2,
    place: 0,
    organiser: 18,
    thematiques: [PARENTALITE],
    publics: ['familles'],
    age_min: 3,
    age_max: 6,
    prix: 'Gratuit',
  },
  {
    titre: 'Bourse aux vêtements d’enfants',
    description: 'Vêtements et jouets de 0 à 12 ans à petits prix.',
    inDays: 9,
    hour: 9,
    durationHours: 4,
    place: 1,
    organiser: 10,
    thematiques: [PARENTALITE],
    publics: ['tous-publics'],
    age_min: 0,
    age_max: 12,
    prix: 'Entrée libre',
    recurrence: 'FREQ=MONTHLY;BYDAY=1SA;COUNT=6',
  },
  {
    titre: 'Journée portes ouvertes du relais petite enfance',
    description: 'Rencontrer les animatrices et les assistantes maternelles de Tourcoing.',
    inDays: 90,
    hour: 9,
    durationHours: 8,
    place: 2,
    organiser: 15,
    thematiques: [GARDE],
    publics: ['familles'],
    prix: 'Gratuit',
  },
];
