import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import {
  FINAL_SMS_STATUSES,
  SMS_STATUSES,
  type SmsProviderName,
  type SmsReceiptDetail,
  type SmsReceiptPage,
  type SmsReceiptRow,
  type SmsSendResult,
  type SmsStatus,
  type SmsSummary,
} from '../../../shared/contracts/sms';
import { CENTRE_UID, SMS_RECEIPT_UID } from '../../../shared/permissions';
import { nextSendingTime, sendingWindowProblem, type SendingWindow } from '../../../shared/sms/hours';
import { checkMobile, formatPhone, maskPhone } from '../../../shared/sms/phone';
import { smsCost, smsLengthProblem, toGsm7 } from '../../../shared/sms/segments';
import type { AdminUserLike } from '../centres/scope';
import { getService } from '../utils/get-service';
import { parseOrThrow } from '../utils/validation-error';
import { resolveSmsConfig, type ResolvedSmsConfig, type SmsConfig } from './config';
import { createSmsAccounts, type OvhAccountKeys } from './accounts';
import { cleanDescription, deliveryReportSchema, effectOf, reportDate } from './delivery-report';
import { createConsoleProvider } from './providers/console';
import { createOvhProvider } from './providers/ovh';
import { SmsProviderError, type AcceptedSms, type SmsProvider } from './providers/types';
import { centreFilter, listQuery } from '../utils/list-query';

const SENDER = /^[A-Za-z0-9 .-]{1,11}$/;
/**
 * How long a claim on a receipt lasts without renewal, and how often the claiming process
 * renews it during a provider call: a killed process is taken over within this time.
 */
const CLAIM_MS = 20_000;
const CENTRE_WRITES = new Set([
  'afterCreate',
  'afterCreateMany',
  'afterUpdate',
  'afterUpdateMany',
  'afterDelete',
  'afterDeleteMany',
]);
const CLAIM_RENEW_MS = 5_000;
/** Provider calls of a `sendMany` under way at once. */
const PARALLEL_SENDS = 10;

interface ReceiptMeta {
  attributes: {
    centre: { joinTable: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } } };
  };
}

/** Runs `work` over `items`, `limit` at a time. */
async function inParallel<T>(items: T[], limit: number, work: (item: T, position: number) => Promise<void>) {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const position = next++;
      await work(items[position], position);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

const windowInput = z.strictObject({
  days: z.array(z.number().int().min(1).max(7)).min(1).max(7).optional(),
  start: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .optional(),
  end: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .optional(),
  skipPublicHolidays: z.boolean().optional(),
  timeZone: z.string().max(64).optional(),
  holidayRegion: z
    .enum([
      'alsace-moselle',
      'guadeloupe',
      'martinique',
      'guyane',
      'reunion',
      'mayotte',
      'saint-martin',
      'saint-barthelemy',
    ])
    .optional(),
});

const sendInput = z.strictObject(
  {
    to: z.string({ error: 'Indiquez un numéro de mobile.' }).max(40, 'Ce numéro est trop long.'),
    body: z.string({ error: 'Le message est obligatoire.' }).max(2000, 'Le message compte 2 000 caractères au plus.'),
    centre: z.number({ error: 'Le centre est désigné par son numéro.' }).int().positive('Centre inconnu.'),
    tag: z
      .string({ error: 'L’étiquette est un texte.' })
      .min(1, 'L’étiquette est vide.')
      .max(120, 'L’étiquette compte 120 caractères au plus.')
      .regex(/^[\w.:/-]+$/, 'L’étiquette ne contient que des lettres sans accent, des chiffres et . _ : / -')
      .optional(),
    sender: z
      .string({ error: 'Le nom d’expéditeur est un texte.' })
      .regex(
        SENDER,
        'Le nom d’expéditeur compte 11 caractères au plus : lettres sans accent, chiffres, espace, point ou tiret.',
      )
      .optional(),
    transliterate: z.boolean({ error: 'transliterate vaut true ou false.' }).default(false),
    stopClause: z.boolean({ error: 'stopClause vaut true ou false.' }).default(false),
    hours: z
      .union([z.literal('any'), windowInput], { error: 'Les heures d’envoi demandées ne sont pas valides.' })
      .optional(),
    notAfter: z.coerce.date({ error: 'La date limite n’est pas une date.' }).optional(),
  },
  {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `Champ inconnu : ${issue.keys.join(', ')}.` : undefined),
  },
);

export type SmsSendInput = z.input<typeof sendInput>;

const receiptQuery = listQuery({
  status: z.enum(SMS_STATUSES, { error: 'État inconnu.' }).optional(),
  centre: centreFilter,
});

/** A receipt row as the database returns it. */
export interface ReceiptRecord {
  id: number;
  documentId: string;
  createdAt: string | Date;
  tag: string;
  providerTag: string;
  provider: SmsProviderName;
  /** The centre's own OVH account it left from (its name), or null for the install's. */
  account?: string | null;
  providerId: string | null;
  status: SmsStatus;
  phone: string | null;
  body: string | null;
  sender: string | null;
  stopClause: boolean;
  encoding: 'gsm7' | 'ucs2' | null;
  segments: number;
  credits: number;
  attempts: number;
  attemptedAt: string | Date | null;
  claimedUntil?: string | Date | null;
  sentAt: string | Date | null;
  deliveredAt: string | Date | null;
  reportCode: string | null;
  reportDescription: string | null;
  reportedAt: string | Date | null;
  errorCode: string | null;
  errorMessage: string | null;
  anonymisedAt: string | Date | null;
  centre?: { id: number; name: string } | null;
}

