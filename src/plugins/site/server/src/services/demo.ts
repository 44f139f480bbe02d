import type { Core } from '@strapi/strapi';
import { CENTRE_UID } from '@csc/plugin-core/shared';
import { ACTIVITY_UID, NEWS_UID, PAGE_UID } from '../../../shared/permissions';

const text = (...paragraphs: string[]) =>
  paragraphs.map((value) => ({ type: 'paragraph', children: [{ type: 'text', text: value }] }));

const ACTIVITIES = [
  {
    title: 'Accueil de loisirs du mercredi',
    slug: 'accueil-de-loisirs-du-mercredi',
    audience: 'enfance',
    summary: 'Jeux, sorties et ateliers pour les 6-11 ans, le mercredi et pendant les vacances.',
    schedule: 'Le mercredi, de 8 h 30 à 18 h',
    place: 'Salle des Tilleuls',
    price: 'Selon le quotient familial, de 2 € à 12 € la journée',
    registration: 'À l’accueil, avec le carnet de santé et l’attestation CAF.',
    description: text('Une équipe d’animateurs diplômés accueille les enfants dans un cadre sûr et joyeux.'),
  },
  {
    title: 'Accompagnement à la scolarité',
    slug: 'accompagnement-a-la-scolarite',
    audience: 'jeunesse',
    summary: 'Aide aux devoirs et ouverture culturelle pour les collégiens.',
    schedule: 'Lundi, mardi et jeudi, de 16 h 30 à 18 h',
    place: 'Espace jeunes',
    price: '10 € l’année',
    registration: 'Rendez-vous avec la référente jeunesse.',
    description: text('Des bénévoles accompagnent chaque jeune, en lien avec les familles et le collège.'),
  },
  {
    title: 'Café des parents',
    slug: 'cafe-des-parents',
    audience: 'familles',
    summary: 'Un moment d’échange entre parents, autour d’un café, avec la référente familles.',
    schedule: 'Un vendredi sur deux, de 9 h à 11 h',
    place: 'Salle polyvalente',
    price: 'Gratuit',
    registration: 'Sans inscription, venez quand vous voulez.',
    description: text('On y parle sommeil, écrans, école… et on repart avec des idées et des contacts.'),
  },
  {
    title: 'Atelier numérique',
    slug: 'atelier-numerique',
    audience: 'adultes',
    summary: 'Apprendre à utiliser son téléphone, ses démarches en ligne et sa messagerie.',
    schedule: 'Le mardi, de 14 h à 16 h',
    place: 'Salle informatique',
    price: 'Adhésion au centre',
    registration: 'À l’accueil ou par téléphone.',
    description: text('Petits groupes, à votre rythme, avec un conseiller numérique.'),
  },
  {
    title: 'Gym douce seniors',
    slug: 'gym-douce-seniors',
    audience: 'seniors',
    summary: 'Garder la forme en douceur, en groupe et dans la bonne humeur.',
    schedule: 'Le jeudi, de 10 h à 11 h',
    place: 'Gymnase municipal',
    price: '30 € le trimestre',
    registration: 'Certificat médical demandé.',
    description: text('Équilibre, souplesse et renforcement, adaptés à chacun.'),
  },
] as const;

const NEWS = [
  {
    title: 'Les inscriptions aux vacances d’hiver sont ouvertes',
    slug: 'inscriptions-vacances-hiver',
    date: '2026-11-20',
    summary: 'Inscrivez vos enfants à l’accueil jusqu’au 12 décembre.',
    body: text('Le programme des vacances est disponible à l’accueil et sur ce site.'),
  },
  {
    title: 'Assemblée générale du centre',
    slug: 'assemblee-generale',
    date: '2026-11-05',
    summary: 'Habitants, bénévoles et partenaires : venez décider avec nous des projets de l’année.',
    body: text('Rendez-vous à la salle polyvalente. Un goûter suivra.'),
  },
] as const;

const PAGES = [
  {
    kind: 'presentation',
    title: 'Qui sommes-nous ?',
    summary: 'Un lieu ouvert à tous les habitants du quartier, pour se rencontrer, apprendre et agir ensemble.',
    body: text('Le centre social est une association gérée par des habitants, agréée par la CAF.'),
  },
  {
    kind: 'equipe',
    title: 'L’équipe et les partenaires',
    summary: 'Salariés, bénévoles et partenaires qui font vivre le centre.',
    body: text('Direction, accueil, référente familles, animateurs enfance et jeunesse, conseiller numérique.'),
  },
] as const;

/** A few published entries for the demo centre, so that its website shows something real. */
const createDemoService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async seed(): Promise<void> {
    const centre = await strapi.db.query(CENTRE_UID).findOne({ where: { slug: 'demonstration' } });
    if (!centre) return;
    const existing = await strapi.documents(ACTIVITY_UID).count({ filters: { centre: { id: centre.id } } } as never);
    if (existing > 0) return;
    const publish = (uid: string, data: Record<string, unknown>) =>
      strapi
        .documents(uid as typeof ACTIVITY_UID)
        .create({ data: { ...data, centre: centre.id }, status: 'published' } as never);
    for (const activity of ACTIVITIES) await publish(ACTIVITY_UID, activity);
    for (const item of NEWS) await publish(NEWS_UID, item);
    for (const page of PAGES) await publish(PAGE_UID, page);
  },
});

export default createDemoService;
