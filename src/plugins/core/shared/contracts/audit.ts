export type AuditActorType = 'staff' | 'member' | 'public' | 'system';

/** `GET /core/audit` (admin) query: every key optional, unknown keys refused. */
export interface AuditQuery {
  page?: number;
  pageSize?: number;
  action?: string;
  /** ISO date (YYYY-MM-DD), inclusive. */
  from?: string;
  /** ISO date (YYYY-MM-DD), inclusive. */
  to?: string;
  centre?: number;
}

export interface AuditEntryView {
  id: number;
  at: string;
  action: string;
  actor: { type: AuditActorType; id: string | null; name: string | null };
  subject: { uid: string | null; id: string | null };
  centre: { id: number; name: string } | null;
  details: Record<string, unknown> | null;
}

export interface AuditPage {
  results: AuditEntryView[];
  pagination: { page: number; pageSize: number; total: number; pageCount: number };
}