/** What staff read about a failure; never the number or the text. */
export function describeError(code: string | null): string | null {
  if (!code) return null;
  if (code === 'blacklisted') return 'La personne a demandé à ne plus recevoir de SMS (STOP).';
  if (code === 'invalid-receiver') return 'L’opérateur a refusé ce numéro.';
  if (code === 'timeout')
    return 'Le fournisseur n’a pas répondu à temps ; l’envoi sera vérifié avant toute nouvelle tentative.';
  if (code === 'network') return 'Le fournisseur de SMS est injoignable.';
  if (code === 'interrupted') return 'L’envoi a été interrompu ; il sera vérifié avant toute nouvelle tentative.';
  if (code === 'undelivered') return 'Le message n’a pas pu être remis au téléphone.';
  if (code === 'account-keys')
    return 'Les clés OVH du centre ne peuvent plus être lues (ENCRYPTION_KEY a changé) : saisissez-les à nouveau.';
  if (code === 'account-missing') return 'Le compte OVH du centre a été retiré avant que l’envoi soit vérifié.';
  if (code === 'too-late') return 'Trop tard : le message n’a pas été envoyé, sa date était passée.';
  const http = /^http-(\d{3})$/.exec(code);
  if (http && Number(http[1]) >= 500) return `Le fournisseur de SMS est en panne (erreur ${http[1]}).`;
  if (http) return `Le fournisseur a refusé l’envoi (erreur ${http[1]}) : vérifiez la configuration SMS.`;
  return 'L’envoi a échoué.';
}

/** Provider messages may quote the request: phone numbers, digits and the text are removed. */
function redact(message: string | null, body: string): string | null {
  if (!message) return null;
  let cleaned = body.length >= 8 ? message.split(body).join('[message]') : message;
  cleaned = cleaned.replace(/\+?\d[\d\s.-]{5,}\d/g, '[numéro]');
  return cleaned.slice(0, 300);
}

/** The provider's tag: 20 characters at most at OVH, derived from the sender's own tag. */
export function providerTagOf(tag: string): string {
  return `csc${crypto.createHash('sha256').update(tag).digest('hex').slice(0, 17)}`;
}

const toIso = (value: string | Date | null | undefined) => (value ? new Date(value).toISOString() : null);

function createProvider(config: ResolvedSmsConfig): SmsProvider {
  if (config.provider === 'ovh' && config.ovh) {
    return createOvhProvider({
      appKey: config.ovh.appKey,
      appSecret: config.ovh.appSecret,
      consumerKey: config.ovh.consumerKey,
      endpoint: config.ovh.endpoint,
      timeoutMs: config.ovh.timeoutMs,
      serviceName: config.ovh.serviceName,
    });
  }
  return createConsoleProvider();
}

/** First instant of the current month in Paris. */
function startOfMonthInParis(now: Date): Date {
  const [year, month] = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
  })
    .format(now)
    .split('-')
    .map(Number);
  // Midnight in Paris is 22:00 or 23:00 UTC the day before; find the offset by formatting.
  const guess = new Date(Date.UTC(year, month - 1, 1));
  const parisHour = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', hourCycle: 'h23' }).format(guess),
  );
  return new Date(guess.getTime() - parisHour * 3_600_000);
}

/**
 * The SMS channel: one `send` whatever the provider, a receipt per message written before the
 * provider is called, never twice under the same tag, and nothing personal in the logs.
 */
