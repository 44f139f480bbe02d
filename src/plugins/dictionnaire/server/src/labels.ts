import type { FieldLabel } from '@csc/plugin-core/toolkit';

/** French labels and help of the content manager's forms. */
export const WORD_LABELS: Record<string, FieldLabel> = {
  term: { label: 'Mot', placeholder: 'mot de passe' },
  slug: { label: 'Adresse de la page', description: 'Se remplit à partir du mot : mot-de-passe.' },
  variants: {
    label: 'Autres écritures',
    description: 'Entre crochets, entre guillemets : ["mdp", "password"]. La recherche les trouve aussi.',
  },
  category: { label: 'Catégorie' },
  related: { label: 'Mots liés' },
  definitions: { label: 'Définitions' },
};

export const DEFINITION_LABELS: Record<string, FieldLabel> = {
  word: { label: 'Mot' },
  term: { label: 'Mot défini (tel qu’écrit par le groupe)' },
  text: { label: 'Définition', description: 'Des phrases courtes et des mots de tous les jours.' },
  example: { label: 'Phrase d’exemple' },
  illustration: { label: 'Illustration' },
  illustration_alt: {
    label: 'Description de l’illustration',
    description: 'Obligatoire avec une illustration : lue aux personnes qui ne voient pas l’image.',
  },
  audio: { label: 'Enregistrement de la définition lue' },
  is_main: { label: 'Définition principale', description: 'Celle que la page du mot montre en premier.' },
  group_label: {
    label: 'Groupe',
    description: 'Jamais le nom d’un enfant : « la classe de CM2 de l’école Jules-Ferry ».',
  },
  group_commune: { label: 'Commune du groupe' },
  group_year: { label: 'Année' },
  structure: { label: 'Structure de l’adulte accompagnant' },
  request: { label: 'Demande à laquelle elle répond' },
};

export const STRUCTURE_LABELS: Record<string, FieldLabel> = {
  name: { label: 'Nom de la structure' },
  kind: { label: 'Type' },
  commune: { label: 'Commune' },
  contact_email: { label: 'E-mail de l’adulte accompagnant' },
  status: { label: 'État', description: 'pending : à valider ; validated : validée ; refused : refusée.' },
  digest: {
    label: 'Récapitulatif des mots demandés',
    description: 'daily : chaque jour ; weekly : chaque lundi ; none : jamais.',
  },
  accounts: { label: 'Comptes des adultes' },
};

export const REQUEST_LABELS: Record<string, FieldLabel> = {
  key: { label: 'Clé de regroupement', description: 'Le mot sans majuscules, accents ni pluriel.' },
  word: { label: 'Mot demandé' },
  count: { label: 'Nombre de demandes' },
  contexts: { label: 'Où les visiteurs l’ont rencontré' },
  status: { label: 'État', description: 'open : à prendre ; claimed : pris en charge ; defined : défini.' },
  claimed_by: { label: 'Pris en charge par' },
  claimed_at: { label: 'Pris en charge le' },
  defined_slug: { label: 'Page du mot défini' },
  defined_at: { label: 'Défini le' },
};
