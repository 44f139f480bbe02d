import type { Core } from '@strapi/strapi';
import { applyFieldLabels, type FieldLabel } from '../../../toolkit';
import { EVENT_UID, PLACE_UID, SERVICE_UID, STRUCTURE_UID } from '../../../shared/contracts/directory';

const HOURS = 'Syntaxe OpenStreetMap, par exemple : Mo-Fr 09:00-12:00,13:30-18:00; Sa 09:00-12:00; PH off';
const THEMES =
  'Liste data·inclusion, entre crochets et guillemets, par exemple ["famille--soutien-a-la-parentalite-et-a-leducation"].';
const AUDIENCES = 'Liste data·inclusion, par exemple ["familles", "seniors"] ou ["tous-publics"] seul.';

/** Read as programmes write them, see `AgeRange` in the shared contracts. */
const AGES: Record<string, FieldLabel> = {
  age_min: {
    label: 'Âge minimum des enfants (ans)',
    description: 'Facultatif, de 0 à 25 : dès cet âge. Vide : dès la naissance.',
  },
  age_max: {
    label: 'Âge maximum des enfants (ans)',
    description:
      'Facultatif, de 0 à 25 : jusqu’à cet anniversaire, comme on écrit « 0-3 ans » ou « 3-6 ans ». Le même âge que le minimum pour une seule année (« 4 ans »). Laissez les deux âges vides si l’activité concerne tous les âges.',
  },
};

const ADDRESS: Record<string, FieldLabel> = {
  adresse: { label: 'Adresse', placeholder: '12 rue des Écoles' },
  complement_adresse: { label: 'Complément d’adresse', placeholder: 'Bâtiment B, 2e étage' },
  code_postal: { label: 'Code postal', placeholder: '69008' },
  commune: { label: 'Commune', placeholder: 'Lyon' },
  code_insee: { label: 'Code INSEE de la commune', description: '5 caractères, par exemple 69388 (Lyon 8e).' },
  latitude: { label: 'Latitude', description: 'Position sur la carte, par exemple 45.7347.' },
  longitude: { label: 'Longitude', description: 'Position sur la carte, par exemple 4.8699.' },
};

/** Set by imports (Socle › Importer dans l’annuaire). */
const IMPORT_FIELDS: Record<string, FieldLabel> = {
  adresse_a_verifier: {
    label: 'Adresse à vérifier',
    description: 'Sa position n’a pas été trouvée à l’import : saisissez latitude et longitude, la case se décoche.',
  },
  adresse_a_verifier_motif: { label: 'Pourquoi vérifier l’adresse' },
  source: { label: 'Importée depuis', description: 'Producteur de la donnée ; ne pas modifier.' },
  source_id: { label: 'Identifiant chez la source', description: 'Sert à mettre la fiche à jour au prochain import.' },
};

const STRUCTURE: Record<string, FieldLabel> = {
  nom: { label: 'Nom de la structure', placeholder: 'Association Le Trait d’union' },
  description: { label: 'Description', description: 'Ce que fait la structure, en phrases courtes.' },
  typologie: { label: 'Type de structure', placeholder: 'Association, mairie, CCAS…' },
  siret: { label: 'SIRET', description: '14 chiffres.' },
  site_web: { label: 'Site internet', placeholder: 'https://' },
  telephone: { label: 'Téléphone', placeholder: '04 78 00 00 00' },
  courriel: { label: 'E-mail de contact', placeholder: 'contact@association.fr' },
  ...ADDRESS,
  horaires_accueil: { label: 'Horaires d’accueil', description: HOURS },
  accessibilite_lieu: { label: 'Page Accès libre', description: 'Lien vers la fiche acceslibre.beta.gouv.fr du lieu.' },
  thematiques: { label: 'Thématiques', description: THEMES },
  reseaux_porteurs: { label: 'Réseaux', description: 'Liste data·inclusion, par exemple ["fcsf", "caf"].' },
  services: { label: 'Services proposés' },
  ...IMPORT_FIELDS,
  partenaires: {
    label: 'Comptes partenaires',
    description:
      'Comptes du rôle « Partenaire » qui proposent, pour cette structure, des modifications, des services et des événements (relus en modération).',
  },
};

