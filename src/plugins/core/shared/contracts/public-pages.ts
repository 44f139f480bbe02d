/**
 * Where the CMS serves its resident-facing pages (server-rendered HTML, no JavaScript), so that
 * sites and e-mails link to them without repeating paths.
 */
export const PUBLIC_PAGES_PREFIX = '/formulaires';

/** « Proposer une structure » / « Proposer un événement » for a centre (its slug). */
export const suggestionPagePath = (centre: string, kind: 'structure' | 'event') =>
  `${PUBLIC_PAGES_PREFIX}/${encodeURIComponent(centre)}/${kind === 'structure' ? 'proposer-une-structure' : 'proposer-un-evenement'}`;

/** « Corriger la fiche de votre structure », opened from a correction link. */
export const CORRECTION_PAGE_PATH = `${PUBLIC_PAGES_PREFIX}/corriger-une-fiche`;

export const correctionPagePath = (token: string) => `${CORRECTION_PAGE_PATH}?jeton=${encodeURIComponent(token)}`;
