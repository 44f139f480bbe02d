import type { ModerationReason } from '@csc/plugin-core/shared';
import type { CompassCommune, LocalTheme } from './compass';
import type { Audience } from './values';

/** A compass as staff edit it (`GET|PUT /boussole/compasses/:id`, `POST /boussole/compasses`). */
export interface CompassInput {
  title: string;
  slug: string;
  intro?: string | null;
  /** data·inclusion codes. */
  themes: string[];
  localThemes: LocalTheme[];
  audiences: Audience[];
  communes: CompassCommune[];
  sitePath: string;
  mapTiles?: string | null;
  mapAttribution?: string | null;
  /** The centre's id; needed when the install has several centres. */
  centre?: number | null;
}

export interface CompassRecord extends Required<Omit<CompassInput, 'centre'>> {
  id: string;
  centre: { id: number; name: string } | null;
  updatedAt: string;
}

export interface CompassRecordResponse {
  data: CompassRecord;
}

export interface CompassRecordsResponse {
  data: CompassRecord[];
}

/** What the settings form offers to choose from. */
export interface CompassChoicesResponse {
  data: {
    themes: { code: string; label: string }[];
    audiences: { code: Audience; label: string }[];
    centres: { id: number; name: string }[];
  };
}

/** A pending moderation item about an entry of the compass's themes (`GET /boussole/compasses/:id/contributions`). */
export interface PendingContribution {
  /** The moderation item, opened in Socle › Modération. */
  id: number;
  type: string;
  typeLabel: string;
  title: string;
  kind: 'new' | 'edit' | 'report';
  reasons: ModerationReason[];
  themes: string[];
  createdAt: string;
  centre: string | null;
}

export interface PendingContributionsResponse {
  results: PendingContribution[];
  pagination: { page: number; pageSize: number; total: number; pageCount: number };
}
