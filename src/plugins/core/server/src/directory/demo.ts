import type { Core } from '@strapi/strapi';
import { EVENT_UID, PLACE_UID, SERVICE_UID, STRUCTURE_UID } from '../../../shared/contracts/directory';
import { nextDay, parisInstant, parisToday } from './paris-time';

const STRUCTURES = [
  {
    nom: 'Centre social de démonstration',
    description: 'Accueil, activités pour tous les âges et accompagnement des habitants du quartier.',
    typologie: 'Centre social',
    telephone: '04 78 00 00 00',
    courriel: 'accueil@demo.centre-social.fr',
    adresse: '12 rue des Tilleuls',
    code_postal: '69008',
    commune: 'Lyon',
    code_insee: '69388',
    latitude: 45.7347,
    longitude: 4.8699,
    horaires_accueil: 'Mo-Fr 09:00-12:00,13:30-18:30; Sa 09:00-12:00; PH off',
    thematiques: ['famille--soutien-a-la-parentalite-et-a-leducation', 'numerique--acceder-a-des-services-en-ligne'],
    reseaux_porteurs: ['fcsf', 'caf'],
  },
  {
    nom: 'Association Le Trait d’union',
    description: 'Cours de français pour adultes et aide aux démarches, par des bénévoles formés.',
    typologie: 'Association',
    telephone: '04 78 11 22 33',
    adresse: '3 place du Marché',
    code_postal: '69008',
    commune: 'Lyon',
    code_insee: '69388',
    horaires_accueil: 'Tu,Th 14:00-17:00',
    thematiques: ['lecture-ecriture-calcul--maitriser-le-francais'],
  },
] as const;

const SERVICES = [
  {
    structure: 0,
    nom: 'Permanence numérique',
    description:
      'Une aide pour vos démarches en ligne : CAF, impôts, France Travail, ameli. Venez avec vos identifiants.',
    type: 'accompagnement',
    thematiques: ['numerique--acceder-a-des-services-en-ligne'],
    publics: ['tous-publics'],
    modes_accueil: ['en-presentiel'],
    frais: 'gratuit',
    horaires_accueil: 'We 14:00-17:00',
  },
  {
    structure: 0,
    nom: 'Café des parents',
    description: 'Un moment d’échange entre parents autour d’un café, avec une animatrice famille.',
    type: 'atelier',
    thematiques: ['famille--soutien-a-la-parentalite-et-a-leducation'],
    publics: ['familles'],
    modes_accueil: ['en-presentiel'],
    frais: 'gratuit',
    horaires_accueil: 'Fr 09:00-11:00',
  },
  {
    structure: 1,
    nom: 'Ateliers de français',
    description: 'Apprendre le français à l’oral et à l’écrit, en petits groupes, tous niveaux.',
    type: 'formation',
    thematiques: ['lecture-ecriture-calcul--maitriser-le-francais'],
    publics: ['personnes-exilees', 'familles'],
    modes_accueil: ['en-presentiel'],
    frais: 'payant',
    frais_precisions: 'Adhésion de 10 € par an.',
    horaires_accueil: 'Tu,Th 14:00-16:00',
  },
] as const;

/** A date N days from today in Paris, at a Paris time. */
function inDays(days: number, hour: number, minute = 0): Date {
  let day = parisToday();
  for (let i = 0; i < days; i += 1) day = nextDay(day);
  const [y, m, d] = day.split('-').map(Number);
  return parisInstant(y, m, d, hour, minute);
}

/** Two structures, three services, a place and three upcoming events for the demo centre, published. */
export async function seedDirectoryDemo(strapi: Core.Strapi, centreId: number): Promise<void> {
  const existing = await strapi.documents(STRUCTURE_UID).count({ filters: { centre: { id: centreId } } } as never);
  if (existing > 0) return;
  const publish = async (uid: string, data: Record<string, unknown>) =>
    (await strapi
      .documents(uid as typeof STRUCTURE_UID)
      .create({ data: { ...data, centre: centreId }, status: 'published' } as never)) as { documentId: string };

  const structures = [];
  for (const structure of STRUCTURES) structures.push(await publish(STRUCTURE_UID, { ...structure }));
  for (const { structure, ...service } of SERVICES) {
    await publish(SERVICE_UID, { ...service, structure: structures[structure].documentId });
  }
  const salle = await publish(PLACE_UID, {
    nom: 'Salle polyvalente du centre',
    adresse: '12 rue des Tilleuls',
    code_postal: '69008',
    commune: 'Lyon',
    code_insee: '69388',
    latitude: 45.7347,
    longitude: 4.8699,
    accessibilite: 'De plain-pied, toilettes adaptées.',
  });
  const events = [
    {
      titre: 'Repair café',
      description: 'Apportez un objet en panne : des bénévoles vous aident à le réparer.',
      date_debut: inDays(6, 14),
      date_fin: inDays(6, 17),
      thematiques: ['equipement-et-alimentation--electromenager'],
      publics: ['tous-publics'],
      prix: 'Gratuit',
    },
    {
      titre: 'Atelier smartphone pour les seniors',
      description: 'Photos, messages, appels en vidéo : prendre en main son téléphone.',
      date_debut: inDays(9, 10),
      date_fin: inDays(9, 11, 30),
      recurrence: 'FREQ=WEEKLY;COUNT=4',
      thematiques: ['numerique--maitriser-les-fondamentaux-du-numerique'],
      publics: ['seniors'],
      prix: '2 € la séance',
      inscription: 'À l’accueil ou au 04 78 00 00 00.',
    },
    {
      titre: 'Fête de quartier',
      description: 'Jeux, repas partagé et musique sur la place.',
      date_debut: inDays(20, 0),
      journee_entiere: true,
      publics: ['tous-publics'],
      prix: 'Gratuit',
    },
  ];
  for (const event of events) {
    await publish(EVENT_UID, { ...event, lieu: salle.documentId, organisateur: structures[0].documentId });
  }
}
