import type { FieldLabel } from '../../../toolkit';

/** What staff read next to each field of a centre in the content manager. */
export const CENTRE_LABELS: Record<string, FieldLabel> = {
  name: { label: 'Nom du centre', placeholder: 'Centre social des Oliviers' },
  slug: { label: 'Identifiant d’adresse', description: 'Utilisé dans les adresses des sites ; évitez de le changer.' },
  street: { label: 'Adresse', placeholder: '12 rue des Écoles' },
  postalCode: { label: 'Code postal', placeholder: '59000' },
  city: { label: 'Commune', placeholder: 'Lille' },
  latitude: {
    label: 'Latitude',
    description: 'Remplie à partir de l’adresse. Position fausse ? Corrigez-la dans Socle › Géocodage.',
  },
  longitude: { label: 'Longitude', description: 'Remplie à partir de l’adresse.' },
  phone: { label: 'Téléphone de l’accueil', placeholder: '03 20 00 00 00' },
  email: { label: 'E-mail de contact', placeholder: 'accueil@centre-social.fr' },
  website: { label: 'Site internet', placeholder: 'https://' },
  logo: { label: 'Logo' },
  primaryColour: { label: 'Couleur principale', description: 'Format #RRVVBB, par exemple #1d4ed8.' },
  secondaryColour: { label: 'Couleur secondaire', description: 'Format #RRVVBB.' },
  smsSenderName: {
    label: 'Nom d’expéditeur des SMS',
    description: '11 caractères au plus, lettres sans accent et chiffres ; un numéro de mobile n’est pas accepté.',
  },
  openingHours: {
    label: 'Horaires d’ouverture',
    description: 'Syntaxe OpenStreetMap, par exemple : Mo-Fr 09:00-12:00,13:30-18:00; Sa 09:00-12:00; PH off',
  },
  staff: { label: 'Équipe', description: 'Les comptes de l’administration qui travaillent pour ce centre.' },
};
