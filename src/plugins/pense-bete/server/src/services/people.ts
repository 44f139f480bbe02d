import type { Core } from '@strapi/strapi';
import { fieldError, paginationOf, parseOrThrow } from '@csc/plugin-core/toolkit';
import { maskPhone } from '@csc/plugin-core/shared';
import { CONSENT_PURPOSES, PERSON_UID, REMINDER_UID } from '../../../shared/permissions';
import type {
  Channel,
  FollowUpRow,
  PersonPage,
  PersonView,
  ReminderView,
  StepView,
} from '../../../shared/contracts/pense-bete';
import { coreService, type StaffUser } from '../core-services';
import { searchKeyOf } from '../people/fields';
import {
  documentIdParams,
  historyQuery,
  personCreate,
  personListQuery,
  personUpdate,
  withdrawRequest,
} from '../requests';
import { centresOf, notFound } from '../staff-scope';
import { describeReminderError, reminderView, type ReceiptNews, type ReminderRecord } from '../steps/views';
import { stoppedPersons } from '../people/stopped';
import { getService } from '../utils/get-service';

const CONSENT_UID = 'plugin::core.consent';
const SMS_RECEIPT_UID = 'plugin::core.sms-receipt';

export interface PersonRecord {
  id: number;
  documentId: string;
  firstName: string;
  phone: string | null;
  email: string | null;
  channel: Channel;
  createdAt: string | Date;
  centre?: { id: number; name: string } | null;
}

const recordedBy = (user: StaffUser) => `admin:${user.id}`;

