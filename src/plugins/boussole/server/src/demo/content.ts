/** The demo compass's own resources and glossary (invented texts, free to reuse). */
const GARDE = 'famille--garde-denfants';
const PARENTALITE = 'famille--soutien-a-la-parentalite-et-a-leducation';
const CONFLITS = 'famille--surmonter-conflits-separation-violence';
const SOINS = 'sante--acces-aux-soins';
export const SORTIR = 'sortir-en-famille';

export const RESOURCES = [
  {
    title: 'Les modes de garde pour les moins de 3 ans',
    kind: 'guide',
    summary: 'Crèche, assistante maternelle, micro-crèche, garde à domicile : comparer les solutions et leur coût.',
    body: 'Il existe plusieurs façons de faire garder un jeune enfant.\n\nLa crèche accueille les enfants en groupe, avec des professionnelles. Le prix dépend de vos revenus.\n\nL’assistante maternelle garde quelques enfants chez elle. Vous êtes son employeur ; la CAF aide à payer une partie du salaire.\n\nLe relais petite enfance de votre commune vous aide gratuitement à choisir.',
    audiences: ['futurs-parents', '0-3-ans'],
    themes: [GARDE],
    source: 'Équipe de la Boussole parentale',
    licence: 'CC BY-SA 4.0',
    inDays: -20,
  },
  {
    title: 'Préparer l’arrivée de bébé : les démarches',
    kind: 'article',
    summary: 'Déclaration de grossesse, CAF, mutuelle, congé : les démarches mois par mois.',
    body: 'Avant la fin du 3e mois, déclarez votre grossesse à la CAF et à l’Assurance maladie.\n\nAu 7e mois, la CAF verse la prime à la naissance si vos revenus ne dépassent pas un plafond.\n\nAprès la naissance, déclarez l’enfant à la mairie dans les 5 jours.',
    audiences: ['futurs-parents'],
    themes: [PARENTALITE, SOINS],
    source: 'Équipe de la Boussole parentale',
    licence: 'CC BY-SA 4.0',
    inDays: -12,
  },
  {
    title: 'Comprendre les colères de son enfant',
    kind: 'video',
    summary:
      'Une psychologue explique en 6 minutes pourquoi les enfants de 2 à 5 ans se mettent en colère, et comment réagir.',
    body: null,
    audiences: ['0-3-ans', '3-6-ans'],
    themes: [PARENTALITE],
    source: 'Maison des familles du Faubourg',
    licence: 'Tous droits réservés, diffusion libre',
    url: 'https://video.example.org/coleres-enfant',
    inDays: -40,
  },
  {
    title: 'Les écrans et les ados : repères pour les parents',
    kind: 'article',
    summary: 'Temps d’écran, réseaux sociaux, jeux vidéo : des repères simples pour en parler en famille.',
    body: 'Parlez de ce que votre ado regarde, sans juger.\n\nFixez ensemble des moments sans écran : les repas, la nuit.\n\nLe Point écoute jeunes et parents reçoit les familles qui s’inquiètent.',
    audiences: ['11-17-ans'],
    themes: [PARENTALITE],
    source: 'Point écoute jeunes et parents',
    licence: 'CC BY 4.0',
    inDays: -5,
  },
  {
    title: 'Se séparer quand on a des enfants',
    kind: 'guide',
    summary: 'Résidence des enfants, pension alimentaire, médiation familiale : ce qu’il faut savoir.',
    body: 'La médiation familiale aide les parents à se mettre d’accord. Le premier entretien est gratuit.\n\nLa CAF peut aider à fixer et à verser la pension alimentaire.',
    audiences: ['tous-les-parents'],
    themes: [CONFLITS],
    source: 'Médiation familiale Métropole',
    licence: 'CC BY-SA 4.0',
    inDays: -60,
  },
  {
    title: 'Calendrier des vaccins de l’enfant',
    kind: 'fichier',
    summary: 'Le calendrier des vaccins obligatoires et recommandés de 0 à 18 ans, à imprimer.',
    body: 'Demandez la version imprimée à votre PMI.',
    audiences: ['0-3-ans', '3-6-ans', '6-11-ans', '11-17-ans'],
    themes: [SOINS],
    source: 'PMI du quartier Wazemmes',
    licence: 'Licence Ouverte 2.0',
    inDays: -90,
  },
  {
    title: 'Sorties gratuites en famille dans la métropole',
    kind: 'article',
    summary: 'Parcs, fermes pédagogiques, musées gratuits le dimanche : des idées pour sortir sans dépenser.',
    body: 'Les parcs de la métropole ont des aires de jeux pour tous les âges.\n\nCertains musées sont gratuits le premier dimanche du mois.',
    audiences: ['tous-les-parents'],
    themes: [SORTIR],
    source: 'Équipe de la Boussole parentale',
    licence: 'CC BY-SA 4.0',
    inDays: -2,
  },
  {
    title: 'Aider son enfant à faire ses devoirs',
    kind: 'guide',
    summary: 'Un coin calme, un horaire régulier, des encouragements : des conseils simples pour les 6-11 ans.',
    body: 'Vous n’avez pas besoin de tout savoir pour aider votre enfant : l’important est de l’encourager.\n\nLes centres sociaux proposent un accompagnement à la scolarité.',
    audiences: ['6-11-ans'],
    themes: [PARENTALITE],
    source: 'Centre social de l’Alma',
    licence: 'CC BY 4.0',
    inDays: -30,
  },
] as const;

