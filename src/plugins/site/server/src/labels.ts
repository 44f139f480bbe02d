import type { FieldLabel } from '@csc/plugin-core/toolkit';

/** What the content manager shows staff for each field. */
export const ACTIVITY_LABELS: Record<string, FieldLabel> = {
  title: { label: 'Titre', placeholder: 'Atelier couture' },
  slug: { label: 'Adresse de la page', description: 'Partie de l’adresse web, créée à partir du titre.' },
  audience: { label: 'Public' },
  summary: { label: 'En bref', description: 'Une ou deux phrases, montrées dans les listes (300 caractères au plus).' },
  description: { label: 'Description' },
  schedule: { label: 'Quand', placeholder: 'Le mardi, de 14 h à 16 h' },
  place: { label: 'Où', placeholder: 'Salle polyvalente' },
  price: { label: 'Tarif', placeholder: 'Gratuit, adhésion au centre…' },
  registration: { label: 'Comment s’inscrire' },
  image: { label: 'Image', description: 'Facultative. Pensez au texte alternatif dans la médiathèque.' },
};

export const NEWS_LABELS: Record<string, FieldLabel> = {
  title: { label: 'Titre' },
  slug: { label: 'Adresse de la page', description: 'Partie de l’adresse web, créée à partir du titre.' },
  date: { label: 'Date' },
  summary: { label: 'En bref', description: 'Une ou deux phrases, montrées dans les listes.' },
  body: { label: 'Texte' },
  image: { label: 'Image' },
};

export const PAGE_LABELS: Record<string, FieldLabel> = {
  kind: {
    label: 'Page',
    description: 'Présentation (accueil), équipe et partenaires, mentions légales, données personnelles ou accès.',
  },
  title: { label: 'Titre' },
  summary: { label: 'En bref' },
  body: { label: 'Texte' },
};
