import type { Core } from '@strapi/strapi';
import type { PersonalDataType, PersonRef, RetentionRule } from '@csc/plugin-core/toolkit';
import { PERSON_UID } from '../../../shared/permissions';
import { GROUP_MEMBER_UID, NEWS_DELIVERY_UID } from '../../../shared/news';
import { penseBeteConfig } from '../config';

const DAY_MS = 86_400_000;
const SETTLED = ['sent', 'failed', 'cancelled', 'dropped'];
const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null);
const personIdsOf = (related: PersonRef[]) =>
  related.filter((ref) => ref.uid === PERSON_UID).map((ref) => ref.documentId);

async function eraseByDocumentId(strapi: Core.Strapi, uid: string, refs: PersonRef[]) {
  const { count } = await strapi.db
    .query(uid)
    .deleteMany({ where: { documentId: { $in: refs.map((ref) => ref.documentId) } } });
  return { erased: count, anonymised: 0 };
}

/**
 * Declares to core's personal-data registry what groups and news keep about a supported person
 * (found through the person): the groups they are in and each news sent to them, with the number
 * and text. Erasure deletes both; core erases the group consents with the person's others.
 */
export function newsPersonalDataTypes(strapi: Core.Strapi): PersonalDataType[] {
  return [
    {
      uid: GROUP_MEMBER_UID,
      label: 'Pense-bête — groupes',
      centreScoped: true,
      findsThroughOthers: true,
      async find(_person: unknown, related: PersonRef[]) {
        const ids = personIdsOf(related);
        if (ids.length === 0) return [];
        const rows = (await strapi.db.query(GROUP_MEMBER_UID).findMany({
          where: { person: { documentId: { $in: ids } } },
          populate: { group: { select: ['name'] }, centre: { select: ['id'] } },
          orderBy: [{ id: 'asc' }],
        })) as {
          documentId: string;
          createdAt: string;
          group: { name: string } | null;
          centre: { id: number } | null;
        }[];
        return rows.map((row) => ({
          ref: { uid: GROUP_MEMBER_UID, documentId: row.documentId, centre: row.centre?.id ?? null },
          record: { groupe: row.group?.name ?? null, ajoutee_le: iso(row.createdAt) },
        }));
      },
      erase: (refs: PersonRef[]) => eraseByDocumentId(strapi, GROUP_MEMBER_UID, refs),
    },
    {
      uid: NEWS_DELIVERY_UID,
      label: 'Pense-bête — nouvelles de groupe reçues',
      centreScoped: true,
      findsThroughOthers: true,
      async find(_person: unknown, related: PersonRef[]) {
        const ids = personIdsOf(related);
        if (ids.length === 0) return [];
        const rows = (await strapi.db.query(NEWS_DELIVERY_UID).findMany({
          where: { person: { documentId: { $in: ids } } },
          populate: { news: { populate: { group: { select: ['name'] } } }, centre: { select: ['id'] } },
          orderBy: [{ id: 'asc' }],
        })) as {
          documentId: string;
          createdAt: string;
          sentAt: string | null;
          channel: string;
          status: string;
          recipient: string | null;
          message: string | null;
          news: { group: { name: string } | null } | null;
          centre: { id: number } | null;
        }[];
        return rows.map((row) => ({
          ref: { uid: NEWS_DELIVERY_UID, documentId: row.documentId, centre: row.centre?.id ?? null },
          record: {
            groupe: row.news?.group?.name ?? null,
            envoyee_le: iso(row.sentAt ?? row.createdAt),
            canal: row.channel,
            etat: row.status,
            destinataire: row.recipient,
            message: row.message,
          },
        }));
      },
      erase: (refs: PersonRef[]) => eraseByDocumentId(strapi, NEWS_DELIVERY_UID, refs),
    },
  ];
}

/** Group news as received follow the reminders' rule: text and number dropped, then the rows. */
export function newsRetention(strapi: Core.Strapi): RetentionRule {
  return {
    name: 'pense-bete.news',
    label: 'Nouvelles de groupe du Pense-bête : texte et numéro effacés après 6 mois, envois supprimés après 2 ans',
    async run(now: Date) {
      const config = penseBeteConfig(strapi);
      const anonymiseBefore = new Date(now.getTime() - config.anonymiseAfterDays * DAY_MS);
      const deleteBefore = new Date(now.getTime() - config.deleteAfterDays * DAY_MS);
      const { count: deleted } = await strapi.db
        .query(NEWS_DELIVERY_UID)
        .deleteMany({ where: { status: { $in: SETTLED }, createdAt: { $lt: deleteBefore } } });
      const { count: anonymised } = await strapi.db.query(NEWS_DELIVERY_UID).updateMany({
        where: { status: { $in: SETTLED }, createdAt: { $lt: anonymiseBefore }, anonymisedAt: { $null: true } },
        data: { recipient: null, message: null, anonymisedAt: now },
      });
      return { anonymised, deleted };
    },
  };
}
