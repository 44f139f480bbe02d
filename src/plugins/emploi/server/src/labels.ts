import type { FieldLabel } from '@csc/plugin-core/toolkit';

/** What staff read in the content manager. */
export const OFFER_FIELD_LABELS: Record<string, string> = {
  title: 'Intitulé du poste',
  romeCode: 'Code ROME',
  employer: 'Employeur (fiche)',
  employerName: 'Employeur',
  sector: 'Secteur',
  contract: 'Contrat',
  hoursPerWeek: 'Heures par semaine',
  commune: 'Commune',
  postalCode: 'Code postal',
  latitude: 'Latitude',
  longitude: 'Longitude',
  description: 'Description du poste',
  profile: 'Profil recherché',
  startDate: 'Date de début',
  validUntil: 'En ligne jusqu’au',
  applyMethod: 'Comment postuler',
  applyEmail: 'E-mail pour postuler',
  applyUrl: 'Lien pour postuler',
  postedByKind: 'Proposée par',
  posterEmail: 'E-mail de la personne qui a proposé l’offre',
  state: 'État',
  closedAt: 'Close le',
};

export const offerLabels = (defaultDays: number, maxDays: number): Record<string, FieldLabel> => ({
  ...Object.fromEntries(Object.entries(OFFER_FIELD_LABELS).map(([field, label]) => [field, { label }])),
  romeCode: { label: 'Code ROME', description: 'Facultatif : une lettre et 4 chiffres (K2204).', placeholder: 'K2204' },
  validUntil: {
    label: 'En ligne jusqu’au',
    description: `Dernier jour de l’offre. Vide : ${defaultDays} jours. Au plus ${maxDays} jours. L’offre se ferme seule le lendemain.`,
  },
  communeKey: { label: 'Commune (clé de recherche, calculée)' },
  state: {
    label: 'État',
    description: '« open » : en ligne ; « closed » : close (date passée ou fermée par l’équipe).',
  },
});

export const EMPLOYER_LABELS: Record<string, FieldLabel> = {
  name: { label: 'Nom de l’entreprise' },
  siret: { label: 'SIRET', description: '14 chiffres, vérifiés.', placeholder: '732 829 320 00074' },
  sector: { label: 'Secteur' },
  commune: { label: 'Commune' },
  contactRole: { label: 'Fonction du contact', placeholder: 'Responsable du recrutement' },
  contactEmail: { label: 'E-mail du contact' },
  validated: {
    label: 'Validé par le centre',
    description: 'Un employeur validé peut proposer des offres depuis son compte.',
  },
  accounts: { label: 'Comptes de l’employeur' },
  offers: { label: 'Offres' },
};
