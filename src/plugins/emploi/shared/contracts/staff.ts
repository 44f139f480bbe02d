/**
 * What the team's admin pages read and send: the centre's candidates, referents' accounts, and
 * the choices of the « profil fait avec un habitant » form.
 */

export type Availability = 'immediate' | 'within-month' | 'later';
export type StaffConsentMethod = 'oral' | 'paper';

export interface StaffPagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

/** One profile of the centre, as the team lists it: first name and initial only. */
export interface StaffCandidateRow {
  id: string;
  name: string;
  commune: string | null;
  centre: string | null;
  referent: string | null;
  hidden: boolean;
  /** A profile the resident manages herself (sign-up), or one made with her by the team. */
  hasAccount: boolean;
  profileUpdatedAt: string | null;
}

export interface StaffCandidatesResponse {
  results: StaffCandidateRow[];
  pagination: StaffPagination;
}

/** A referent's account; `candidates` counts those she follows in the user's centres. */
export interface ReferentRow {
  id: number;
  email: string;
  candidates: number;
  blocked: boolean;
  createdAt: string;
}

/** `POST /emploi/referents`: `added` when the address was already a referent's, now also of the user's centres. */
export interface CreatedReferent {
  id: number;
  email: string;
  added: boolean;
}

export interface ReferentsResponse {
  results: ReferentRow[];
  pagination: StaffPagination;
}

/** What the creation form needs: the user's centres, the referents, and the text read aloud. */
export interface CandidateChoicesResponse {
  centres: { slug: string; name: string }[];
  referents: string[];
  consentText: string;
  /** Read to a resident who manages her own profile before naming her referent. */
  referentConsentText: string;
}

/** `POST /emploi/candidates`. */
export interface StaffCandidateRequest {
  firstName: string;
  lastName: string;
  email?: string;
  phone?: string;
  commune: string;
  desiredJobs?: string[];
  skills?: string[];
  mobilityKm?: number;
  availability?: Availability;
  languages?: string[];
  visibility?: string[];
  centre?: string;
  referent: string;
  consentMethod: StaffConsentMethod;
}

/** `PUT /emploi/candidates/:id/referent`. */
export interface ReferentChangeRequest {
  referent: string;
  /** Required for a profile the resident manages herself (`hasAccount`): how she agreed. */
  consentMethod?: StaffConsentMethod;
}
