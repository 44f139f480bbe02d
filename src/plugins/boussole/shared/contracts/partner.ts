import type { ModerationStatus } from '@csc/plugin-core/shared';
import type { Audience, ResourceKind } from './values';

/** `POST /api/boussole/partner/resources` (partner account, JWT): a resource proposed for moderation. */
export interface PartnerResourceInput {
  title: string;
  kind: ResourceKind;
  summary: string;
  body?: string;
  audiences?: Audience[];
  themes: string[];
  source?: string;
  licence?: string;
  date?: string;
  url?: string;
}

/** `POST /api/boussole/partner/glossary-terms`. */
export interface PartnerGlossaryTermInput {
  term: string;
  definition: string;
  themes: string[];
  relatedTerms?: string[];
  relatedSchemes?: string[];
}

export interface PartnerCreatedResponse {
  data: { id: string; published: boolean };
}

/** `GET /api/boussole/partner/{resources,glossary-terms}`: what the partner proposed, and where it stands. */
export interface PartnerContribution {
  id: string;
  title: string;
  status: ModerationStatus | 'published';
  message: string | null;
  createdAt: string;
}

export interface PartnerContributionsResponse {
  data: PartnerContribution[];
}
