import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { createOvhApi, OvhApiError, type OvhApi, type OvhSettings } from '../ovh/client';
import { SmsProviderError, type AcceptedSms, type SmsProvider } from './types';

export interface OvhProviderSettings extends OvhSettings {
  /** The SMS account, `sms-ab12345-1`. */
  serviceName: string;
}

/** `POST /sms/{serviceName}/jobs` answer. */
interface OvhJob {
  ids?: number[];
  validReceivers?: string[];
  invalidReceivers?: string[];
  totalCreditsRemoved?: number;
  tag?: string;
}

/** `GET /sms/{serviceName}/outgoing/{id}`, the fields used here. */
interface OvhOutgoing {
  id?: number;
  credits?: number;
  ptt?: number;
  deliveryReceipt?: number;
}

/** A blacklist holds numbers as OVH stored them: `+33…`, `0033…`, `33…` or `06…`. */
function asE164(entry: unknown): string | null {
  if (typeof entry !== 'string') return null;
  const digits = entry.replace(/[^\d+]/g, '');
  const international = digits.startsWith('+')
    ? digits
    : digits.startsWith('00')
      ? `+${digits.slice(2)}`
      : digits.startsWith('0')
        ? null
        : `+${digits}`;
  const parsed = international ? parsePhoneNumberFromString(international) : parsePhoneNumberFromString(digits, 'FR');
  return parsed?.number ?? null;
}

function providerError(error: unknown): SmsProviderError {
  if (error instanceof OvhApiError) {
    return new SmsProviderError(error.transient ? 'transient' : 'rejected', error.code, error.providerMessage);
  }
  return new SmsProviderError('transient', 'unexpected');
}

/** How long a fetched blacklist is trusted: a STOP reply takes effect within a minute. */
const BLACKLIST_TTL_MS = 60_000;

/** SMS through the OVHcloud API, with the official client. */
export function createOvhProvider(settings: OvhProviderSettings, api: OvhApi = createOvhApi(settings)): SmsProvider {
  const base = `/sms/${encodeURIComponent(settings.serviceName)}`;
  let blacklist: { numbers: Set<string>; fetchedAt: number } | null = null;
  let refreshing: Promise<Set<string>> | null = null;

  async function outgoing(id: number): Promise<AcceptedSms> {
    const details = await api.get<OvhOutgoing>(`${base}/outgoing/${id}`);
    return {
      providerId: String(id),
      credits: typeof details?.credits === 'number' ? details.credits : null,
      delivered: false,
    };
  }

  async function fetchBlacklist(): Promise<Set<string>> {
    let entries: unknown;
    try {
      entries = await api.get<unknown>(`${base}/blacklists`);
    } catch (error) {
      throw providerError(error);
    }
    const numbers = new Set(
      (Array.isArray(entries) ? entries : []).map(asE164).filter((value): value is string => value !== null),
    );
    blacklist = { numbers, fetchedAt: Date.now() };
    return numbers;
  }

  return {
    name: 'ovh',

    async send(message) {
      const body: Record<string, unknown> = {
        message: message.body,
        receivers: [message.to],
        tag: message.tag,
        noStopClause: !message.stopClause,
        priority: 'high',
      };
      // Without a validated sender name, OVH sends from a short number people can answer.
      if (message.sender) body.sender = message.sender;
      else body.senderForResponse = true;
      if (message.validityMinutes !== null) body.validityPeriod = message.validityMinutes;
      let job: OvhJob;
      try {
        job = await api.post<OvhJob>(`${base}/jobs`, body);
      } catch (error) {
        throw providerError(error);
      }
      if (job?.invalidReceivers?.length) throw new SmsProviderError('invalid-receiver', 'invalid-receiver');
      const id = job?.ids?.[0];
      // Accepted without an id would be odd: leave it to the reconciliation by tag.
      if (typeof id !== 'number') throw new SmsProviderError('transient', 'unexpected-answer');
      return {
        providerId: String(id),
        credits: typeof job.totalCreditsRemoved === 'number' ? job.totalCreditsRemoved : null,
        delivered: false,
      };
    },

    async findByTag(tag) {
      try {
        const ids = await api.get<number[]>(`${base}/outgoing`, { tag });
        const id = Array.isArray(ids) ? ids.find((value) => typeof value === 'number') : undefined;
        return id === undefined ? null : await outgoing(id);
      } catch (error) {
        throw providerError(error);
      }
    },

    async isBlacklisted(e164) {
      const fresh = blacklist && Date.now() - blacklist.fetchedAt <= BLACKLIST_TTL_MS;
      if (fresh && blacklist) return blacklist.numbers.has(e164);
      // Sends running side by side wait for the same read rather than each asking OVH.
      refreshing ??= fetchBlacklist().finally(() => {
        refreshing = null;
      });
      return (await refreshing).has(e164);
    },

    async blacklist() {
      return [...(await fetchBlacklist())];
    },

    async creditsLeft() {
      try {
        const account = await api.get<{ creditsLeft?: number }>(base);
        return typeof account?.creditsLeft === 'number' ? account.creditsLeft : null;
      } catch {
        return null;
      }
    },
  };
}
