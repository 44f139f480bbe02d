import type { Core } from '@strapi/strapi';
import { findOneJoined, type JobContext } from '@csc/plugin-core/toolkit';
import { isWithinSendingWindow, nextSendingTime } from '@csc/plugin-core/shared';
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

  return {
    render,

    async deliver(reminderId: number, context?: Pick<JobContext, 'attempt'>): Promise<DeliveryOutcome> {
      // One statement rather than four: this runs once per reminder, thousands at a time.
      const reminder = (await findOneJoined(strapi, REMINDER_UID, reminderId, REMINDER_FIELDS, {
        step: ['documentId', 'title', 'template', 'time', 'status', 'revision'],
        person: ['documentId', 'firstName', 'channel', 'phone', 'email', 'smsStoppedAt'],
        centre: ['name', 'phone'],
      })) as Loaded | null;
      // Deleted (erased person) or already settled: nothing to do, and nothing to send twice.
      if (!reminder || !['planned', 'sending'].includes(reminder.status)) return 'skipped';
      if (!reminder.person || !reminder.step || !reminder.centre || reminder.step.status !== 'active') {
        await finish(reminder.id, { status: 'cancelled' });
        return 'cancelled';
      }
      return this.deliverReady(reminder as Ready, context);
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
        const field = (error as { details?: { errors?: { path?: string[] }[] } }).details?.errors?.[0]?.path?.[0];
        if ((error as { name?: string }).name === 'ValidationError') {
          const errorCode = field === 'body' ? 'message-too-long' : 'invalid-number';
          await finish(reminder.id, { status: 'failed', errorCode, errorKind: 'permanent' });
          return 'failed';
        }
        await set(reminder.id, { status: 'planned', errorCode: 'network', errorKind: 'transient' });
        throw new TransientSendError('network');
      }
      const receipt = { smsReceiptId: result.receiptId };
      switch (result.outcome) {
        case 'sent':
        case 'already-sent':
          await finish(reminder.id, { status: 'sent', sentAt: now(), ...receipt });
          return 'sent';
        case 'too-late':
          await finish(reminder.id, { status: 'dropped', errorCode: 'too-late', errorKind: 'permanent', ...receipt });
          return 'dropped';
        case 'refused':
          await finish(reminder.id, {
            status: 'failed',
            errorCode: result.reason ?? result.status ?? 'refused',
            errorKind: 'permanent',
            ...receipt,
          });
          return 'failed';
        default: {
          // failed (temporary), in-progress, deferred: the receipt stays; the retry resumes it.
          const code = result.reason ?? result.outcome;
          await set(reminder.id, { errorCode: code, errorKind: 'transient', ...receipt });
          strapi.log.warn(`Pense-bête: reminder ${reminder.id} not sent yet (${code}), attempt ${attempt}`);
          throw new TransientSendError(code, result.notBefore ? new Date(result.notBefore) : undefined);
        }
      }
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
