/**
 * The public read API, for the static site and its client-side search
 * (`GET /api/dictionnaire/…`, no account, published content only).
 */

export const WORD_CATEGORIES = [
  'internet',
  'securite',
  'communication',
  'materiel',
  'demarches',
  'reseaux-sociaux',
  'autre',
] as const;
export type WordCategory = (typeof WORD_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<WordCategory, string> = {
  internet: 'Internet et navigation',
  securite: 'Sécurité',
  communication: 'Communication',
  materiel: 'Matériel',
  demarches: 'Démarches en ligne',
  'reseaux-sociaux': 'Réseaux sociaux',
  autre: 'Autres mots',
};

/** A word in a list: A–Z, latest, search results, the search index. */
export interface WordSummary {
  slug: string;
  term: string;
  variants: string[];
  category: WordCategory;
  /** First letter, folded (a–z), or `#` for a digit or anything else. */
  letter: string;
}

/** Who wrote a definition: a group, never a child. */
export interface Credit {
  /** « la classe de CM2 de l’école Jules-Ferry » */
  group: string;
  commune: string;
  year: number;
  /** The accompanying adult's structure. */
  structure: { name: string; commune: string } | null;
}

export interface Media {
  url: string;
  mime: string | null;
}

export interface PublicDefinition {
  id: string;
  text: string;
  example: string;
  illustration: (Media & { alt: string }) | null;
  audio: Media | null;
  credit: Credit;
  publishedAt: string;
}

/** `GET /api/dictionnaire/words/:slug` */
export interface WordDetail extends WordSummary {
  definition: PublicDefinition | null;
  otherDefinitions: PublicDefinition[];
  related: WordSummary[];
  updatedAt: string;
}

/** `GET /api/dictionnaire/words/details?page=&pageSize=`: whole word pages in A–Z order, for a build. */
export interface WordDetailsPage {
  data: WordDetail[];
  meta: { page: number; pageSize: number; total: number; pageCount: number };
}

/** `GET /api/dictionnaire/words?letter=&page=&pageSize=` (A–Z order, French). */
export interface WordPage {
  data: WordSummary[];
  meta: { page: number; pageSize: number; total: number; pageCount: number; letters: string[] };
}

/** `GET /api/dictionnaire/words/latest?limit=` (most recently published first). */
export interface LatestWords {
  data: (WordSummary & { publishedAt: string })[];
}

/** `GET /api/dictionnaire/words/index`: every published word, for a static build and client search. */
export interface WordIndex {
  data: WordSummary[];
  meta: { total: number };
}

/** `GET /api/dictionnaire/search?q=&limit=` */
export interface SearchResults {
  data: WordSummary[];
  meta: { query: string; total: number };
}

/** `GET /api/dictionnaire/contributors`: validated structures, for the credits page. */
export interface PublicContributors {
  data: { name: string; kind: string; commune: string; definitions: number }[];
}

/** `POST /api/dictionnaire/requests` (public form « Ce mot manque »). */
export interface WordRequestForm {
  word: string;
  context?: string;
  /** To be told once when the word is defined; requires `consent: true`. */
  email?: string;
  consent?: boolean;
}

/** `POST /api/dictionnaire/contributors` (public form « Devenir contributeur »). */
export interface ContributorForm {
  name: string;
  kind: string;
  commune: string;
  email: string;
  digest?: 'daily' | 'weekly' | 'none';
}

export const STRUCTURE_KINDS = [
  'ecole',
  'college',
  'lycee',
  'centre-social',
  'association',
  'mediatheque',
  'autre',
] as const;

export const STRUCTURE_KIND_LABELS: Record<(typeof STRUCTURE_KINDS)[number], string> = {
  ecole: 'École',
  college: 'Collège',
  lycee: 'Lycée',
  'centre-social': 'Centre social',
  association: 'Association',
  mediatheque: 'Médiathèque',
  autre: 'Autre structure',
};

/**
 * « Demander un mot » served by the CMS as a page that works without JavaScript (core's public
 * pages); a site links to it, with `?mot=<word searched>` to prefill the word.
 */
export const REQUEST_PAGE_PATH = '/formulaires/dictionnaire/demander-un-mot';
