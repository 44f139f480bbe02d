import type { Core } from '@strapi/strapi';
import type { Person, PersonalDataType, PersonRef } from '@csc/plugin-core/toolkit';
import { PERSON_UID, REMINDER_UID, STEP_UID } from '../../../shared/permissions';

const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null);

/**
 * Declares to core's personal-data registry: supported persons (found by phone or e-mail, with
 * their steps), and their reminders (found through the persons). Erasing a person deletes the
 * person, their steps and reminders; core erases the consents pointing at them.
 */
export function personalDataTypes(strapi: Core.Strapi): PersonalDataType[] {
  return [
    {
      uid: PERSON_UID,
      label: 'Pense-bête — personnes accompagnées',
      centreScoped: true,
      async find(person: Person) {
        const or = [
          ...(person.phone ? [{ phone: person.phone }] : []),
          ...(person.email ? [{ email: person.email.toLowerCase() }] : []),
        ];
        if (or.length === 0) return [];
        const rows = (await strapi.db.query(PERSON_UID).findMany({
          where: { $or: or },
          populate: { centre: { select: ['id', 'name'] }, steps: { select: ['title', 'date', 'time', 'recurrence'] } },
        })) as {
          documentId: string;
          firstName: string;
          phone: string | null;
          email: string | null;
          channel: string;
          smsStoppedAt?: string | null;
          createdAt: string;
          centre: { id: number; name: string } | null;
          steps: { title: string; date: string; time: string | null; recurrence: string | null }[];
        }[];
        return rows.map((row) => ({
          ref: { uid: PERSON_UID, documentId: row.documentId, centre: row.centre?.id ?? null },
          record: {
            centre: row.centre?.name ?? null,
            prenom: row.firstName,
            mobile: row.phone,
            email: row.email,
            canal: row.channel,
            ajoutee_le: iso(row.createdAt),
            stop_sms_le: iso(row.smsStoppedAt),
            demarches: row.steps
              .map(
                (step) =>
                  `${step.title} (${step.date}${step.time ? ` ${step.time}` : ''}${step.recurrence ? `, ${step.recurrence}` : ''})`,
              )
              .join(' ; '),
          },
        }));
      },
      async erase(refs: PersonRef[]) {
        const ids = refs.map((ref) => ref.documentId);
        const persons = (await strapi.db
          .query(PERSON_UID)
          .findMany({ where: { documentId: { $in: ids } }, select: ['id'] })) as { id: number }[];
        const personIds = persons.map((row) => row.id);
        if (personIds.length === 0) return { erased: 0, anonymised: 0 };
        // Bulk deletes cannot filter on relations: ids first.
        const idsOf = async (uid: string) =>
          (
            (await strapi.db
              .query(uid)
              .findMany({ where: { person: { id: { $in: personIds } } }, select: ['id'] })) as { id: number }[]
          ).map((row) => row.id);
        await strapi.db.transaction(async () => {
          await strapi.db.query(REMINDER_UID).deleteMany({ where: { id: { $in: await idsOf(REMINDER_UID) } } });
          await strapi.db.query(STEP_UID).deleteMany({ where: { id: { $in: await idsOf(STEP_UID) } } });
          await strapi.db.query(PERSON_UID).deleteMany({ where: { id: { $in: personIds } } });
        });
        return { erased: personIds.length, anonymised: 0 };
      },
    },
    {
      uid: REMINDER_UID,
      label: 'Pense-bête — rappels',
      centreScoped: true,
      findsThroughOthers: true,
      async find(_person: Person, related: PersonRef[]) {
        const ids = related.filter((ref) => ref.uid === PERSON_UID).map((ref) => ref.documentId);
        if (ids.length === 0) return [];
        const rows = (await strapi.db.query(REMINDER_UID).findMany({
          where: { person: { documentId: { $in: ids } } },
          populate: { step: { select: ['title'] }, centre: { select: ['id'] } },
          orderBy: [{ sendAt: 'asc' }],
        })) as {
          documentId: string;
          sendAt: string;
          channel: string;
          status: string;
          recipient: string | null;
          message: string | null;
          step: { title: string } | null;
          centre: { id: number } | null;
        }[];
        return rows.map((row) => ({
          ref: { uid: REMINDER_UID, documentId: row.documentId, centre: row.centre?.id ?? null },
          record: {
            demarche: row.step?.title ?? null,
            envoi_prevu_le: iso(row.sendAt),
            canal: row.channel,
            etat: row.status,
            destinataire: row.recipient,
            message: row.message,
          },
        }));
      },
      async erase(refs: PersonRef[]) {
        const { count } = await strapi.db
          .query(REMINDER_UID)
          .deleteMany({ where: { documentId: { $in: refs.map((ref) => ref.documentId) } } });
        return { erased: count, anonymised: 0 };
      },
    },
  ];
}
