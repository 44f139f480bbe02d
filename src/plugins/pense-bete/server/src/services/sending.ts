import type { Core } from '@strapi/strapi';
import { findManyJoined, findOneJoined, type JobContext } from '@csc/plugin-core/toolkit';
import { isWithinSendingWindow, nextSendingTime, type SmsSendResult } from '@csc/plugin-core/shared';
import { CONSENT_PURPOSES, PERSON_UID, REMINDER_UID } from '../../../shared/permissions';
import type { Channel } from '../../../shared/contracts/pense-bete';
import { coreService, sendingWindow } from '../core-services';
import { dayInWords, renderTemplate, timeInWords } from '../planning/template';
import { REMINDER_JOB, REMINDER_MAX_ATTEMPTS } from '../sending/job';
import { slotOf } from '../planning/reminders';
import type { ReminderRecord, StepRecord } from '../steps/views';
import { getService } from '../utils/get-service';
import { withUnsubscribeLink } from '../opt-out/mail-footer';

const CENTRE_UID = 'plugin::core.centre';
/** The reminder's own fields the sending reads. */
const REMINDER_FIELDS = [
  'documentId',
  'key',
  'slot',
  'occurrence',
  'daysBefore',
  'offsetTime',
  'sendAt',
  'notAfter',
  'channel',
  'status',
  'attempts',
];

/** The step, person and centre fields the sending reads with each reminder. */
const RELATIONS = {
  step: ['documentId', 'title', 'template', 'time', 'status', 'revision'],
  person: ['documentId', 'firstName', 'channel', 'phone', 'email', 'smsStoppedAt'],
  centre: ['name', 'phone'],
};

type Loaded = ReminderRecord & {
  step: (StepRecord & { status: 'active' | 'ended' }) | null;
  person: {
    id: number;
    documentId: string;
    firstName: string;
    channel: Channel;
    phone: string | null;
    email: string | null;
    smsStoppedAt?: string | Date | null;
  } | null;
  centre: { id: number; name: string; phone: string | null } | null;
};

/** A reminder whose step, person and centre are all there: the only kind that is sent. */
type Ready = Loaded & {
  step: NonNullable<Loaded['step']>;
  person: NonNullable<Loaded['person']>;
  centre: NonNullable<Loaded['centre']>;
};

/**
 * A failure worth another try later: the outbox retries the job at `retryAt` when core said
 * when (another instance's claim runs out then), otherwise with its back-off.
 */
export class TransientSendError extends Error {
  constructor(
    readonly code: string,
    readonly retryAt?: Date,
  ) {
    super(`Rappel non envoyé, nouvel essai prévu (${code})`);
  }
}

export type DeliveryOutcome = 'sent' | 'skipped' | 'dropped' | 'cancelled' | 'failed' | 'rescheduled';

/**
 * Sends one reminder, as its outbox job asks. It re-reads everything (the step may have changed,
 * consent may be withdrawn), claims the reminder so that only one run sends it, and lets core's
 * SMS service guarantee a single message per tag across crashes and retries.
 */
