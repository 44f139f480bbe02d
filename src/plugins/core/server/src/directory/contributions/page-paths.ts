import { PUBLIC_PAGES_PREFIX } from '../../public-pages/server';

/** Paths of the resident-facing pages of the directory (`pages.ts`), for links from sites and e-mails. */
export const suggestionPagePath = (centre: string, kind: 'structure' | 'event') =>
  `${PUBLIC_PAGES_PREFIX}/${encodeURIComponent(centre)}/${kind === 'structure' ? 'proposer-une-structure' : 'proposer-un-evenement'}`;

export const CORRECTION_PAGE_PATH = `${PUBLIC_PAGES_PREFIX}/corriger-une-fiche`;

export const correctionPagePath = (token: string) => `${CORRECTION_PAGE_PATH}?jeton=${encodeURIComponent(token)}`;
