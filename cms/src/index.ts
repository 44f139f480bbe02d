export { createCmsClient } from './client';
export type { CmsClient, CmsClientOptions, CompassFilter } from './client';
export { CmsContractError, CmsRequestError } from './errors';
export type { DirectoryEvent, DirectoryPlace, HealthResponse, Public } from '@csc/plugin-core/shared';
export { PUBLICS, suggestionPagePath } from '@csc/plugin-core/shared';
export type {
  CentreSiteResponse,
  PublicActivity,
  PublicNewsItem,
  PublicPage,
  PublicCentre,
} from '@csc/plugin-site/shared';
export { AUDIENCES, AUDIENCE_LABELS, PAGE_KINDS } from '@csc/plugin-site/shared';
export type { Credit, PublicDefinition, WordCategory, WordDetail, WordSummary } from '@csc/plugin-dictionnaire/shared';
export { CATEGORY_LABELS, REQUEST_PAGE_PATH, STRUCTURE_KIND_LABELS } from '@csc/plugin-dictionnaire/shared';
export type {
  Audience,
  CompassSettings,
  CompassSummary,
  CompassTheme,
  GlossaryTerm,
  ResourceItem,
  ResourceKind,
} from '@csc/plugin-boussole/shared';
export { AUDIENCES as COMPASS_AUDIENCES, RESOURCE_KINDS, GLOSSARY_LETTERS } from '@csc/plugin-boussole/shared';
export type { DirectoryService, DirectoryStructure } from '@csc/plugin-core/shared';
export { FRAIS, MODES_ACCUEIL, THEMATIQUES } from '@csc/plugin-core/shared';
export type { PublicOffer, Contract, Sector, ApplyMethod } from '@csc/plugin-emploi/shared';
export { CONTRACTS, SECTORS } from '@csc/plugin-emploi/shared';
