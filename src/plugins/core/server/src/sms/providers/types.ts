import type { SmsProviderName } from '../../../../shared/contracts/sms';

export interface OutgoingSms {
  /** E.164 */
  to: string;
  body: string;
  /** Unique per message; lets a sender find out after a crash whether it went out. */
  tag: string;
  sender: string | null;
  stopClause: boolean;
  /** Minutes the network keeps trying before giving up (OVH's default is 48 h). */
  validityMinutes: number | null;
}

export interface AcceptedSms {
  providerId: string;
  /** Credits the provider charged, when it says. */
  credits: number | null;
  /** The provider already knows it reached the phone (the console provider). */
  delivered: boolean;
}

/**
 * `invalid-receiver` and `blacklisted` concern this number for good, `rejected` a lasting
 * refusal of the message or the account (credentials, sender): none is retried. `transient`
 * failures (network, timeout, 5xx) may be retried under the same tag.
 */
export type SmsFailureKind = 'invalid-receiver' | 'blacklisted' | 'rejected' | 'transient';

export class SmsProviderError extends Error {
  constructor(
    readonly kind: SmsFailureKind,
    /** Short code recorded on the receipt: `invalid-receiver`, `http-403`, `timeout`… */
    readonly code: string,
    /** The provider's own words, possibly quoting request data: redacted before it is stored. */
    readonly providerMessage: string | null = null,
  ) {
    super(`SMS provider failure: ${code}`);
    this.name = 'SmsProviderError';
  }
}

export interface SmsProvider {
  name: SmsProviderName;
  send(message: OutgoingSms): Promise<AcceptedSms>;
  /** A message sent earlier under `tag`, or null when the provider never accepted one. */
  findByTag(tag: string): Promise<AcceptedSms | null>;
  /** The number replied STOP (or was otherwise opted out) at the provider. */
  isBlacklisted(e164: string): Promise<boolean>;
  /** Every number opted out at the provider, E.164, read fresh (for a product's own sync). */
  blacklist(): Promise<string[]>;
  /** Credits left on the account; null when the provider has no such notion. */
  creditsLeft(): Promise<number | null>;
}
