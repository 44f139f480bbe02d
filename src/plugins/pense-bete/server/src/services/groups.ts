import type { Core } from '@strapi/strapi';
import { fieldError, parseOrThrow } from '@csc/plugin-core/toolkit';
import { maskPhone } from '@csc/plugin-core/shared';
import { PERSON_UID } from '../../../shared/permissions';
import { GROUP_MEMBER_UID, GROUP_UID, NEWS_DELIVERY_UID, groupConsentPurpose } from '../../../shared/news';
import type { Channel } from '../../../shared/contracts/pense-bete';
import type { GroupDetail, GroupMemberView, GroupView } from '../../../shared/contracts/news';
import { coreService, type StaffUser } from '../core-services';
import { groupCreate, groupUpdate, memberAdd, memberRemove } from '../news/requests';
import { documentIdParams } from '../requests';
import { centresOf, notFound } from '../staff-scope';

const CONSENT_UID = 'plugin::core.consent';

export interface GroupRecord {
  id: number;
  documentId: string;
  name: string;
  description: string | null;
  centre: { id: number; name: string } | null;
}

export interface MemberRecord {
  id: number;
  createdAt: string | Date;
  person: {
    id: number;
    documentId: string;
    firstName: string;
    channel: Channel;
    phone: string | null;
    email: string | null;
  } | null;
}

const recordedBy = (user: StaffUser) => `admin:${user.id}`;
const memberKeyOf = (group: { id: number }, person: { id: number }) => `${group.id}:${person.id}`;

/**
 * Groups of supported persons for a centre's news. A member receives a group's news only while
 * their consent for that group (its own purpose at core) holds: leaving the group withdraws it.
 */
const createGroupsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const groups = () => strapi.db.query(GROUP_UID);
  const members = () => strapi.db.query(GROUP_MEMBER_UID);
  const consent = () => coreService(strapi, 'consent');
  const subjectOf = (person: { documentId: string }) => ({ uid: PERSON_UID, id: person.documentId });

  async function consentingCount(group: GroupRecord): Promise<number> {
    const rows = (await members().findMany({
      where: { group: { id: group.id } },
      populate: { person: { select: ['documentId'] } },
    })) as { person: { documentId: string } | null }[];
    const ids = rows.flatMap((row) => (row.person ? [row.person.documentId] : []));
    if (ids.length === 0) return 0;
    const given = (await strapi.db.query(CONSENT_UID).findMany({
      where: {
        subjectUid: PERSON_UID,
        subjectId: { $in: ids },
        purpose: groupConsentPurpose(group.documentId),
        withdrawnAt: { $null: true },
      },
      select: ['id', 'subjectId'],
    })) as { subjectId: string }[];
    return new Set(given.map((row) => row.subjectId)).size;
  }

  async function view(group: GroupRecord): Promise<GroupView> {
    return {
      id: group.documentId,
      name: group.name,
      description: group.description ?? null,
      centre: group.centre ? { id: group.centre.id, name: group.centre.name } : null,
      members: await consentingCount(group),
    };
  }

  return {
    /** The group, if it belongs to one of the user's centres; otherwise 404. */
    async find(user: StaffUser, rawParams: unknown): Promise<GroupRecord> {
      const { id } = parseOrThrow(documentIdParams, rawParams ?? {});
      const centres = await centresOf(strapi, user);
      const row = (await groups().findOne({
        where: { documentId: id, centre: { id: { $in: centres } } },
        populate: { centre: { select: ['id', 'name'] } },
      })) as GroupRecord | null;
      if (!row) throw notFound('Ce groupe');
      return row;
    },

    /** Members with their person, oldest first. */
    async membersOf(group: { id: number }): Promise<MemberRecord[]> {
      return (await members().findMany({
        where: { group: { id: group.id } },
        populate: { person: { select: ['id', 'documentId', 'firstName', 'channel', 'phone', 'email'] } },
        orderBy: [{ id: 'asc' }],
      })) as MemberRecord[];
    },

    async list(user: StaffUser): Promise<GroupView[]> {
      const centres = await centresOf(strapi, user);
      const rows = (await groups().findMany({
        where: { centre: { id: { $in: centres } } },
        populate: { centre: { select: ['id', 'name'] } },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
        limit: 500,
      })) as GroupRecord[];
      return Promise.all(rows.map(view));
    },

    async create(user: StaffUser, raw: unknown): Promise<GroupDetail> {
      const data = parseOrThrow(groupCreate, raw ?? {});
      const centres = await centresOf(strapi, user);
      if (data.centre === undefined && centres.length !== 1) {
        throw fieldError('centre', 'Choisissez le centre de ce groupe.');
      }
      const centre = data.centre ?? centres[0];
      if (!centres.includes(centre)) throw fieldError('centre', 'Vous ne pouvez créer un groupe que dans vos centres.');
      const created = (await groups().create({
        data: { name: data.name, description: data.description ?? null, centre },
      })) as GroupRecord;
      await coreService(strapi, 'audit').record({
        action: 'pense-bete.group.create',
        subject: { uid: GROUP_UID, id: created.documentId },
        centre,
      });
      return this.detail(user, { id: created.documentId });
    },

    async update(user: StaffUser, rawParams: unknown, raw: unknown): Promise<GroupDetail> {
      const group = await this.find(user, rawParams);
      const data = parseOrThrow(groupUpdate, raw ?? {});
      await groups().update({
        where: { id: group.id },
        data: {
          ...(data.name !== undefined && { name: data.name }),
          ...(data.description !== undefined && { description: data.description }),
        },
      });
      return this.detail(user, rawParams);
    },

    async detail(user: StaffUser, rawParams: unknown): Promise<GroupDetail> {
      const group = await this.find(user, rawParams);
      const rows = await this.membersOf(group);
      const memberList: GroupMemberView[] = [];
      for (const row of rows) {
        if (!row.person) continue;
        memberList.push({
          person: {
            id: row.person.documentId,
            firstName: row.person.firstName,
            channel: row.person.channel,
            phone: row.person.phone ? maskPhone(row.person.phone) : null,
          },
          consent: await consent().isGiven(subjectOf(row.person), groupConsentPurpose(group.documentId)),
          addedAt: new Date(row.createdAt).toISOString(),
        });
      }
      return { ...(await view(group)), memberList };
    },

    /**
     * Adds a person of the group's centre with their consent for this group's news, both or
     * neither. Adding someone already in the group records a fresh consent if theirs was withdrawn.
     */
    async addMember(user: StaffUser, rawParams: unknown, raw: unknown): Promise<GroupDetail> {
      const group = await this.find(user, rawParams);
      const data = parseOrThrow(memberAdd, raw ?? {});
      const person = (await strapi.db.query(PERSON_UID).findOne({
        where: { documentId: data.person, centre: { id: group.centre?.id ?? -1 } },
        select: ['id', 'documentId'],
      })) as { id: number; documentId: string } | null;
      if (!person)
        throw fieldError('person', 'Cette personne n’existe pas, ou n’est pas accompagnée par le centre de ce groupe.');
      const purpose = groupConsentPurpose(group.documentId);
      await strapi.db.transaction(async () => {
        const key = memberKeyOf(group, person);
        const existing = await members().findOne({ where: { memberKey: key }, select: ['id'] });
        if (!existing)
          await members().create({
            data: { group: group.id, person: person.id, memberKey: key, centre: group.centre?.id },
          });
        if (!(await consent().isGiven(subjectOf(person), purpose))) {
          await consent().record({
            centre: group.centre?.id as number,
            subject: subjectOf(person),
            purpose,
            informationText: data.consent.informationText,
            method: data.consent.method,
            recordedBy: recordedBy(user),
          });
        }
      });
      return this.detail(user, rawParams);
    },

    /**
     * Takes a person out of the group: their consent for it is withdrawn and any news not yet
     * sent to them is cancelled, in one transaction.
     */
    async removeMember(
      user: StaffUser,
      rawParams: unknown,
      raw: unknown,
    ): Promise<GroupDetail & { cancelled: number }> {
      const group = await this.find(user, rawParams);
      const data = parseOrThrow(memberRemove, raw ?? {});
      const person = (await strapi.db.query(PERSON_UID).findOne({
        where: { documentId: data.person, centre: { id: group.centre?.id ?? -1 } },
        select: ['id', 'documentId'],
      })) as { id: number; documentId: string } | null;
      const member = person
        ? await members().findOne({ where: { memberKey: memberKeyOf(group, person) }, select: ['id'] })
        : null;
      if (!person || !member) throw fieldError('person', 'Cette personne ne fait pas partie de ce groupe.');
      const cancelled = await strapi.db.transaction(async () => {
        await this.withdrawGroupConsent(group, person, { method: data.method, by: recordedBy(user) });
        await members().delete({ where: { id: member.id } });
        return this.cancelPendingFor(group, person);
      });
      return { ...(await this.detail(user, rawParams)), cancelled };
    },

    async withdrawGroupConsent(
      group: { documentId: string },
      person: { documentId: string },
      how: { method: string; by: string },
    ): Promise<void> {
      const open = (await strapi.db.query(CONSENT_UID).findMany({
        where: {
          subjectUid: PERSON_UID,
          subjectId: person.documentId,
          purpose: groupConsentPurpose(group.documentId),
          withdrawnAt: { $null: true },
        },
        select: ['documentId'],
      })) as { documentId: string }[];
      for (const row of open) await consent().withdraw(row.documentId, how);
    },

    /** News of this group still waiting for this person: cancelled (the job then does nothing). */
    async cancelPendingFor(group: { id: number }, person: { id: number }): Promise<number> {
      // Found first, updated by id: an update cannot filter through relations on every database.
      const pending = (await strapi.db.query(NEWS_DELIVERY_UID).findMany({
        where: { person: { id: person.id }, news: { group: { id: group.id } }, status: 'planned' },
        select: ['id'],
      })) as { id: number }[];
      if (pending.length === 0) return 0;
      const { count } = await strapi.db.query(NEWS_DELIVERY_UID).updateMany({
        where: { id: { $in: pending.map((row) => row.id) }, status: 'planned' },
        data: { status: 'cancelled', errorCode: 'no-consent' },
      });
      return count;
    },
  };
};

export type GroupsService = ReturnType<typeof createGroupsService>;
export default createGroupsService;