const createSendingService = ({ strapi }: { strapi: Core.Strapi }) => {
  const reminders = () => strapi.db.query(REMINDER_UID);
  const now = () => getService(strapi, 'clock').now();

  // One statement each: `update` would read the row before and after, for nothing here.
  async function set(id: number, data: Record<string, unknown>): Promise<void> {
    await reminders().updateMany({ where: { id }, data });
  }

  async function finish(id: number, data: Record<string, unknown>): Promise<void> {
    await set(id, { finishedAt: now(), ...data });
  }

  function render(reminder: Ready): string {
    const { step } = reminder;
    const occurrence = new Date(reminder.occurrence);
    return renderTemplate(step.template, {
      prenom: reminder.person.firstName,
      demarche: step.title,
      date: dayInWords(occurrence),
      heure: step.time ? timeInWords(occurrence) : '',
      centre: reminder.centre.name,
      telephone_centre: reminder.centre.phone ?? '',
    });
  }

  /**
   * What a reminder becomes after core's answer about its SMS (or core's refusal of the input):
   * what to write on it, and its outcome, or the error its job is retried with.
   */
  function afterSms(
    reminder: Ready,
    result: SmsSendResult | Error,
    attempt: number,
  ): { data: Record<string, unknown>; outcome: DeliveryOutcome | TransientSendError } {
    const finished = (data: Record<string, unknown>) => ({ finishedAt: now(), ...data });
    if (result instanceof Error) {
      const field = (result as { details?: { errors?: { path?: string[] }[] } }).details?.errors?.[0]?.path?.[0];
      const errorCode = field === 'body' ? 'message-too-long' : 'invalid-number';
      return { data: finished({ status: 'failed', errorCode, errorKind: 'permanent' }), outcome: 'failed' };
    }
    const receipt = { smsReceiptId: result.receiptId };
    switch (result.outcome) {
      case 'sent':
      case 'already-sent':
        return { data: finished({ status: 'sent', sentAt: now(), ...receipt }), outcome: 'sent' };
      case 'too-late':
        return {
          data: finished({ status: 'dropped', errorCode: 'too-late', errorKind: 'permanent', ...receipt }),
          outcome: 'dropped',
        };
      case 'refused':
        return {
          data: finished({
            status: 'failed',
            errorCode: result.reason ?? result.status ?? 'refused',
            errorKind: 'permanent',
            ...receipt,
          }),
          outcome: 'failed',
        };
      default: {
        // failed (temporary), in-progress, deferred: the receipt stays; the retry resumes it.
        const code = result.reason ?? result.outcome;
        strapi.log.warn(`Pense-bête: reminder ${reminder.id} not sent yet (${code}), attempt ${attempt}`);
        return {
          data: { errorCode: code, errorKind: 'transient', ...receipt },
          outcome: new TransientSendError(code, result.notBefore ? new Date(result.notBefore) : undefined),
        };
      }
    }
  }

  /**
   * The reminders of a batch that can go by the common way: planned, due now within the sending
   * hours, by SMS to a number not on the STOP list, step active. The others go one by one.
   */
  function sendsNow(reminder: Loaded | undefined, at: Date): reminder is Ready {
    return Boolean(
      reminder &&
      reminder.status === 'planned' &&
      reminder.step?.status === 'active' &&
      reminder.centre &&
      reminder.person?.channel === 'sms' &&
      reminder.person.phone &&
      !reminder.person.smsStoppedAt &&
      at < new Date(reminder.notAfter) &&
      isWithinSendingWindow(at, sendingWindow(strapi)),
    );
  }

  return {
    render,

    async deliver(reminderId: number, context?: Pick<JobContext, 'attempt'>): Promise<DeliveryOutcome> {
      // One statement rather than four: this runs once per reminder, thousands at a time.
      const reminder = (await findOneJoined(
        strapi,
        REMINDER_UID,
        reminderId,
        REMINDER_FIELDS,
        RELATIONS,
      )) as Loaded | null;
      // Deleted (erased person) or already settled: nothing to do, and nothing to send twice.
      if (!reminder || !['planned', 'sending'].includes(reminder.status)) return 'skipped';
      if (!reminder.person || !reminder.step || !reminder.centre || reminder.step.status !== 'active') {
        await finish(reminder.id, { status: 'cancelled' });
        return 'cancelled';
      }
      return this.deliverReady(reminder as Ready, context);
    },

    /**
     * Sends the reminders of jobs due together, as the outbox hands them: a few statements for
     * the batch (one read, one consent check, one claim, core's `sendMany`, one transaction for
     * the outcomes) instead of a dozen per reminder, with the same rules as `deliver`, which
     * takes every reminder off the common way. Answers, in order, null or the job's error.
     */
    async deliverMany(items: { reminderId: number; attempt: number }[]): Promise<unknown[]> {
      const answers: unknown[] = items.map(() => null);
      const loaded = (await findManyJoined(
        strapi,
        REMINDER_UID,
        items.map((item) => item.reminderId),
        REMINDER_FIELDS,
        RELATIONS,
      )) as unknown as Loaded[];
      const byId = new Map(loaded.map((reminder) => [reminder.id, reminder]));
      const at = now();
      const common = items.flatMap((item, position) => {
        const reminder = byId.get(item.reminderId);
        return sendsNow(reminder, at) ? [{ position, reminder, attempt: item.attempt }] : [];
      });
      const consenting = await coreService(strapi, 'consent').givenAmong(
        PERSON_UID,
        common.map(({ reminder }) => reminder.person.documentId),
        CONSENT_PURPOSES.sms,
      );
      // The claim: only the reminders this statement moves from planned are sent by this run.
      const candidates = common.filter(({ reminder }) => consenting.has(reminder.person.documentId));
      const meta = strapi.db.metadata.get(REMINDER_UID as never) as unknown as {
        tableName: string;
        attributes: Record<string, { columnName?: string }>;
      };
      const column = (name: string) => meta.attributes[name]?.columnName ?? name;
      const schema = strapi.db.getSchemaName();
      const claimedIds = new Set(
        candidates.length === 0
          ? []
          : (
              (await strapi.db
                .connection(schema ? `${schema}.${meta.tableName}` : meta.tableName)
                .whereIn(
                  'id',
                  candidates.map(({ reminder }) => reminder.id),
                )
                .andWhere(column('status'), 'planned')
                .update(
                  {
                    [column('status')]: 'sending',
                    [column('channel')]: 'sms',
                    [column('attempts')]: strapi.db.connection.raw(`coalesce(??, 0) + 1`, [column('attempts')]),
                    [column('errorCode')]: null,
                    [column('errorKind')]: null,
                  },
                  ['id'],
                )) as { id: number }[]
            ).map((row) => Number(row.id)),
      );
      const claimed = candidates.filter(({ reminder }) => claimedIds.has(reminder.id));
      const handled = new Set(claimed.map(({ position }) => position));

      if (claimed.length > 0) {
        const texts = claimed.map(({ reminder }) => render(reminder));
        let results: (SmsSendResult | Error)[];
        try {
          results = await coreService(strapi, 'sms').sendMany(
            claimed.map(({ reminder }, index) => ({
              to: reminder.person.phone as string,
              body: texts[index],
              centre: reminder.centre.id,
              tag: reminder.key,
              hours: 'any' as const,
              notAfter: new Date(reminder.notAfter),
            })),
          );
        } catch {
          // Nothing is known to have left: back to planned, every job tried again.
          await reminders().updateMany({
            where: { id: { $in: claimed.map(({ reminder }) => reminder.id) }, status: 'sending' },
            data: { status: 'planned', errorCode: 'network', errorKind: 'transient' },
          });
          for (const { position } of claimed) answers[position] = new TransientSendError('network');
          results = [];
        }
        if (results.length > 0) {
          await strapi.db.transaction(async () => {
            for (const [index, { reminder, position, attempt }] of claimed.entries()) {
              const { data, outcome } = afterSms(reminder, results[index], attempt);
              await set(reminder.id, {
                recipient: reminder.person.phone,
                message: texts[index],
                ...data,
              });
              if (outcome instanceof Error) answers[position] = outcome;
            }
          });
        }
      }

      // Everything else (no consent, e-mail, out of hours, already claimed…) the one-by-one way.
      for (const [position, item] of items.entries()) {
        if (handled.has(position)) continue;
        try {
          await this.deliver(item.reminderId, { attempt: item.attempt });
        } catch (error) {
          answers[position] = error;
        }
      }
      return answers;
    },

    async deliverReady(reminder: Ready, context?: Pick<JobContext, 'attempt'>): Promise<DeliveryOutcome> {
      const at = now();
      const notAfter = new Date(reminder.notAfter);
      if (at >= notAfter) {
        await finish(reminder.id, { status: 'dropped', errorCode: 'too-late', errorKind: 'permanent' });
        return 'dropped';
      }
      const window = sendingWindow(strapi);
      if (reminder.status === 'planned' && !isWithinSendingWindow(at, window)) {
        // A retry or a late run landed outside the hours: wait for the next slot, if still useful.
        const next = nextSendingTime(at, window);
        if (next >= notAfter) {
          await finish(reminder.id, { status: 'dropped', errorCode: 'too-late', errorKind: 'permanent' });
          return 'dropped';
        }
        await set(reminder.id, { sendAt: next });
        await coreService(strapi, 'outbox').enqueue(
          REMINDER_JOB,
          { reminderId: reminder.id },
          {
            runAt: next,
            expiresAt: notAfter,
            idempotencyKey: `${reminder.key}:after:${slotOf(next, { daysBefore: 0, time: '00:00' }).split(':')[0]}`,
            centre: reminder.centre.id,
            maxAttempts: REMINDER_MAX_ATTEMPTS,
          },
        );
        return 'rescheduled';
      }

      const person = reminder.person;
      const channel = person.channel;
      const consented = await coreService(strapi, 'consent').isGiven(
        { uid: PERSON_UID, id: person.documentId },
        CONSENT_PURPOSES[channel],
      );
      if (!consented) {
        await finish(reminder.id, { status: 'cancelled', errorCode: 'no-consent', errorKind: 'permanent' });
        return 'cancelled';
      }
      const recipient = channel === 'sms' ? person.phone : person.email;
      if (!recipient) {
        const errorCode = channel === 'sms' ? 'no-phone' : 'no-email';
        await finish(reminder.id, { status: 'failed', errorCode, errorKind: 'permanent' });
        return 'failed';
      }
      if (channel === 'sms' && person.smsStoppedAt && reminder.status === 'planned') {
        // The number is on the provider's blacklist (STOP): not even an attempt. A claimed one
        // (`sending`) is left to core, which finds out whether it went before the STOP.
        const { count } = await reminders().updateMany({
          where: { id: reminder.id, status: 'planned' },
          data: { status: 'failed', errorCode: 'blacklisted', errorKind: 'permanent', finishedAt: now() },
        });
        return count === 0 ? 'skipped' : 'failed';
      }
      if (reminder.status === 'sending' && channel === 'email') {
        // A run died after claiming an e-mail: whether it left is unknown; never send it twice.
        await finish(reminder.id, { status: 'failed', errorCode: 'interrupted', errorKind: 'permanent' });
        return 'failed';
      }
      const text = render(reminder);
      // The claim: only the run that moves it from planned (or resumes a sending SMS) sends.
      const { count } = await reminders().updateMany({
        where: { id: reminder.id, status: reminder.status },
        data: {
          status: 'sending',
          channel,
          recipient,
          message: text,
          attempts: (reminder.attempts ?? 0) + 1,
          errorCode: null,
          errorKind: null,
        },
      });
      if (count === 0) return 'skipped';

      if (channel === 'email') return this.sendMail(reminder, recipient, text);
      return this.sendSms(reminder, recipient, text, notAfter, context?.attempt ?? 1);
    },

    async sendSms(
      reminder: Ready,
      to: string,
      body: string,
      notAfter: Date,
      attempt: number,
    ): Promise<DeliveryOutcome> {
      let result;
      try {
        // The reminder was placed in the window by planning and checked above by our clock.
        result = await coreService(strapi, 'sms').send({
          to,
          body,
          centre: reminder.centre.id,
          tag: reminder.key,
          hours: 'any',
          notAfter,
        });
      } catch (error) {
        if ((error as { name?: string }).name !== 'ValidationError') {
          await set(reminder.id, { status: 'planned', errorCode: 'network', errorKind: 'transient' });
          throw new TransientSendError('network');
        }
        result = error as Error;
      }
      const { data, outcome } = afterSms(reminder, result, attempt);
      await set(reminder.id, data);
      if (outcome instanceof Error) throw outcome;
      return outcome;
    },

    async sendMail(reminder: Ready, to: string, text: string): Promise<DeliveryOutcome> {
      try {
        const unsubscribe = getService(strapi, 'unsubscribe').linkFor(reminder.person.documentId);
        await coreService(strapi, 'mail').send({
          to,
          subject: `Rappel : ${reminder.step.title}`,
          text: withUnsubscribeLink(text, unsubscribe),
          centre: reminder.centre.id,
          listUnsubscribe: unsubscribe,
        });
      } catch (error) {
        // Nothing left the server: the reminder goes back to planned for the retry.
        await set(reminder.id, { status: 'planned', errorCode: 'mail', errorKind: 'transient' });
        throw new TransientSendError((error as { details?: { code?: string } }).details?.code ?? 'mail');
      }
      await finish(reminder.id, { status: 'sent', sentAt: now() });
      return 'sent';
    },

    /** The centre's name and phone, as a message would show them. */
    async centreOf(centre: number): Promise<{ name: string; phone: string }> {
      const row = (await strapi.db.query(CENTRE_UID).findOne({ where: { id: centre }, select: ['name', 'phone'] })) as {
        name: string;
        phone: string | null;
      } | null;
      return { name: row?.name ?? '', phone: row?.phone ?? '' };
    },
  };
};

export type SendingService = ReturnType<typeof createSendingService>;
export default createSendingService;
