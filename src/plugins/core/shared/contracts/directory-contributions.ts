/**
 * Contributions to the directory from outside the admin: partners (Users & Permissions
 * accounts with the « Partenaire » role, JWT), public suggestions and correction links.
 */
import type { ModerationKind, ModerationStatus } from './moderation';

export type PartnerKind = 'structures' | 'services' | 'events';

/** `GET /api/core/directory/partner/<kind>` → `{ data: PartnerEntry[] }`. */
export interface PartnerEntry {
  id: string;
  /** Name of the structure or service, title of the event (the latest version, draft included). */
  title: string;
  /** The structure a service belongs to, or the organiser of an event. */
  structure?: { id: string; nom: string } | null;
  /** Whether a version is on the public sites. */
  published: boolean;
  /** Proposals (creation or edits) waiting for a moderator. */
  pendingProposals: number;
  /** The latest proposal and what became of it; `message` is the moderator's word to the partner. */
  moderation: {
    kind: Extract<ModerationKind, 'new' | 'edit'>;
    status: ModerationStatus;
    at: string;
    message: string | null;
  } | null;
}

/** `POST /api/core/directory/partner/<kind>` → 201 `{ data: PartnerCreated }`. */
export interface PartnerCreated {
  id: string;
  /** False under pre-moderation: on the sites once a moderator accepts. */
  published: boolean;
}

/** `PUT /api/core/directory/partner/<kind>/:id` → 202 `{ data: PartnerEdited }`. */
export interface PartnerEdited {
  id: string;
  /** False under pre-moderation: the published version stays until a moderator accepts. */
  applied: boolean;
}

/** `GET /api/core/directory/corrections/:token` → `{ data: CorrectionForm }`. */
export interface CorrectionForm {
  id: string;
  centre: { name: string; slug: string } | null;
  /** The structure's published fields, as the correction form shows them. */
  fields: Record<string, unknown>;
  /** When the link stops working (ISO 8601). */
  expiresAt: string;
}

/** `POST /core/directory/structures/:id/correction-link` (admin) → 202 `{ data: CorrectionLinkSent }`. */
export interface CorrectionLinkSent {
  queued: true;
  expiresAt: string;
}
