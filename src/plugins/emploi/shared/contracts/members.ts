import type { OwnOffer } from './offers';
import type { ApplyMethod, Contract, Sector } from './values';

/**
 * Shapes of the members' routes added for referents, group messages and offers (`/api/emploi/members/…`,
 * session cookie and `X-CSRF-Token` on writes) and of the team's admin routes (`/emploi/…`).
 * Every answer is `{ data: … }`.
 */

/** `GET /members/me` for a referent. */
export interface ReferentMe {
  kind: 'referent';
  referent: { email: string; candidates: number };
}

/** `GET /members/referent/candidates`: the profiles a referent follows, as their owners see them. */
export interface ReferentCandidate {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  desiredJobs: string[];
  skills: string[];
  commune: string | null;
  mobilityKm: number | null;
  availability: 'immediate' | 'within-month' | 'later' | null;
  languages: string[];
  visibility: string[];
  hidden: boolean;
  updatedAt: string | null;
  /** False for a profile the team made with a resident who has no space of her own. */
  hasAccount: boolean;
}

/** `GET /members/positionings` for a referent: those received by her candidates. */
export interface ReferentPositioning {
  id: string;
  candidate: { id: string; firstName: string; lastName: string } | null;
  employer: { name: string; sector: string | null; commune: string | null } | null;
  message: string;
  state: 'pending' | 'accepted' | 'declined';
  sentAt: string;
}

/**
 * `POST /members/positionings/:id/answer` now also for the candidate's referent (body
 * `{ decision: 'accept' | 'decline' }`, answer `{ id, state }`).
 */
export type PositioningAnswer = { decision: 'accept' | 'decline' };

/** `GET /members/positionings/:id/messages`: `from` tells who wrote (a referent may write too). */
export interface ThreadMessage {
  id: string;
  mine: boolean;
  from: 'candidate' | 'employer' | 'referent';
  body: string;
  sentAt: string;
}

/** An employer's `contact` once accepted: `email` may be null, the referent's address is added. */
export interface CandidateContact {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  referentEmail: string | null;
}

/** `POST /members/referent/messages` (referent): body, and the answer (how many candidates got it). */
export type GroupMessageBody = { body: string };
export interface GroupMessageSent {
  id: string;
  recipients: number;
}

/** `GET /members/group-messages`: received (candidate) or sent (referent), newest first. */
export interface GroupMessage {
  id: string;
  group: 'referent-candidates';
  mine: boolean;
  body: string;
  sentAt: string;
}

/** `POST /emploi/referents` (admin, action `plugin::emploi.members`). */
export type ReferentCreate = { email: string };
export interface ReferentCreated {
  id: number;
  email: string;
}

/** `POST /emploi/candidates` (admin, action `plugin::emploi.members`): a profile made with a resident. */
export interface StaffCandidateCreate {
  firstName: string;
  lastName: string;
  email?: string;
  phone?: string;
  commune: string;
  desiredJobs?: string[];
  skills?: string[];
  mobilityKm?: number;
  availability?: 'immediate' | 'within-month' | 'later';
  languages?: string[];
  visibility?: string[];
  /** Centre slug; required when the install has several centres. */
  centre?: string;
  /** The referent's account address. */
  referent: string;
  consentMethod: 'oral' | 'paper';
}

/** `GET /members/me` for a partner's account (core's « Partenaire » role): no profile, its address only. */
export interface PartnerMe {
  kind: 'partner';
  partner: { email: string };
}

/**
 * `POST /members/offers` (validated employer or partner; CSRF header): an offer proposed to the
 * centre, a draft in core moderation until the team accepts it. Unknown fields are refused;
 * `employerName`, `sector` and `centre` (a centre's slug, required when the install has several)
 * are a partner's only, an employer's come from its record. Answer `OfferCreated` (201).
 */
export interface OfferProposal {
  title: string;
  romeCode?: string;
  contract: Contract;
  hoursPerWeek?: number;
  commune: string;
  postalCode?: string;
  latitude?: number;
  longitude?: number;
  description: string;
  profile?: string;
  /** YYYY-MM-DD. */
  startDate?: string;
  /** YYYY-MM-DD, from today to the install's maximum (60 days); 30 days when left out. */
  validUntil?: string;
  applyMethod: ApplyMethod;
  applyEmail?: string;
  applyUrl?: string;
  employerName?: string;
  sector?: Sector;
  centre?: string;
}

/** `GET /members/offers`: the account's proposed offers, newest first (`OwnOffer[]`). */
export type MemberOffersResponse = { data: OwnOffer[] };
