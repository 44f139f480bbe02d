/**
 * The value lists of a compass: who it speaks to, and what kind of resource it offers. An
 * audience finds in the directory and agenda the entries of its data·inclusion `publics` (an
 * entry « tous publics » fits every audience) and, for children's ages, the services and events
 * whose ages meet its `ages` (core's `AgeRange`: from the `from`-th birthday up to the `to`-th,
 * left out). Entries without ages fit every audience. « 11-17 ans » runs to majority: its label
 * names the last age in.
 */
export const AUDIENCES = [
  { value: 'futurs-parents', label: 'Futurs parents', publics: ['familles', 'femmes', 'tous-publics'] },
  {
    value: '0-3-ans',
    label: 'Enfants de 0 à 3 ans',
    publics: ['familles', 'tous-publics'],
    ages: { from: 0, to: 3 },
  },
  {
    value: '3-6-ans',
    label: 'Enfants de 3 à 6 ans',
    publics: ['familles', 'tous-publics'],
    ages: { from: 3, to: 6 },
  },
  {
    value: '6-11-ans',
    label: 'Enfants de 6 à 11 ans',
    publics: ['familles', 'tous-publics'],
    ages: { from: 6, to: 11 },
  },
  {
    value: '11-17-ans',
    label: 'Adolescents de 11 à 17 ans',
    publics: ['familles', 'jeunes', 'tous-publics'],
    ages: { from: 11, to: 18 },
  },
  { value: 'tous-les-parents', label: 'Tous les parents', publics: ['familles', 'tous-publics'] },
] as const;

export type Audience = (typeof AUDIENCES)[number]['value'];

/**
 * The largest page of a compass's structures, services and events. A site reads whole lists at
 * each build and each request costs the scope's query whatever its size: 1,000 rather than
 * core's 100 makes ten times fewer.
 */
export const COMPASS_LARGEST_PAGE = 1000;

export const RESOURCE_KINDS = [
  { value: 'article', label: 'Article' },
  { value: 'guide', label: 'Guide' },
  { value: 'video', label: 'Vidéo' },
  { value: 'fichier', label: 'Fichier' },
] as const;

export type ResourceKind = (typeof RESOURCE_KINDS)[number]['value'];

/**
 * A theme of the compass's own (« Sortir en famille »), for its resources and glossary: the
 * shared directory only knows data·inclusion themes. Codes are lower-case words with dashes.
 */
export const LOCAL_THEME_CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The A–Z of the glossary; terms starting with anything else are under `#`. */
export const GLOSSARY_LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '#'] as const;

/** « Éveil » is under E, « 1001 pattes » under #. */
export function letterOf(term: string): string {
  const first = term.normalize('NFD').replace(/\p{M}/gu, '').trim().charAt(0).toUpperCase();
  return /^[A-Z]$/.test(first) ? first : '#';
}
