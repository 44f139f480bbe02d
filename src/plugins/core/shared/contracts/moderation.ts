/** pre: nothing is public until a moderator accepts; post: public at once, reviewed afterwards. */
export type ModerationMode = 'pre' | 'post';

/** How an item entered the queue. */
export type ModerationKind = 'new' | 'edit' | 'report';

export type ModerationStatus = 'pending' | 'accepted' | 'refused' | 'changes-requested';

/** Where a contributor's own entry stands: the latest decision, or `published` once live. */
export interface ContributionStatus {
  status: ModerationStatus | 'published';
  /** The moderator's reason or request, when there is one. */
  message: string | null;
}

/** Why an item needs a human, shown as badges and usable as a filter. */
export type ModerationReason = 'new' | 'edit' | 'reported' | 'pending-too-long' | 'possible-duplicate';

export const MODERATION_REASONS: readonly ModerationReason[] = [
  'new',
  'edit',
  'reported',
  'pending-too-long',
  'possible-duplicate',
];

export type ModerationDecision = 'accept' | 'refuse' | 'request-changes';

export type ReportReason = 'inappropriate' | 'wrong-information' | 'spam' | 'personal-data' | 'other';

export const REPORT_REASONS: readonly ReportReason[] = [
  'inappropriate',
  'wrong-information',
  'spam',
  'personal-data',
  'other',
];

/** `POST /api/core/reports` (public) body. */
export interface ReportRequest {
  /** The content type, e.g. `plugin::boussole.structure`. */
  type: string;
  documentId: string;
  reason: ReportReason;
  /** At most 1,000 characters. */
  text?: string;
  /** Optional: tells two people behind one address apart; never stored. */
  email?: string;
}

/** `GET /core/moderation` (admin) query. */
export interface ModerationQuery {
  page?: number;
  pageSize?: number;
  reason?: ModerationReason;
  type?: string;
  centre?: number;
  /** `pending` (the queue, default) or `closed` (decided items, newest first). */
  state?: 'pending' | 'closed';
}

export interface ModerationItemSummary {
  id: number;
  kind: ModerationKind;
  mode: ModerationMode;
  status: ModerationStatus;
  reasons: ModerationReason[];
  type: { uid: string; label: string };
  title: string;
  centre: { id: number; name: string } | null;
  createdAt: string;
  reportCount: number;
}

export interface ModerationQueuePage {
  results: ModerationItemSummary[];
  pagination: { page: number; pageSize: number; total: number; pageCount: number };
  /** What the filters offer: the moderated types, the centres the user works for. */
  filters: { types: { uid: string; label: string }[]; centres: { id: number; name: string }[] };
  pendingDays: number;
}

/** One field, before and after: the published value and the proposed one. */
export interface FieldChange {
  field: string;
  label: string;
  before: unknown;
  after: unknown;
  changed: boolean;
  /** The published value moved since the proposal was made (someone else edited it). */
  changedSinceProposal?: boolean;
}

/** Advice a product computes for the moderator (readability…), in French. */
export interface ModerationHint {
  label: string;
  value: string;
  /** `warning` when the moderator should look closer. */
  level: 'info' | 'warning';
}

export interface ModerationItemDetail extends ModerationItemSummary {
  subject: { uid: string; documentId: string };
  /** Whether the entry is visible on the sites right now. */
  published: boolean;
  hiddenByReports: boolean;
  submitterEmail: string | null;
  changes: FieldChange[];
  reports: { reason: ReportReason; text: string | null; at: string }[];
  duplicates: { id: number; title: string; status: ModerationStatus }[];
  /** The product's advice about the content (empty when it gives none). */
  hints: ModerationHint[];
  decision: {
    at: string;
    by: string | null;
    /** What the person was told. */
    message: string | null;
    /** For the team only; never sent. */
    note: string | null;
  } | null;
}

/** `POST /core/moderation/:id/decision` (admin) body. */
export interface DecisionRequest {
  decision: ModerationDecision;
  /** Sent to the person: required to refuse or to ask for changes. */
  message?: string;
  /** For the team only, never sent. */
  note?: string;
}
