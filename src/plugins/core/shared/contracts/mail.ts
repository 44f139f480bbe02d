export type MailMode = 'smtp' | 'capture';

/** What a product hands to `strapi.plugin('core').service('mail').send(...)`. */
export interface MailMessage {
  /** One recipient address. */
  to: string;
  subject: string;
  /** The plain-text body, always sent; readable on its own. */
  text: string;
  /** Optional HTML body; when absent core derives a minimal accessible one from the text. */
  html?: string;
  /** The centre the message is sent for: who may read it once captured. */
  centre?: number | null;
  replyTo?: string;
  /**
   * An unsubscribe address (http or https) that takes a one-click POST: sent as the
   * `List-Unsubscribe` and `List-Unsubscribe-Post` headers (RFC 2369, RFC 8058).
   */
  listUnsubscribe?: string;
}

/** `GET /core/e-mails` (admin) query. */
export interface CapturedEmailQuery {
  page?: number;
  pageSize?: number;
  centre?: number;
}

export interface CapturedEmailSummary {
  id: number;
  at: string;
  to: string;
  subject: string;
  centre: { id: number; name: string } | null;
}

export interface CapturedEmailPage {
  /** How this install handles e-mail: the page explains capture mode when it is on. */
  mode: MailMode;
  results: CapturedEmailSummary[];
  pagination: { page: number; pageSize: number; total: number; pageCount: number };
}

/** `GET /core/e-mails/:id` (admin). */
export interface CapturedEmailView extends CapturedEmailSummary {
  from: string | null;
  replyTo: string | null;
  text: string;
  html: string | null;
}