const SERVICE: Record<string, FieldLabel> = {
  nom: { label: 'Nom du service', placeholder: 'Permanence d’accès aux droits' },
  description: { label: 'Présentation', description: 'Ce que la personne y trouve, en phrases courtes.' },
  structure: { label: 'Structure qui le propose' },
  type: { label: 'Type de service' },
  thematiques: { label: 'Thématiques', description: THEMES },
  publics: { label: 'Publics', description: AUDIENCES },
  publics_precisions: { label: 'Précisions sur les publics', placeholder: 'Jeunes de 16 à 25 ans' },
  ...AGES,
  modes_accueil: { label: 'Modes d’accueil', description: 'Liste : ["en-presentiel"], ["a-distance"] ou les deux.' },
  frais: { label: 'Frais' },
  frais_precisions: { label: 'Précisions sur les frais', placeholder: 'Adhésion de 10 € par an' },
  conditions_acces: { label: 'Conditions d’accès', description: 'Justificatifs ou prérequis.' },
  zone_eligibilite: {
    label: 'Zone d’éligibilité',
    description: 'Codes INSEE de communes ou de départements, par exemple ["69388"] ou ["69"], ou ["france"].',
  },
  horaires_accueil: { label: 'Horaires', description: HOURS },
  telephone: { label: 'Téléphone', placeholder: '04 78 00 00 00' },
  courriel: { label: 'E-mail de contact' },
  lien_mobilisation: { label: 'Lien pour s’inscrire ou prendre rendez-vous', placeholder: 'https://' },
  ...ADDRESS,
  ...IMPORT_FIELDS,
};

const PLACE: Record<string, FieldLabel> = {
  nom: { label: 'Nom du lieu', placeholder: 'Salle polyvalente' },
  ...ADDRESS,
  accessibilite: {
    label: 'Accessibilité',
    description: 'Plain-pied, ascenseur, boucle magnétique… ce qu’une personne doit savoir avant de venir.',
  },
  accessibilite_lieu: { label: 'Page Accès libre', description: 'Lien vers la fiche acceslibre.beta.gouv.fr du lieu.' },
};

const EVENT: Record<string, FieldLabel> = {
  titre: { label: 'Titre', placeholder: 'Repair café' },
  description: { label: 'Description' },
  date_debut: { label: 'Début', description: 'Date et heure de Paris.' },
  date_fin: { label: 'Fin', description: 'Laissez vide si la fin n’est pas connue.' },
  journee_entiere: { label: 'Toute la journée', description: 'L’heure est alors ignorée.' },
  recurrence: {
    label: 'Répétition',
    description:
      'Règle iCalendar (RRULE). Chaque mercredi : FREQ=WEEKLY;BYDAY=WE — le 1er lundi du mois jusqu’au 30 juin 2027 : FREQ=MONTHLY;BYDAY=1MO;UNTIL=20270630. Vide : une seule fois.',
  },
  lieu: { label: 'Lieu' },
  organisateur: { label: 'Organisé par' },
  publics: { label: 'Publics', description: AUDIENCES },
  ...AGES,
  thematiques: { label: 'Thématiques', description: THEMES },
  prix: { label: 'Prix', placeholder: 'Gratuit, 2 € adhérents' },
  inscription: { label: 'Inscription', placeholder: 'Sur place ou au 04 78 00 00 00' },
  lien_inscription: { label: 'Lien d’inscription', placeholder: 'https://' },
};

/** French labels of the directory fields in the content manager (core's bootstrap). */
export async function applyDirectoryLabels(strapi: Core.Strapi): Promise<void> {
  await applyFieldLabels(strapi, STRUCTURE_UID, STRUCTURE);
  await applyFieldLabels(strapi, SERVICE_UID, SERVICE);
  await applyFieldLabels(strapi, PLACE_UID, PLACE);
  await applyFieldLabels(strapi, EVENT_UID, EVENT);
}

/** The same French labels, by type, for moderation's before/after view. */
export function directoryFieldLabels(uid: string): Record<string, string> {
  const labels = { [STRUCTURE_UID]: STRUCTURE, [SERVICE_UID]: SERVICE, [PLACE_UID]: PLACE, [EVENT_UID]: EVENT }[uid];
  return Object.fromEntries(Object.entries(labels ?? {}).map(([field, { label }]) => [field, label]));
}
