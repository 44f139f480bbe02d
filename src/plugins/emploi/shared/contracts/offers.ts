import type { ApplyMethod, Contract, OfferStatus, Sector } from './values';

/** An offer as the public API gives it (`GET /api/emploi/offers`, `/offers/:id`). */
export interface PublicOffer {
  /** The offer's documentId. */
  id: string;
  title: string;
  romeCode: string | null;
  employer: { name: string };
  sector: Sector | null;
  contract: Contract;
  hoursPerWeek: number | null;
  commune: string;
  postalCode: string | null;
  latitude: number | null;
  longitude: number | null;
  description: string;
  profile: string | null;
  /** YYYY-MM-DD. */
  startDate: string | null;
  /** Last day the offer is open, YYYY-MM-DD (Paris). */
  validUntil: string;
  /** When the offer went online (ISO 8601). */
  datePosted: string;
  apply: { method: ApplyMethod; email: string | null; url: string | null };
  /** `closed`: expired or closed by the team; the page says so and is not indexed. */
  status: OfferStatus;
  centre: { name: string; slug: string } | null;
}

export interface OffersMeta {
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
}

/** `GET /api/emploi/offers`: live offers only, newest first. */
export interface OffersResponse {
  data: PublicOffer[];
  meta: OffersMeta;
}

/**
 * `GET /api/emploi/offers/closed`: offers closed lately (by the nightly job, the team, or past
 * their last day), newest closing first, for the site to keep their pages a while, saying so.
 */
export type ClosedOffersResponse = OffersResponse;

/** Query of the closed offers; unknown parameters refused. */
export interface ClosedOffersQuery {
  page?: number;
  pageSize?: number;
  centre?: string;
}

/** `GET /api/emploi/offers/:id`: live or closed (never a draft). */
export interface OfferResponse {
  data: PublicOffer;
}

/** Query of the public list; every parameter optional, unknown ones refused. */
export interface OffersQuery {
  page?: number;
  pageSize?: number;
  contract?: Contract;
  sector?: Sector;
  /** A commune's name, case and accents ignored. */
  commune?: string;
  /** YYYY-MM-DD: offers put online that day or later. */
  postedSince?: string;
  /** Slug of a centre. */
  centre?: string;
}

/** What a partner or an employer sees of the offers they proposed. */
export interface OwnOffer {
  id: string;
  title: string;
  /** pending (waiting for the team), published, refused, changes-requested, closed. */
  status: string;
  message: string | null;
  validUntil: string;
  createdAt: string;
}

export interface OfferCreated {
  id: string;
  published: boolean;
  validUntil: string;
}