export const TERMS = [
  {
    term: 'PMI',
    definition:
      'Protection maternelle et infantile. Un service du Département qui suit gratuitement les futures mamans et les enfants de moins de 6 ans : consultations, vaccins, conseils.',
    themes: [SOINS, PARENTALITE],
    relatedTerms: ['puericultrice', 'carnet-de-sante'],
    relatedSchemes: ['Consultations de nourrissons', 'Bilan de santé à 4 ans'],
    structures: ['PMI du quartier Wazemmes', 'PMI de Roubaix-Est'],
  },
  {
    term: 'RPE (ex-RAM)',
    definition:
      'Relais petite enfance, autrefois appelé relais assistantes maternelles (RAM). Un lieu gratuit où les parents s’informent sur les modes de garde et trouvent une assistante maternelle.',
    themes: [GARDE],
    relatedTerms: ['assistante-maternelle', 'cmg'],
    relatedSchemes: [],
    structures: [
      'Relais petite enfance Lille-Centre',
      'Relais petite enfance de Roubaix',
      'Relais petite enfance de Tourcoing',
    ],
  },
  {
    term: 'CAF',
    definition:
      'Caisse d’allocations familiales. Elle verse les aides aux familles (allocations, aide au logement, prime à la naissance) et finance les crèches et les centres sociaux.',
    themes: [PARENTALITE],
    relatedTerms: ['paje', 'quotient-familial'],
    relatedSchemes: ['Prestation d’accueil du jeune enfant'],
    structures: ['Caisse d’allocations familiales — accueil de Lille'],
  },
  {
    term: 'Congé parental',
    definition:
      'Un arrêt ou une réduction du travail pour s’occuper de son enfant jusqu’à ses 3 ans. La CAF peut verser une aide pendant ce congé, la PreParE.',
    themes: [PARENTALITE],
    relatedTerms: ['caf', 'paje'],
    relatedSchemes: ['Prestation partagée d’éducation de l’enfant (PreParE)'],
    structures: [],
  },
  {
    term: 'PAJE',
    definition:
      'Prestation d’accueil du jeune enfant. L’ensemble des aides de la CAF pour la naissance et les premières années : prime à la naissance, allocation de base, aide pour la garde.',
    themes: [PARENTALITE, GARDE],
    relatedTerms: ['caf', 'cmg'],
    relatedSchemes: [],
    structures: [],
  },
  {
    term: 'CMG',
    definition:
      'Complément de libre choix du mode de garde. Une aide de la CAF pour payer une assistante maternelle ou une garde à domicile.',
    themes: [GARDE],
    relatedTerms: ['paje', 'assistante-maternelle'],
    relatedSchemes: [],
    structures: [],
  },
  {
    term: 'Assistante maternelle',
    definition:
      'Une professionnelle agréée par le Département qui garde chez elle jusqu’à quatre enfants. Les parents sont ses employeurs.',
    themes: [GARDE],
    relatedTerms: ['rpe-ex-ram', 'cmg'],
    relatedSchemes: [],
    structures: [],
  },
  {
    term: 'LAEP',
    definition:
      'Lieu d’accueil enfants-parents. Un espace de jeu et de parole pour les enfants de moins de 6 ans et leurs parents, gratuit, anonyme et sans inscription.',
    themes: [PARENTALITE],
    relatedTerms: [],
    relatedSchemes: [],
    structures: ['Maison des familles du Faubourg'],
  },
  {
    term: 'Médiation familiale',
    definition:
      'Des rencontres avec une personne neutre, le médiateur, pour aider les parents séparés à s’entendre sur la vie des enfants.',
    themes: [CONFLITS],
    relatedTerms: [],
    relatedSchemes: [],
    structures: ['Médiation familiale Métropole'],
  },
  {
    term: 'Quotient familial',
    definition:
      'Un nombre calculé par la CAF à partir des revenus et de la taille de la famille. Il sert à fixer le prix de la crèche, de la cantine ou des loisirs.',
    themes: [PARENTALITE],
    relatedTerms: ['caf'],
    relatedSchemes: [],
    structures: [],
  },
  {
    term: 'Puéricultrice',
    definition:
      'Une infirmière spécialiste des bébés et des jeunes enfants. On la rencontre à la PMI, à la maternité ou à la crèche.',
    themes: [SOINS],
    relatedTerms: ['pmi'],
    relatedSchemes: [],
    structures: [],
  },
  {
    term: 'Carnet de santé',
    definition:
      'Le livret remis à la naissance où les médecins notent les vaccins, la croissance et les examens de l’enfant. Emportez-le à chaque rendez-vous.',
    themes: [SOINS],
    relatedTerms: ['pmi'],
    relatedSchemes: [],
    structures: [],
  },
  {
    term: 'Accompagnement à la scolarité',
    definition:
      'Une aide aux devoirs et des activités après l’école, proposées par les centres sociaux et les associations, avec une place pour les parents.',
    themes: [PARENTALITE],
    relatedTerms: [],
    relatedSchemes: ['CLAS (contrat local d’accompagnement à la scolarité)'],
    structures: ['Centre social de l’Alma'],
  },
  {
    term: 'Espace de rencontre',
    definition:
      'Un lieu neutre où un enfant retrouve le parent avec qui il ne vit pas, quand les rencontres ailleurs sont difficiles.',
    themes: [CONFLITS],
    relatedTerms: ['mediation-familiale'],
    relatedSchemes: [],
    structures: ['Association Familles en Dialogue'],
  },
] as const;
