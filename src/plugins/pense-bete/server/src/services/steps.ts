import type { Core } from '@strapi/strapi';
import { fieldError, parisToday, parseOrThrow } from '@csc/plugin-core/toolkit';
import { PERSON_UID, REMINDER_UID, STEP_UID } from '../../../shared/permissions';
import type { StepView } from '../../../shared/contracts/pense-bete';
import { coreService, sendingWindow, type StaffUser } from '../core-services';
import { DEFAULT_OFFSETS, PLANNING_HORIZON_DAYS, planReminders } from '../planning/reminders';
import { documentIdParams, stepRequest } from '../requests';
import { centresOf, notFound } from '../staff-scope';
import { REMINDER_JOB, REMINDER_MAX_ATTEMPTS } from '../sending/job';
import { reminderView, stepView, type ReminderRecord, type StepRecord } from '../steps/views';
import { getService } from '../utils/get-service';

const DEFAULT_TEMPLATE =
  "Bonjour {prenom}, rappel : {demarche} le {date}. Besoin d'aide ? {centre} : {telephone_centre}";

/** What a step's reminders are planned from, once checked and completed from its type. */
interface StepFields {
  stepType: number | null;
  title: string;
  date: string;
  time: string | null;
  recurrence: string | null;
  offsets: { daysBefore: number; time: string }[];
  template: string;
}

const STEP_POPULATE = {
  person: { select: ['id', 'documentId', 'firstName', 'channel', 'phone', 'email'] },
  centre: { select: ['id'] },
  stepType: { select: ['id', 'documentId', 'name'] },
} as const;

const compactDate = (date: string) => date.replace(/-/g, '');

/**
 * Steps and their reminders. Every change to a step cancels its pending reminders and plans new
 * ones under a new revision, in one transaction; a reminder already being sent or sent is never
 * planned again for the same occurrence and offset.
 */
const createStepsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const steps = () => strapi.db.query(STEP_UID);
  const reminders = () => strapi.db.query(REMINDER_UID);
  const now = () => getService(strapi, 'clock').now();

  /** The step's fields from the request; on an edit, what the request leaves out is kept. */
  async function fieldsOf(raw: unknown, centre: number, current?: StepRecord): Promise<StepFields> {
    const creating = !current;
    const body = parseOrThrow(stepRequest, raw ?? {});
    const type = body.stepType ? await getService(strapi, 'stepTypes').findForCentre(body.stepType, centre) : null;
    if (body.stepType && !type) throw fieldError('stepType', 'Ce type de démarche n’existe pas dans votre centre.');
    const title = body.title ?? type?.name ?? current?.title;
    if (!title) throw fieldError('title', 'Choisissez un type de démarche ou donnez un nom à la démarche.');
    let recurrence =
      body.recurrence !== undefined
        ? body.recurrence
        : type
          ? (type.defaultRecurrence ?? null)
          : (current?.recurrence ?? null);
    if (recurrence && !/(^|;)(UNTIL|COUNT)=/.test(recurrence)) {
      if (!body.until) {
        throw fieldError('until', 'Une démarche qui se répète s’arrête un jour : indiquez la date de fin.');
      }
      recurrence = `${recurrence};UNTIL=${compactDate(body.until)}`;
    }
    if (body.until && body.until < body.date) {
      throw fieldError('until', 'La date de fin vient avant la première date.');
    }
    const today = parisToday(now());
    if (creating && !recurrence && body.date < today) {
      throw fieldError('date', 'Cette date est passée : indiquez une date à venir.');
    }
    if (creating && body.until && body.until < today) {
      throw fieldError('until', 'Cette date de fin est passée : la démarche ne se répéterait plus.');
    }
    return {
      stepType: type?.id ?? current?.stepType?.id ?? null,
      title,
      date: body.date,
      time: body.time !== undefined ? body.time : (current?.time ?? null),
      recurrence,
      offsets: body.offsets ?? type?.defaultOffsets ?? current?.offsets ?? [...DEFAULT_OFFSETS],
      template: body.template ?? type?.template ?? current?.template ?? DEFAULT_TEMPLATE,
    };
  }

  async function findStep(user: StaffUser, rawParams: unknown): Promise<StepRecord & { centre: { id: number } }> {
    const { id } = parseOrThrow(documentIdParams, rawParams ?? {});
    const centres = await centresOf(strapi, user);
    const step = (await steps().findOne({
      where: { documentId: id, centre: { id: { $in: centres } } },
      populate: STEP_POPULATE,
    })) as StepRecord | null;
    if (!step?.centre) throw notFound('Cette démarche');
    return step as StepRecord & { centre: { id: number } };
  }

  /** Cancels what has not started; what is being sent or was sent stays as it is. */
  async function cancelPending(stepId: number): Promise<number> {
    return cancelWhere({ step: { id: stepId } }, { status: 'cancelled', finishedAt: now() });
  }

  /**
   * Bulk updates cannot filter on relations: the ids are read first, and the status condition
   * is repeated in the update, so a reminder a worker claimed in between is left alone.
   */
  async function cancelWhere(where: Record<string, unknown>, data: Record<string, unknown>): Promise<number> {
    const rows = (await reminders().findMany({ where: { ...where, status: 'planned' }, select: ['id'] })) as {
      id: number;
    }[];
    if (rows.length === 0) return 0;
    const { count } = await reminders().updateMany({
      where: { id: { $in: rows.map((row) => row.id) }, status: 'planned' },
      data,
    });
    return count;
  }

  /**
   * Plans the step's reminders from `at` to the horizon: those whose occurrence and offset have
   * no live reminder yet get one, and one outbox job each. Runs inside the caller's transaction.
   */
  async function plan(step: StepRecord, at: Date): Promise<number> {
    if (!step.person || !step.centre || step.status !== 'active') return 0;
    const planned = planReminders(
      `pb:${step.documentId}:r${step.revision}`,
      { date: step.date, time: step.time, recurrence: step.recurrence },
      step.offsets,
      sendingWindow(strapi),
      at,
    );
    const existing = (await reminders().findMany({
      where: { step: { id: step.id }, status: { $ne: 'cancelled' } },
      select: ['slot', 'key'],
    })) as { slot: string; key: string }[];
    const taken = new Set(existing.flatMap((row) => [row.slot, row.key]));
    const jobs = [];
    for (const reminder of planned.filter((candidate) => !taken.has(candidate.slot))) {
      const created = (await reminders().create({
        data: {
          step: step.id,
          person: step.person.id,
          centre: step.centre.id,
          key: reminder.key,
          slot: reminder.slot,
          occurrence: reminder.occurrence,
          daysBefore: reminder.offset.daysBefore,
          offsetTime: reminder.offset.time,
          sendAt: reminder.sendAt,
          notAfter: reminder.notAfter,
          channel: step.person.channel,
          status: 'planned',
          attempts: 0,
        },
      })) as { id: number };
      jobs.push({
        payload: { reminderId: created.id },
        runAt: reminder.sendAt,
        expiresAt: reminder.notAfter,
        idempotencyKey: reminder.key,
        centre: step.centre.id,
        maxAttempts: REMINDER_MAX_ATTEMPTS,
      });
    }
    if (jobs.length > 0) await coreService(strapi, 'outbox').enqueueMany(REMINDER_JOB, jobs);
    const horizon = new Date(at.getTime() + PLANNING_HORIZON_DAYS * 86_400_000);
    await steps().update({ where: { id: step.id }, data: { plannedUntil: horizon } });
    return jobs.length;
  }

  async function remindersOf(stepId: number) {
    const rows = (await reminders().findMany({
      where: { step: { id: stepId }, status: { $ne: 'cancelled' } },
      orderBy: [{ sendAt: 'asc' }, { id: 'asc' }],
    })) as ReminderRecord[];
    return rows.map((row) => reminderView(row));
  }

  async function reload(id: number): Promise<StepRecord> {
    return (await steps().findOne({ where: { id }, populate: STEP_POPULATE })) as StepRecord;
  }

  const view = async (step: StepRecord): Promise<StepView> => stepView(step, await remindersOf(step.id));

  return {
    async create(user: StaffUser, rawParams: unknown, raw: unknown): Promise<StepView> {
      const { id } = parseOrThrow(documentIdParams, rawParams ?? {});
      const centres = await centresOf(strapi, user);
      const person = (await strapi.db.query(PERSON_UID).findOne({
        where: { documentId: id, centre: { id: { $in: centres } } },
        populate: { centre: { select: ['id'] } },
      })) as { id: number; centre: { id: number } | null } | null;
      const centre = person?.centre?.id;
      if (!person || !centre) throw notFound('Cette personne');
      const fields = await fieldsOf(raw, centre);
      const step = await strapi.db.transaction(async () => {
        const created = (await steps().create({
          data: { ...fields, person: person.id, centre, status: 'active', revision: 1 },
        })) as { id: number };
        const loaded = await reload(created.id);
        await plan(loaded, now());
        return loaded;
      });
      await coreService(strapi, 'audit').record({
        action: 'pense-bete.step.create',
        subject: { uid: STEP_UID, id: step.documentId },
        centre,
      });
      return view(step);
    },

    async update(user: StaffUser, rawParams: unknown, raw: unknown): Promise<StepView> {
      const step = await findStep(user, rawParams);
      const fields = await fieldsOf(raw, step.centre.id, step);
      const updated = await strapi.db.transaction(async () => {
        const cancelled = await cancelPending(step.id);
        await steps().update({ where: { id: step.id }, data: { ...fields, revision: step.revision + 1 } });
        const loaded = await reload(step.id);
        const planned = await plan(loaded, now());
        return { loaded, cancelled, planned };
      });
      await coreService(strapi, 'audit').record({
        action: 'pense-bete.step.update',
        subject: { uid: STEP_UID, id: step.documentId },
        centre: step.centre.id,
        details: { cancelled: updated.cancelled, planned: updated.planned },
      });
      return view(updated.loaded);
    },

    /** The step goes, with its pending reminders; what was sent stays in the person's history. */
    async remove(user: StaffUser, rawParams: unknown): Promise<{ cancelled: number }> {
      const step = await findStep(user, rawParams);
      const cancelled = await strapi.db.transaction(async () => {
        const count = await cancelPending(step.id);
        await steps().update({ where: { id: step.id }, data: { status: 'ended' } });
        return count;
      });
      await coreService(strapi, 'audit').record({
        action: 'pense-bete.step.delete',
        subject: { uid: STEP_UID, id: step.documentId },
        centre: step.centre.id,
        details: { cancelled },
      });
      return { cancelled };
    },

    async listForPerson(personId: number): Promise<StepView[]> {
      const rows = (await steps().findMany({
        where: { person: { id: personId }, status: 'active' },
        populate: STEP_POPULATE,
        orderBy: [{ date: 'asc' }, { id: 'asc' }],
      })) as StepRecord[];
      return Promise.all(rows.map(view));
    },

    /** Cancels every pending reminder of a person (consent withdrawn). */
    async cancelAllOf(personId: number): Promise<number> {
      return cancelWhere(
        { person: { id: personId } },
        { status: 'cancelled', errorCode: 'no-consent', errorKind: 'permanent', finishedAt: now() },
      );
    },

    /**
     * The daily round: repeating steps get their next occurrences' reminders, and reminders whose
     * deadline passed without a run (the outbox expired their job) are marked as dropped.
     */
    async planAhead(at: Date = now()): Promise<{ planned: number; dropped: number }> {
      const { count: dropped } = await reminders().updateMany({
        where: { status: 'planned', notAfter: { $lt: at } },
        data: { status: 'dropped', errorCode: 'too-late', finishedAt: at },
      });
      const repeating = (await steps().findMany({
        where: { status: 'active', recurrence: { $notNull: true } },
        select: ['id'],
      })) as { id: number }[];
      let planned = 0;
      for (const { id } of repeating) {
        planned += await strapi.db.transaction(async () => plan(await reload(id), at));
      }
      return { planned, dropped };
    },
  };
};

export type StepsService = ReturnType<typeof createStepsService>;
export default createStepsService;
