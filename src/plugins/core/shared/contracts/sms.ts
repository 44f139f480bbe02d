import type { SmsEncoding } from '../sms/segments';

/**
 * Where a message stands. `sending`: recorded, handed to the provider (or about to be);
 * `sent`: accepted by the provider; `delivered` / `undelivered`: what the phone network reported;
 * `blacklisted`: the person replied STOP, nothing sent; `invalid`: the provider refused the
 * number; `failed`: refused for another lasting reason (account, sender); `error`: a temporary
 * failure, which the sender may retry with the same tag.
 */
export const SMS_STATUSES = [
  'sending',
  'sent',
  'delivered',
  'undelivered',
  'blacklisted',
  'invalid',
  'failed',
  'error',
] as const;
export type SmsStatus = (typeof SMS_STATUSES)[number];

/** Statuses after which a message is never sent again under the same tag. */
export const FINAL_SMS_STATUSES: readonly SmsStatus[] = [
  'sent',
  'delivered',
  'undelivered',
  'blacklisted',
  'invalid',
  'failed',
];

export type SmsProviderName = 'console' | 'ovh';

/** `GET /core/sms/receipts` (admin) query; unknown keys refused. */
export interface SmsReceiptQuery {
  page?: number;
  pageSize?: number;
  status?: SmsStatus;
  centre?: number;
}

export interface SmsReceiptRow {
  id: number;
  createdAt: string;
  sentAt: string | null;
  deliveredAt: string | null;
  status: SmsStatus;
  provider: SmsProviderName;
  /** The sender's key for this message (never sent twice under it). */
  tag: string;
  /** Masked (`+33 6 •• •• •• 78`); null once anonymised. */
  to: string | null;
  encoding: SmsEncoding | null;
  segments: number;
  credits: number;
  centre: { id: number; name: string } | null;
  /** French, for staff; never the number or the message. */
  error: string | null;
  anonymised: boolean;
}

export interface SmsReceiptDetail extends SmsReceiptRow {
  /** The full number written for reading (`+33 6 12 34 56 78`), for the centre's staff; null once anonymised. */
  phone: string | null;
  /** The text as sent; null once anonymised. */
  body: string | null;
  sender: string | null;
  providerId: string | null;
  attempts: number;
  deliveryReport: { code: string | null; description: string | null; at: string | null };
}

export interface SmsReceiptPage {
  results: SmsReceiptRow[];
  pagination: { page: number; pageSize: number; total: number; pageCount: number };
}

export interface SmsSummary {
  provider: SmsProviderName;
  /** Messages recorded since the first day of the month (Paris time), in the user's centres. */
  month: { from: string; messages: number; segments: number; credits: number };
  /** Credits left on the OVH account; null for the console provider or when OVH does not answer. */
  creditsLeft: number | null;
}

/** What `strapi.plugin('core').service('sms').send()` answers. */
export interface SmsSendResult {
  /**
   * `sent`: accepted now; `already-sent`: this tag went out before (nothing sent again);
   * `deferred`: outside the sending hours, nothing recorded, try again at `notBefore`;
   * `too-late`: the next allowed time is after `notAfter`, dropped; `refused`: will never go
   * (STOP, invalid number…); `failed`: temporary failure, retry with the same tag;
   * `in-progress`: another process is sending this tag right now; ask again at `notBefore`.
   */
  outcome: 'sent' | 'already-sent' | 'deferred' | 'too-late' | 'refused' | 'failed' | 'in-progress';
  /** Whether calling again later (same tag) may still send it. */
  retryable: boolean;
  receiptId: number | null;
  tag: string | null;
  status: SmsStatus | null;
  /** For `deferred` and `in-progress`: the earliest time to try again (ISO). */
  notBefore?: string;
  /** For `refused`, `failed` and a dropped `too-late`: a short code (`blacklisted`, `invalid-receiver`, `timeout`, `http-503`…). */
  reason?: string;
}
