/** Contracts an offer may carry; `cddi` and `pec` are the insertion contracts (SIAE, Parcours emploi compétences). */
export const CONTRACTS = [
  { value: 'cdi', label: 'CDI' },
  { value: 'cdd', label: 'CDD' },
  { value: 'interim', label: 'Intérim' },
  { value: 'alternance', label: 'Alternance' },
  { value: 'stage', label: 'Stage' },
  { value: 'cddi', label: 'CDDI (contrat d’insertion)' },
  { value: 'pec', label: 'PEC (Parcours emploi compétences)' },
] as const;
export type Contract = (typeof CONTRACTS)[number]['value'];
export const CONTRACT_VALUES = CONTRACTS.map((item) => item.value) as [Contract, ...Contract[]];

/** Broad sectors, close to the sections of the French activity nomenclature (NAF). */
export const SECTORS = [
  { value: 'agriculture', label: 'Agriculture, espaces verts' },
  { value: 'industrie', label: 'Industrie' },
  { value: 'batiment', label: 'Bâtiment, travaux publics' },
  { value: 'commerce', label: 'Commerce, vente' },
  { value: 'transport-logistique', label: 'Transport, logistique' },
  { value: 'hotellerie-restauration', label: 'Hôtellerie, restauration' },
  { value: 'numerique', label: 'Numérique, communication' },
  { value: 'services-entreprises', label: 'Services aux entreprises' },
  { value: 'proprete', label: 'Propreté, entretien' },
  { value: 'services-personne', label: 'Services à la personne' },
  { value: 'sante-social', label: 'Santé, action sociale' },
  { value: 'enseignement-formation', label: 'Enseignement, formation' },
  { value: 'administration', label: 'Administration publique' },
  { value: 'culture-sport', label: 'Culture, sport, loisirs' },
  { value: 'autre', label: 'Autre' },
] as const;
export type Sector = (typeof SECTORS)[number]['value'];
export const SECTOR_VALUES = SECTORS.map((item) => item.value) as [Sector, ...Sector[]];

/** How a resident applies: by e-mail, through a link, or by asking at the centre's reception. */
export const APPLY_METHODS = [
  { value: 'email', label: 'Par e-mail' },
  { value: 'link', label: 'Par un lien' },
  { value: 'reception', label: 'Demander à l’accueil du centre' },
] as const;
export type ApplyMethod = (typeof APPLY_METHODS)[number]['value'];
export const APPLY_METHOD_VALUES = APPLY_METHODS.map((item) => item.value) as [ApplyMethod, ...ApplyMethod[]];

/** Who posted an offer. */
export type PostedByKind = 'employer' | 'partner' | 'staff';
export type OfferStatus = 'open' | 'closed';

/** A ROME job code (Répertoire opérationnel des métiers et des emplois): a letter A–N and four digits, e.g. K2204. */
export const ROME_CODE = /^[A-N]\d{4}$/;

/**
 * The employment part of the shared directory and agenda: the data·inclusion themes of these
 * families (choosing a job, applying, finding work, training, starting a business).
 */
export const EMPLOYMENT_THEME_FAMILIES = [
  'choisir-un-metier',
  'preparer-sa-candidature',
  'trouver-un-emploi',
  'se-former',
  'creer-une-entreprise',
] as const;