/** Supported persons: who they are (first name and contact only), their consents, their history. */
const createPeopleService = ({ strapi }: { strapi: Core.Strapi }) => {
  const people = () => strapi.db.query(PERSON_UID);
  const subjectOf = (person: { documentId: string }) => ({ uid: PERSON_UID, id: person.documentId });

  async function consentsOf(person: { documentId: string }): Promise<Record<Channel, boolean>> {
    const consent = coreService(strapi, 'consent');
    // One after the other: inside a transaction both would share one connection.
    const sms = await consent.isGiven(subjectOf(person), CONSENT_PURPOSES.sms);
    const email = await consent.isGiven(subjectOf(person), CONSENT_PURPOSES.email);
    return { sms, email };
  }

  async function view(row: PersonRecord, masked: boolean): Promise<PersonView> {
    return {
      id: row.documentId,
      firstName: row.firstName,
      phone: row.phone ? (masked ? maskPhone(row.phone) : row.phone) : null,
      email: row.email ?? null,
      channel: row.channel,
      centre: row.centre ? { id: row.centre.id, name: row.centre.name } : null,
      consents: await consentsOf(row),
      createdAt: new Date(row.createdAt).toISOString(),
    };
  }

  async function find(user: StaffUser, rawParams: unknown): Promise<PersonRecord> {
    const { id } = parseOrThrow(documentIdParams, rawParams ?? {});
    const centres = await centresOf(strapi, user);
    const row = (await people().findOne({
      where: { documentId: id, centre: { id: { $in: centres } } },
      populate: { centre: { select: ['id', 'name'] } },
    })) as PersonRecord | null;
    if (!row) throw notFound('Cette personne');
    return row;
  }

  async function receiptNews(rows: ReminderRecord[]): Promise<Map<number, ReceiptNews>> {
    const ids = rows.flatMap((row) => (row.smsReceiptId ? [row.smsReceiptId] : []));
    if (ids.length === 0) return new Map();
    const receipts = (await strapi.db
      .query(SMS_RECEIPT_UID)
      .findMany({ where: { id: { $in: ids } }, select: ['id', 'status', 'errorCode'] })) as ({
      id: number;
    } & ReceiptNews)[];
    return new Map(receipts.map((receipt) => [receipt.id, receipt]));
  }

  /** The first planned reminder of each person of a page, for the list. */
  async function nextRemindersOf(personIds: number[]): Promise<Map<number, string>> {
    if (personIds.length === 0) return new Map();
    const planned = (await strapi.db.query(REMINDER_UID).findMany({
      where: { person: { id: { $in: personIds } }, status: 'planned' },
      select: ['id', 'sendAt'],
      populate: { person: { select: ['id'] } },
      orderBy: [{ sendAt: 'asc' }, { id: 'asc' }],
    })) as { sendAt: string | Date; person: { id: number } | null }[];
    const next = new Map<number, string>();
    for (const reminder of planned) {
      if (reminder.person && !next.has(reminder.person.id)) {
        next.set(reminder.person.id, new Date(reminder.sendAt).toISOString());
      }
    }
    return next;
  }

  return {
    async list(user: StaffUser, rawQuery: unknown): Promise<PersonPage> {
      const query = parseOrThrow(personListQuery, rawQuery ?? {});
      const centres = await centresOf(strapi, user);
      const where: Record<string, unknown> = { centre: { id: { $in: centres } } };
      if (query.q) where.searchName = { $startsWith: searchKeyOf(query.q) };
      const [rows, total] = await Promise.all([
        people().findMany({
          where,
          populate: { centre: { select: ['id', 'name'] } },
          orderBy: [{ searchName: 'asc' }, { id: 'asc' }],
          offset: (query.page - 1) * query.pageSize,
          limit: query.pageSize,
        }) as Promise<PersonRecord[]>,
        people().count({ where }),
      ]);
      const next = await nextRemindersOf(rows.map((row) => row.id));
      return {
        results: await Promise.all(
          rows.map(async (row) => ({ ...(await view(row, true)), nextReminder: next.get(row.id) ?? null })),
        ),
        pagination: paginationOf(query, total),
      };
    },

    /** The person and the consent for their channel, together or not at all. */
    async create(user: StaffUser, raw: unknown): Promise<PersonView> {
      const data = parseOrThrow(personCreate, raw ?? {});
      const centres = await centresOf(strapi, user);
      if (data.centre === undefined && centres.length !== 1) {
        throw fieldError('centre', 'Choisissez le centre qui accompagne cette personne.');
      }
      const centre = data.centre ?? centres[0];
      if (!centres.includes(centre)) {
        throw fieldError('centre', 'Vous ne pouvez ajouter une personne que dans vos centres.');
      }
      const created = await strapi.db.transaction(async () => {
        const row = (await people().create({
          data: {
            firstName: data.firstName,
            searchName: searchKeyOf(data.firstName),
            phone: data.phone ?? null,
            email: data.email ?? null,
            channel: data.channel,
            centre,
          },
        })) as PersonRecord;
        await coreService(strapi, 'consent').record({
          centre,
          subject: subjectOf(row),
          purpose: CONSENT_PURPOSES[data.channel],
          informationText: data.consent.informationText,
          method: data.consent.method,
          recordedBy: recordedBy(user),
        });
        return row;
      });
      await coreService(strapi, 'audit').record({
        action: 'pense-bete.person.create',
        subject: { uid: PERSON_UID, id: created.documentId },
        centre,
      });
      return this.detail(user, { id: created.documentId });
    },

    async detail(user: StaffUser, rawParams: unknown): Promise<PersonView & { steps: StepView[] }> {
      const row = await find(user, rawParams);
      return { ...(await view(row, false)), steps: await getService(strapi, 'steps').listForPerson(row.id) };
    },

    async update(user: StaffUser, rawParams: unknown, raw: unknown): Promise<PersonView> {
      const row = await find(user, rawParams);
      const data = parseOrThrow(personUpdate, raw ?? {});
      const next = {
        firstName: data.firstName ?? row.firstName,
        phone: data.phone !== undefined ? data.phone : row.phone,
        email: data.email !== undefined ? data.email : row.email,
        channel: data.channel ?? row.channel,
      };
      if (next.channel === 'sms' && !next.phone) {
        throw fieldError('phone', 'Pour recevoir des SMS, indiquez un numéro de mobile.');
      }
      if (next.channel === 'email' && !next.email) {
        throw fieldError('email', 'Pour recevoir des e-mails, indiquez une adresse e-mail.');
      }
      const consents = await consentsOf(row);
      if (!consents[next.channel] && !data.consent) {
        throw fieldError(
          'consent',
          next.channel === 'sms'
            ? 'La personne n’a pas accepté de recevoir des SMS : recueillez son consentement.'
            : 'La personne n’a pas accepté de recevoir des e-mails : recueillez son consentement.',
        );
      }
      await strapi.db.transaction(async () => {
        await people().update({ where: { id: row.id }, data: { ...next, searchName: searchKeyOf(next.firstName) } });
        if (data.consent && !consents[next.channel] && row.centre) {
          await coreService(strapi, 'consent').record({
            centre: row.centre.id,
            subject: subjectOf(row),
            purpose: CONSENT_PURPOSES[next.channel],
            informationText: data.consent.informationText,
            method: data.consent.method,
            recordedBy: recordedBy(user),
          });
        }
        // Pending reminders go out by the person's current channel: nothing to re-plan.
        const pending = (await strapi.db
          .query(REMINDER_UID)
          .findMany({ where: { person: { id: row.id }, status: 'planned' }, select: ['id'] })) as { id: number }[];
        if (pending.length > 0) {
          await strapi.db.query(REMINDER_UID).updateMany({
            where: { id: { $in: pending.map((reminder) => reminder.id) }, status: 'planned' },
            data: { channel: next.channel },
          });
        }
      });
      await coreService(strapi, 'audit').record({
        action: 'pense-bete.person.update',
        subject: { uid: PERSON_UID, id: row.documentId },
        centre: row.centre?.id ?? null,
      });
      return view((await find(user, rawParams)) as PersonRecord, false);
    },

    /**
     * Withdrawal stops everything at once: the consents end and every pending reminder is
     * cancelled in the same transaction; a send already running re-checks consent before calling.
     */
    async withdrawConsent(
      user: StaffUser,
      rawParams: unknown,
      raw: unknown,
    ): Promise<PersonView & { cancelled: number }> {
      const row = await find(user, rawParams);
      const data = parseOrThrow(withdrawRequest, raw ?? {});
      const channels: Channel[] = data.channel ? [data.channel] : ['sms', 'email'];
      const open = (await strapi.db.query(CONSENT_UID).findMany({
        where: {
          subjectUid: PERSON_UID,
          subjectId: row.documentId,
          purpose: { $in: channels.map((channel) => CONSENT_PURPOSES[channel]) },
          withdrawnAt: { $null: true },
        },
        select: ['documentId'],
      })) as { documentId: string }[];
      const cancelled = await strapi.db.transaction(async () => {
        for (const consent of open) {
          await coreService(strapi, 'consent').withdraw(consent.documentId, {
            method: data.method,
            by: recordedBy(user),
          });
        }
        const remaining = await consentsOf(row);
        // Reminders follow the person's channel: without consent for it, none may go.
        return remaining[row.channel] ? 0 : getService(strapi, 'steps').cancelAllOf(row.id);
      });
      return { ...(await view(row, false)), cancelled };
    },

    /** Everything planned, sent, delivered or failed for the person, newest first. */
    async history(
      user: StaffUser,
      rawParams: unknown,
      rawQuery: unknown,
    ): Promise<{
      results: ReminderView[];
      pagination: { page: number; pageSize: number; total: number; pageCount: number };
    }> {
      const query = parseOrThrow(historyQuery, rawQuery ?? {});
      const row = await find(user, rawParams);
      const where = { person: { id: row.id } };
      const [rows, total] = await Promise.all([
        strapi.db.query(REMINDER_UID).findMany({
          where,
          populate: { step: { select: ['documentId', 'title'] } },
          orderBy: [{ sendAt: 'desc' }, { id: 'desc' }],
          offset: (query.page - 1) * query.pageSize,
          limit: query.pageSize,
        }) as Promise<ReminderRecord[]>,
        strapi.db.query(REMINDER_UID).count({ where }),
      ]);
      const news = await receiptNews(rows);
      return {
        results: rows.map((reminder) =>
          reminderView(reminder, reminder.smsReceiptId ? news.get(reminder.smsReceiptId) : undefined),
        ),
        pagination: paginationOf(query, total),
      };
    },

    /** « À relancer » : people whose last message failed, or who replied STOP. */
    async followUp(user: StaffUser): Promise<FollowUpRow[]> {
      const centres = await centresOf(strapi, user);
      const finished = (await strapi.db.query(REMINDER_UID).findMany({
        where: { centre: { id: { $in: centres } }, status: { $in: ['sent', 'failed'] } },
        populate: { person: { select: ['id', 'documentId', 'firstName', 'phone'] } },
        orderBy: [{ finishedAt: 'desc' }, { id: 'desc' }],
        limit: 2000,
      })) as (ReminderRecord & {
        person: { id: number; documentId: string; firstName: string; phone: string | null } | null;
      })[];
      const latest = new Map<number, (typeof finished)[number]>();
      for (const reminder of finished) {
        if (reminder.person && !latest.has(reminder.person.id)) latest.set(reminder.person.id, reminder);
      }
      const news = await receiptNews([...latest.values()]);
      const rows: FollowUpRow[] = [];
      for (const reminder of latest.values()) {
        const shown = reminderView(reminder, reminder.smsReceiptId ? news.get(reminder.smsReceiptId) : undefined);
        const { person } = reminder;
        if (shown.status !== 'failed' || !shown.error || !person) continue;
        rows.push({
          person: {
            id: person.documentId,
            firstName: person.firstName,
            phone: person.phone ? maskPhone(person.phone) : null,
          },
          reason: shown.error.code === 'blacklisted' ? 'blacklisted' : 'failed',
          message: shown.error.message,
          at: shown.sentAt ?? (reminder.finishedAt ? new Date(reminder.finishedAt).toISOString() : null),
        });
      }
      // Persons on the provider's blacklist, even before any reminder of theirs was refused.
      const listed = new Set(rows.filter((row) => row.reason === 'blacklisted').map((row) => row.person.id));
      for (const person of await stoppedPersons(strapi, centres)) {
        if (listed.has(person.documentId)) continue;
        rows.push({
          person: { id: person.documentId, firstName: person.firstName, phone: maskPhone(person.phone) },
          reason: 'blacklisted',
          message: describeReminderError('blacklisted'),
          at: new Date(person.smsStoppedAt).toISOString(),
        });
      }
      return rows;
    },
  };
};

export type PeopleService = ReturnType<typeof createPeopleService>;
export default createPeopleService;