const createSmsService = ({ strapi }: { strapi: Core.Strapi }) => {
  let resolved: ResolvedSmsConfig | undefined;
  let provider: SmsProvider | undefined;
  const config = () => (resolved ??= resolveSmsConfig(strapi.plugin('core').config<Partial<SmsConfig>>('sms')));
  const currentProvider = () => (provider ??= createProvider(config()));
  const accounts = createSmsAccounts(strapi);
  const ownProviders = new Map<string, { provider: SmsProvider; at: number }>();
  /** How long an opened centre account is kept in memory before its keys are read again. */
  const OWN_PROVIDER_MS = 30_000;

  /**
   * The provider a message leaves (or left) through: a centre's own OVH account by its name,
   * the install's otherwise. A missing or unreadable account is a temporary failure: staff can
   * set the keys again, and the message goes then, if still in time.
   */
  async function providerNamed(account: string | null | undefined): Promise<SmsProvider> {
    const ovh = config().ovh;
    if (!account || config().provider !== 'ovh' || !ovh) return currentProvider();
    const cached = ownProviders.get(account);
    if (cached && Date.now() - cached.at < OWN_PROVIDER_MS) return cached.provider;
    let keys: OvhAccountKeys | null;
    try {
      keys = await accounts.keysNamed(account);
    } catch (error) {
      if ((error as Error).name === 'SecretKeyError') throw new SmsProviderError('transient', 'account-keys');
      throw error;
    }
    if (!keys) throw new SmsProviderError('transient', 'account-missing');
    const own = createOvhProvider({ ...keys, endpoint: ovh.endpoint, timeoutMs: ovh.timeoutMs });
    ownProviders.set(account, { provider: own, at: Date.now() });
    return own;
  }

  /**
   * Whether the number replied STOP on this account, or on the install's: a person who asked the
   * install's number to stop is not written to again when their centre moves to its own account.
   */
  async function stoppedOn(sms: SmsProvider, e164: string): Promise<boolean> {
    if (await sms.isBlacklisted(e164)) return true;
    return sms !== currentProvider() && (await currentProvider().isBlacklisted(e164));
  }

  /**
   * The centre's id and sender name, kept a few seconds: a burst of reminders reads it once. A
   * change made in this instance shows at once (every write to a centre empties it), in the
   * others within the same time as a change of account.
   */
  const centres = new Map<number, { row: { id: number; smsSenderName?: string | null } | null; at: number }>();
  strapi.db.lifecycles.subscribe((event) => {
    if (event.model.uid === CENTRE_UID && CENTRE_WRITES.has(event.action)) centres.clear();
  });
  async function centreOf(id: number) {
    const cached = centres.get(id);
    if (cached && Date.now() - cached.at < OWN_PROVIDER_MS) return cached.row;
    const row = (await strapi.db.query(CENTRE_UID).findOne({ where: { id }, select: ['id', 'smsSenderName'] })) as {
      id: number;
      smsSenderName?: string | null;
    } | null;
    centres.set(id, { row, at: Date.now() });
    return row;
  }

  /** The name of the account a centre's messages leave from now (null: the install's). */
  const accountOfCentre = async (centre: number) => (config().provider === 'ovh' ? accounts.nameOf(centre) : null);
  const receipts = () => strapi.db.query(SMS_RECEIPT_UID);
  /** For a `sending` receipt without a claim: older than this, it was interrupted. */
  const leaseMs = () => Math.max(120_000, 3 * (config().ovh?.timeoutMs ?? 0));
  /** Until when another process may be sending this receipt: its claim, kept alive while it works. */
  const busyUntil = (receipt: ReceiptRecord): number =>
    receipt.status !== 'sending'
      ? 0
      : receipt.claimedUntil
        ? new Date(receipt.claimedUntil).getTime()
        : (receipt.attemptedAt ? new Date(receipt.attemptedAt).getTime() : 0) + leaseMs();
  const inProgress = (receipt: ReceiptRecord) =>
    result(receipt, 'in-progress', {
      notBefore: new Date(Math.max(busyUntil(receipt), Date.now()) + 1000).toISOString(),
    });

  const result = (
    receipt: Pick<ReceiptRecord, 'id' | 'tag' | 'status' | 'errorCode'> | null,
    outcome: SmsSendResult['outcome'],
    extra: Partial<SmsSendResult> = {},
  ): SmsSendResult => ({
    outcome,
    retryable: outcome === 'failed' || outcome === 'in-progress' || outcome === 'deferred',
    receiptId: receipt?.id ?? null,
    tag: receipt?.tag ?? null,
    status: receipt?.status ?? null,
    ...(receipt?.errorCode && ['refused', 'failed', 'too-late'].includes(outcome) ? { reason: receipt.errorCode } : {}),
    ...extra,
  });

  async function update(id: number, data: Partial<ReceiptRecord>): Promise<ReceiptRecord> {
    return (await receipts().update({ where: { id }, data })) as ReceiptRecord;
  }

  /** One statement on the hot path: the receipt in hand, with what changed, is the answer. */
  async function settle(receipt: ReceiptRecord, data: Partial<ReceiptRecord>): Promise<ReceiptRecord> {
    await receipts().updateMany({ where: { id: receipt.id }, data });
    return { ...receipt, ...data };
  }

  /** Takes the receipt for this process: only one process may call the provider for a tag. */
  async function claim(receipt: ReceiptRecord): Promise<boolean> {
    const { count } = await receipts().updateMany({
      where: { id: receipt.id, attempts: receipt.attempts, status: receipt.status },
      data: {
        status: 'sending',
        attempts: receipt.attempts + 1,
        attemptedAt: new Date(),
        claimedUntil: new Date(Date.now() + CLAIM_MS),
      },
    });
    return count === 1;
  }

  /**
   * Keeps this process's claim alive while it talks to the provider: a process that dies stops
   * renewing, and another may settle the receipt seconds later instead of minutes.
   */
  function holdClaim(receipt: ReceiptRecord): () => void {
    const timer = setInterval(() => {
      receipts()
        .updateMany({
          where: { id: receipt.id, status: 'sending' },
          data: { claimedUntil: new Date(Date.now() + CLAIM_MS) },
        })
        .catch((error: Error) => strapi.log.error(`SMS receipt #${receipt.id}: claim not renewed (${error.message})`));
    }, CLAIM_RENEW_MS);
    timer.unref();
    return () => clearInterval(timer);
  }

  async function markAccepted(receipt: ReceiptRecord, accepted: AcceptedSms, write = settle): Promise<ReceiptRecord> {
    const now = new Date();
    return write(receipt, {
      status: accepted.delivered ? 'delivered' : 'sent',
      providerId: accepted.providerId,
      credits: accepted.credits ?? receipt.credits,
      sentAt: now,
      deliveredAt: accepted.delivered ? now : null,
      errorCode: null,
      errorMessage: null,
    });
  }

  async function markFailed(
    receipt: ReceiptRecord,
    error: unknown,
    body: string,
    write = settle,
  ): Promise<ReceiptRecord> {
    const failure = error instanceof SmsProviderError ? error : new SmsProviderError('transient', 'unexpected', null);
    const status: SmsStatus =
      failure.kind === 'blacklisted'
        ? 'blacklisted'
        : failure.kind === 'invalid-receiver'
          ? 'invalid'
          : failure.kind === 'rejected'
            ? 'failed'
            : 'error';
    strapi.log.warn(
      `SMS receipt #${receipt.id} not sent (${failure.code}${failure.kind === 'transient' ? ', will be retried' : ''})`,
    );
    return write(receipt, {
      status,
      errorCode: failure.code,
      errorMessage: redact(failure.providerMessage, body),
      credits: status === 'error' ? receipt.credits : 0,
    });
  }

  /**
   * Hands a claimed receipt to the provider. When an earlier attempt may have reached the
   * provider, asks it first whether a message under this tag already went out. In a batch, the
   * batch holds the claims and `write` keeps the outcome for one write of them all.
   */
  async function deliver(
    receipt: ReceiptRecord,
    reconcileFirst: boolean,
    validityMinutes: number | null,
    batch?: { write: typeof settle },
  ) {
    const body = receipt.body ?? '';
    const write = batch?.write ?? settle;
    const release = batch ? () => undefined : holdClaim(receipt);
    try {
      const sms = await providerNamed(receipt.account);
      if (reconcileFirst) {
        const earlier = await sms.findByTag(receipt.providerTag);
        if (earlier) {
          strapi.log.info(`SMS receipt #${receipt.id} had already gone out; recorded without sending again`);
          return result(await markAccepted(receipt, earlier, write), 'already-sent');
        }
      }
      if (receipt.phone && (await stoppedOn(sms, receipt.phone))) {
        throw new SmsProviderError('blacklisted', 'blacklisted');
      }
      const accepted = await sms.send({
        to: receipt.phone ?? '',
        body,
        tag: receipt.providerTag,
        sender: receipt.sender,
        stopClause: Boolean(receipt.stopClause),
        validityMinutes,
      });
      const sent = await markAccepted(receipt, accepted, write);
      strapi.log.info(`SMS receipt #${receipt.id} accepted by ${sms.name} (${sent.segments} part(s))`);
      return result(sent, 'sent');
    } catch (error) {
      const failed = await markFailed(receipt, error, body, write);
      return result(failed, failed.status === 'error' ? 'failed' : 'refused');
    } finally {
      release();
    }
  }

  async function findByProviderTag(providerTag: string): Promise<ReceiptRecord | null> {
    return (await receipts().findOne({ where: { providerTag } })) as ReceiptRecord | null;
  }

  /** The answer for a tag that already has a receipt, sending it if it is still owed. */
  async function resume(existing: ReceiptRecord, validityMinutes: number | null): Promise<SmsSendResult> {
    if (existing.status === 'sent' || existing.status === 'delivered' || existing.status === 'undelivered') {
      return result(existing, 'already-sent');
    }
    if (FINAL_SMS_STATUSES.includes(existing.status)) return result(existing, 'refused');
    if (busyUntil(existing) > Date.now()) return inProgress(existing);
    if (!existing.phone || existing.body === null) return result(existing, 'refused');
    if (!(await claim(existing))) return inProgress(existing);
    const claimed = { ...existing, status: 'sending' as const, attempts: existing.attempts + 1 };
    return deliver(claimed, true, validityMinutes);
  }

  /**
   * A message still owed whose time has passed: it is not sent, but its receipt must say the
   * truth, so the provider is asked whether an earlier attempt went out after all.
   */
  async function giveUp(existing: ReceiptRecord): Promise<SmsSendResult> {
    if (busyUntil(existing) > Date.now() || !(await claim(existing))) return inProgress(existing);
    const claimed = { ...existing, status: 'sending' as const, attempts: existing.attempts + 1 };
    try {
      const earlier = await (await providerNamed(existing.account)).findByTag(existing.providerTag);
      if (earlier) return result(await markAccepted(claimed, earlier), 'already-sent');
    } catch {
      // The provider cannot tell: the message is still dropped, the receipt says it may be unsent.
    }
    const dropped = await update(existing.id, { status: 'failed', errorCode: 'too-late', credits: 0 });
    return result(dropped, 'too-late', { retryable: false });
  }

  /** A message checked and priced, nothing written yet: throws French ValidationErrors. */
  async function prepare(input: SmsSendInput) {
    const data = parseOrThrow(sendInput, input);
    const phone = checkMobile(data.to, { regions: config().regions, fictional: config().provider === 'console' });
    if (!phone.ok) throw invalid('to', phone.message);
    const body = data.transliterate ? toGsm7(data.body) : data.body;
    const lengthProblem = smsLengthProblem(body, { stopClause: data.stopClause });
    if (lengthProblem) throw invalid('body', lengthProblem);
    const centre = await centreOf(data.centre);
    if (!centre) throw invalid('centre', 'Centre inconnu.');
    const tag = data.tag ?? `sms-${crypto.randomUUID()}`;
    return { data, e164: phone.e164, body, centre, tag, providerTag: providerTagOf(tag) };
  }
  type Prepared = Awaited<ReturnType<typeof prepare>>;

  const dueNow = (message: Prepared, now: Date) =>
    !message.data.notAfter || message.data.notAfter.getTime() > now.getTime();
  /** How long OVH may keep trying to reach the phone: until the message's own deadline. */
  const validityOf = (message: Prepared, now: Date) =>
    message.data.notAfter
      ? Math.max(1, Math.min(2880, Math.floor((message.data.notAfter.getTime() - now.getTime()) / 60_000)))
      : null;

  /** The receipt of a message about to go, claimed by this process. */
  async function newReceipt(message: Prepared, now: Date) {
    const { data, body, centre } = message;
    const cost = smsCost(body, { stopClause: data.stopClause });
    return {
      tag: message.tag,
      providerTag: message.providerTag,
      provider: currentProvider().name,
      account: await accountOfCentre(centre.id),
      status: 'sending' as const,
      phone: message.e164,
      body,
      sender: data.sender ?? (centre.smsSenderName || null) ?? config().ovh?.sender ?? null,
      stopClause: data.stopClause,
      encoding: cost.encoding === 'GSM-7' ? ('gsm7' as const) : ('ucs2' as const),
      characters: [...body].length,
      segments: cost.parts,
      credits: cost.credits,
      attempts: 1,
      attemptedAt: now,
      claimedUntil: new Date(now.getTime() + CLAIM_MS),
      centre: centre.id,
    };
  }

  /**
   * New receipts in one transaction: the rows in one statement, their centres in another
   * (Strapi's `createMany` leaves relations out). Fails whole, for instance on a tag written
   * by another instance meanwhile.
   */
  async function insertReceipts(rows: Awaited<ReturnType<typeof newReceipt>>[]): Promise<number[]> {
    const link = (strapi.db.metadata.get(SMS_RECEIPT_UID as never) as unknown as ReceiptMeta).attributes.centre
      .joinTable;
    const schema = strapi.db.getSchemaName();
    return strapi.db.transaction(async ({ trx }) => {
      const { ids } = (await receipts().createMany({
        data: rows.map(({ centre: _centre, ...row }) => row),
      })) as { ids: number[] };
      await trx(schema ? `${schema}.${link.name}` : link.name).insert(
        ids.map((id, position) => ({
          [link.joinColumn.name]: id,
          [link.inverseJoinColumn.name]: rows[position].centre,
        })),
      );
      return ids.map(Number);
    });
  }

  /** Keeps the claims of a batch alive while it talks to the provider, in one statement each time. */
  function holdClaims(ids: number[]): () => void {
    const timer = setInterval(() => {
      receipts()
        .updateMany({
          where: { id: { $in: ids }, status: 'sending' },
          data: { claimedUntil: new Date(Date.now() + CLAIM_MS) },
        })
        .catch((error: Error) => strapi.log.error(`SMS receipts: claims not renewed (${error.message})`));
    }, CLAIM_RENEW_MS);
    timer.unref();
    return () => clearInterval(timer);
  }

  /** The answer to one message, written and sent on its own. */
  async function sendOne(message: Prepared): Promise<SmsSendResult> {
    const { data, providerTag } = message;
    const existing = await findByProviderTag(providerTag);
    // What went out (or never will) is answered as such, whatever the hour.
    if (existing && FINAL_SMS_STATUSES.includes(existing.status)) return resume(existing, null);

    const now = new Date();
    const window = windowOf(data.hours);
    const notBefore = window ? nextSendingTime(now, window) : now;
    if (data.notAfter && Math.max(notBefore.getTime(), now.getTime()) > data.notAfter.getTime()) {
      return existing ? giveUp(existing) : result(null, 'too-late');
    }
    if (notBefore.getTime() > now.getTime()) {
      return result(existing, 'deferred', { notBefore: notBefore.toISOString() });
    }
    const validityMinutes = validityOf(message, now);
    if (existing) return resume(existing, validityMinutes);

    let receipt: ReceiptRecord;
    try {
      receipt = (await receipts().create({ data: await newReceipt(message, now) })) as ReceiptRecord;
    } catch (error) {
      // The database refuses a second receipt for a tag: another call got there first.
      const raced = await findByProviderTag(providerTag);
      if (raced) return resume(raced, validityMinutes);
      throw error;
    }
    return deliver(receipt, false, validityMinutes);
  }

  function windowOf(hours: SmsSendInput['hours']): SendingWindow | null {
    if (hours === 'any') return null;
    const window = { ...config().window, ...hours };
    const problem = hours ? sendingWindowProblem(window) : null;
    if (problem) {
      throw new errors.ValidationError('Les heures d’envoi demandées ne sont pas valides.', {
        errors: [
          { path: ['hours'], message: 'Les heures d’envoi demandées ne sont pas valides.', name: 'ValidationError' },
        ],
      });
    }
    return window;
  }

  function invalid(field: string, message: string): InstanceType<typeof errors.ValidationError> {
    return new errors.ValidationError(message, { errors: [{ path: [field], message, name: 'ValidationError' }] });
  }

  function rowOf(receipt: ReceiptRecord): SmsReceiptRow {
    return {
      id: receipt.id,
      createdAt: new Date(receipt.createdAt).toISOString(),
      sentAt: toIso(receipt.sentAt),
      deliveredAt: toIso(receipt.deliveredAt),
      status: receipt.status,
      provider: receipt.provider,
      tag: receipt.tag,
      to: receipt.phone ? maskPhone(receipt.phone) : null,
      encoding: receipt.encoding === 'gsm7' ? 'GSM-7' : receipt.encoding === 'ucs2' ? 'UCS-2' : null,
      segments: receipt.segments,
      credits: receipt.credits,
      centre: receipt.centre ? { id: receipt.centre.id, name: receipt.centre.name } : null,
      error: describeError(receipt.errorCode ?? (receipt.status === 'undelivered' ? 'undelivered' : null)),
      anonymised: Boolean(receipt.anonymisedAt),
    };
  }

  return {
    /** `console` or `ovh`, as SMS_PROVIDER chose. */
    providerName(): SmsProviderName {
      return currentProvider().name;
    },

    /**
     * Sends one SMS. Throws a ValidationError (French, per field) for a wrong number, an empty
     * or too long message, an unknown centre. Otherwise answers what happened: see
     * {@link SmsSendResult}. Calling again with the same `tag` never sends twice.
     */
    async send(input: SmsSendInput): Promise<SmsSendResult> {
      return sendOne(await prepare(input));
    },

    /**
     * Sends several messages with a few statements for them all, as reminders falling due
     * together do: one answer per input, in order, with the checks and guarantees of `send`
     * (the French ValidationError `send` would throw stands in place of its answer). One read
     * finds the tags already known and one transaction writes the new receipts; the provider
     * is called for each message, a few at a time; one transaction records the outcomes. A
     * message with a receipt already, waiting for sending hours or past its time goes the way
     * of `send`, which knows every case.
     */
    async sendMany(inputs: SmsSendInput[]): Promise<(SmsSendResult | Error)[]> {
      const answers: (SmsSendResult | Error | undefined)[] = new Array(inputs.length);
      const prepared = await Promise.all(inputs.map((input) => prepare(input).catch((error: Error) => error)));
      const tags = prepared.flatMap((message) => (message instanceof Error ? [] : [message.providerTag]));
      const known = new Set(
        tags.length === 0
          ? []
          : (
              (await receipts().findMany({
                where: { providerTag: { $in: tags } },
                select: ['providerTag'],
              })) as { providerTag: string }[]
            ).map((row) => row.providerTag),
      );
      const now = new Date();
      let fresh: { index: number; message: Prepared }[] = [];
      const oneByOne: number[] = [];
      prepared.forEach((message, index) => {
        if (message instanceof Error) answers[index] = message;
        else if (known.has(message.providerTag) || message.data.hours !== 'any' || !dueNow(message, now)) {
          oneByOne.push(index);
        } else {
          known.add(message.providerTag);
          fresh.push({ index, message });
        }
      });

      let created: ReceiptRecord[] = [];
      if (fresh.length > 0) {
        const rows = await Promise.all(fresh.map(({ message }) => newReceipt(message, now)));
        try {
          const ids = await insertReceipts(rows);
          created = rows.map(
            ({ centre: _centre, ...row }, position) =>
              ({ ...row, id: ids[position], providerId: null, errorCode: null }) as unknown as ReceiptRecord,
          );
        } catch {
          // Another instance wrote one of these tags first (or the write failed): one by one,
          // each finds out where its own message stands.
          oneByOne.push(...fresh.map(({ index }) => index));
          fresh = [];
        }
      }
      if (fresh.length > 0) {
        const outcomes: { id: number; data: Partial<ReceiptRecord> }[] = [];
        const write = async (receipt: ReceiptRecord, data: Partial<ReceiptRecord>) => {
          outcomes.push({ id: receipt.id, data });
          return { ...receipt, ...data };
        };
        const release = holdClaims(created.map((receipt) => receipt.id));
        try {
          await inParallel(fresh, PARALLEL_SENDS, async ({ index, message }, position) => {
            answers[index] = await deliver(created[position], false, validityOf(message, now), { write });
          });
          await strapi.db.transaction(async () => {
            for (const { id, data } of outcomes) await receipts().updateMany({ where: { id }, data });
          });
        } finally {
          release();
        }
      }
      await inParallel(oneByOne, PARALLEL_SENDS, async (index) => {
        answers[index] = await sendOne(prepared[index] as Prepared).catch((error: Error) => error);
      });
      return answers as (SmsSendResult | Error)[];
    },

    /** Credits left on the provider account, read from it now (null for the console provider or when unknown). */
    async creditsLeft(): Promise<number | null> {
      const sms = currentProvider();
      return sms.name === 'ovh' ? sms.creditsLeft() : null;
    },

    /**
     * The centre's own OVH account (its name only, never a key), or null when its messages leave
     * from the install's account.
     */
    async centreAccount(centre: number): Promise<{ serviceName: string } | null> {
      const serviceName = await accounts.nameOf(centre);
      return serviceName ? { serviceName } : null;
    },

    /**
     * Sets the centre's own OVH account, its keys sealed at rest; null removes it. From then on
     * the centre's messages leave from it (other instances follow within 30 s); messages already
     * sent are still followed up through the account they left from.
     */
    async setCentreAccount(centre: number, keys: OvhAccountKeys | null): Promise<void> {
      const previous = await accounts.nameOf(centre);
      await accounts.set(centre, keys);
      if (previous) ownProviders.delete(previous);
      if (keys) ownProviders.delete(keys.serviceName);
    },

    /**
     * Credits left on the centre's own OVH account, read now; null when it has none, unless
     * SMS_PROVIDER is ovh, or when OVH does not answer (wrong keys included). Throws core's
     * SecretKeyError (French) when the keys can no longer be opened.
     */
    async centreCreditsLeft(centre: number): Promise<number | null> {
      const ovh = config().ovh;
      const keys = await accounts.keysOf(centre);
      if (!keys || config().provider !== 'ovh' || !ovh) return null;
      return createOvhProvider({ ...keys, endpoint: ovh.endpoint, timeoutMs: ovh.timeoutMs }).creditsLeft();
    },

    /**
     * Whether the number replied STOP at the provider (false for the console provider): on the
     * install's account, and on the centre's own when one is given and has one.
     */
    async isBlacklisted(to: string, centre?: number): Promise<boolean> {
      const phone = checkMobile(to, { regions: config().regions });
      if (!phone.ok) return false;
      const sms = centre === undefined ? currentProvider() : await providerNamed(await accountOfCentre(centre));
      return stoppedOn(sms, phone.e164);
    },

    /**
     * Every number opted out at the install's account (STOP replies), E.164, read now. Empty for
     * the console provider; throws `SmsProviderError` when the provider cannot be reached.
     */
    async blacklistedNumbers(): Promise<string[]> {
      return currentProvider().blacklist();
    },

    /**
     * The STOP lists that apply to centres: `install` applies to every centre, and each centre
     * with its own account has that account's list too. Throws `SmsProviderError` when one
     * cannot be read.
     */
    async blacklistsByAccount(): Promise<{ install: string[]; centres: { centre: number; numbers: string[] }[] }> {
      const install = await currentProvider().blacklist();
      if (config().provider !== 'ovh') return { install, centres: [] };
      const centres = [];
      for (const { centre, serviceName } of await accounts.centresWithOwn()) {
        centres.push({ centre, numbers: await (await providerNamed(serviceName)).blacklist() });
      }
      return { install, centres };
    },

    /**
     * Settles messages left `sending` by a process that died mid-call: those the provider knows
     * (by tag) become `sent`, the others `error`, which their sender's next attempt resends.
     */
    async reconcileInterrupted(): Promise<{ sent: number; interrupted: number }> {
      const now = new Date();
      const stale = (await receipts().findMany({
        where: {
          status: 'sending',
          $or: [
            { claimedUntil: { $lt: now } },
            { claimedUntil: { $null: true }, attemptedAt: { $lt: new Date(now.getTime() - leaseMs()) } },
          ],
        },
        limit: 100,
      })) as ReceiptRecord[];
      let sent = 0;
      let interrupted = 0;
      for (const receipt of stale) {
        if (!(await claim(receipt))) continue;
        try {
          const earlier = await (await providerNamed(receipt.account)).findByTag(receipt.providerTag);
          if (earlier) {
            await markAccepted(receipt, earlier);
            sent += 1;
            continue;
          }
          await update(receipt.id, { status: 'error', errorCode: 'interrupted' });
          interrupted += 1;
        } catch {
          // The provider cannot tell now: leave it for the next round.
          await update(receipt.id, { status: 'sending', claimedUntil: new Date(0) });
        }
      }
      return { sent, interrupted };
    },

    /**
     * Applies a delivery report from the provider. Answers nothing about whether the message
     * exists: the caller always gets the same reply.
     */
    async applyDeliveryReport(raw: Record<string, unknown>): Promise<void> {
      const report = parseOrThrow(deliveryReportSchema, raw);
      const receipt = (await receipts().findOne({
        where: { provider: currentProvider().name, providerId: report.id },
        select: ['id', 'status', 'createdAt'],
      })) as Pick<ReceiptRecord, 'id' | 'status' | 'createdAt'> | null;
      if (!receipt) return;
      const effect = effectOf(report);
      // A report that says nothing known (no dlr, no ptt) changes nothing.
      if (effect.code === null) return;
      const at = reportDate(report.date);
      const data: Partial<ReceiptRecord> = {
        reportCode: effect.code,
        reportDescription: cleanDescription(report.description),
        reportedAt: at,
      };
      const settled = ['sent', 'delivered', 'undelivered', 'blacklisted'].includes(receipt.status);
      if (effect.status && settled) {
        data.status = effect.status;
        data.deliveredAt = effect.status === 'delivered' ? at : null;
        data.errorCode = effect.status === 'delivered' ? null : effect.status;
      }
      await update(receipt.id, data);
    },

    /** Constant-time check of the token a delivery report carries. */
    isDeliveryReportToken(token: unknown): boolean {
      if (typeof token !== 'string' || token.length > 200) return false;
      const expected = crypto.createHash('sha256').update(config().deliveryReportToken).digest();
      const given = crypto.createHash('sha256').update(token).digest();
      return crypto.timingSafeEqual(expected, given);
    },

    /** A page of receipts as `user` may see them: their centres only, unless super-admin. */
    async list(user: AdminUserLike, rawQuery: unknown): Promise<SmsReceiptPage> {
      const query = parseOrThrow(receiptQuery, rawQuery ?? {});
      const scope = await getService(strapi, 'scope').filterFor(user, SMS_RECEIPT_UID);
      const filters: Record<string, unknown>[] = [];
      if (scope) filters.push(scope);
      if (query.status) filters.push({ status: query.status });
      if (query.centre) filters.push({ centre: { id: query.centre } });
      const where = filters.length > 0 ? { $and: filters } : {};
      const [rows, total] = await Promise.all([
        receipts().findMany({
          where,
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          offset: (query.page - 1) * query.pageSize,
          limit: query.pageSize,
          populate: { centre: { select: ['id', 'name'] } },
        }) as Promise<ReceiptRecord[]>,
        receipts().count({ where }),
      ]);
      return {
        results: rows.map(rowOf),
        pagination: { page: query.page, pageSize: query.pageSize, total, pageCount: Math.ceil(total / query.pageSize) },
      };
    },

    /** One receipt with its number and text, for the staff of its centre. */
    async findOne(user: AdminUserLike, rawId: unknown): Promise<SmsReceiptDetail> {
      const id = Number(rawId);
      if (!Number.isSafeInteger(id) || id < 1) throw new errors.NotFoundError('Ce SMS n’existe pas.');
      const scope = await getService(strapi, 'scope').filterFor(user, SMS_RECEIPT_UID);
      const receipt = (await receipts().findOne({
        where: scope ? { $and: [{ id }, scope] } : { id },
        populate: { centre: { select: ['id', 'name'] } },
      })) as ReceiptRecord | null;
      if (!receipt) throw new errors.NotFoundError('Ce SMS n’existe pas.');
      return {
        ...rowOf(receipt),
        phone: receipt.phone ? formatPhone(receipt.phone) : null,
        body: receipt.body,
        sender: receipt.sender,
        providerId: receipt.providerId,
        attempts: receipt.attempts,
        deliveryReport: {
          code: receipt.reportCode,
          description: receipt.reportDescription,
          at: toIso(receipt.reportedAt),
        },
      };
    },

    /** This month's messages, parts and credits in the user's centres, and the OVH balance. */
    async summary(user: AdminUserLike): Promise<SmsSummary> {
      const from = startOfMonthInParis(new Date());
      const scope = await getService(strapi, 'scope').filterFor(user, SMS_RECEIPT_UID);
      const filters: Record<string, unknown>[] = [{ createdAt: { $gte: from } }];
      if (scope) filters.push(scope);
      const rows = (await receipts().findMany({
        where: { $and: filters },
        // With the id: the query is DISTINCT when it joins the centre, identical rows would merge.
        select: ['id', 'segments', 'credits', 'status'],
      })) as Pick<ReceiptRecord, 'segments' | 'credits' | 'status'>[];
      const counted = rows.filter((row) => row.status !== 'blacklisted' && row.status !== 'invalid');
      const sms = currentProvider();
      return {
        provider: sms.name,
        month: {
          from: from.toISOString(),
          messages: counted.length,
          segments: counted.reduce((sum, row) => sum + (row.segments ?? 0), 0),
          credits: Math.round(counted.reduce((sum, row) => sum + (Number(row.credits) || 0), 0) * 100) / 100,
        },
        creditsLeft: sms.name === 'ovh' ? await sms.creditsLeft() : null,
      };
    },

    /**
     * Retention, first step (6 months at RDV-Solidarités): the number and the text go, the
     * counts and statuses stay. Messages still being sent are left alone.
     */
    async anonymiseOlderThan(date: Date): Promise<{ count: number }> {
      return receipts().updateMany({
        where: { createdAt: { $lt: date }, anonymisedAt: { $null: true }, status: { $ne: 'sending' } },
        data: { phone: null, body: null, anonymisedAt: new Date() },
      });
    },

    /** Retention, second step (2 years at RDV-Solidarités): receipts are deleted. */
    async deleteOlderThan(date: Date): Promise<{ count: number }> {
      return receipts().deleteMany({ where: { createdAt: { $lt: date }, status: { $ne: 'sending' } } });
    },

    /** For the personal-data registry: receipts sent to this number. */
    async findByPhone(e164: string): Promise<ReceiptRecord[]> {
      return (await receipts().findMany({
        where: { phone: e164 },
        orderBy: [{ createdAt: 'asc' }],
        populate: { centre: { select: ['id', 'name'] } },
      })) as ReceiptRecord[];
    },

    /** For the personal-data registry: erasing a person anonymises their receipts. */
    async anonymise(documentIds: string[]): Promise<{ count: number }> {
      if (documentIds.length === 0) return { count: 0 };
      return receipts().updateMany({
        where: { documentId: { $in: documentIds } },
        data: { phone: null, body: null, anonymisedAt: new Date() },
      });
    },
  };
};

export type SmsService = ReturnType<typeof createSmsService>;
export default createSmsService;
