import type { Core } from '@strapi/strapi';
import { CONSENT_UID } from '../../../shared/permissions';
import type { PersonalDataType } from './registry';

const MEMBER_UID = 'plugin::users-permissions.user';

/** Accounts of partners and residents (Users & Permissions): found by e-mail, deleted. */
export function memberAccounts(strapi: Core.Strapi): PersonalDataType {
  return {
    uid: MEMBER_UID,
    label: 'Compte partenaire ou habitant',
    centreScoped: false,
    async find(person) {
      if (!person.email) return [];
      const users = await strapi.db.query(MEMBER_UID).findMany({
        where: { email: person.email },
        populate: { role: { select: ['name'] } },
      });
      return users.map((user: Record<string, unknown> & { documentId: string; role?: { name: string } }) => ({
        ref: { uid: MEMBER_UID, documentId: user.documentId, centre: null },
        record: {
          identifiant: user.username,
          email: user.email,
          confirme: user.confirmed,
          bloque: user.blocked,
          role: user.role?.name ?? null,
          cree_le: user.createdAt,
        },
      }));
    },
    async erase(refs) {
      const { count } = await strapi.db
        .query(MEMBER_UID)
        .deleteMany({ where: { documentId: { $in: refs.map((ref) => ref.documentId) } } });
      return { erased: count, anonymised: 0 };
    },
  };
}

/** Consents point at a person record of some type; they go with that person. */
export function consents(strapi: Core.Strapi): PersonalDataType {
  return {
    uid: CONSENT_UID,
    label: 'Consentements',
    centreScoped: true,
    findsThroughOthers: true,
    async find(_person, related) {
      if (related.length === 0) return [];
      const rows = await strapi.db.query(CONSENT_UID).findMany({
        where: { $or: related.map((ref) => ({ subjectUid: ref.uid, subjectId: ref.documentId })) },
        populate: { centre: { select: ['id', 'name'] } },
      });
      return rows.map(
        (row: Record<string, unknown> & { documentId: string; centre?: { id: number; name: string } }) => ({
          ref: { uid: CONSENT_UID, documentId: row.documentId, centre: row.centre?.id ?? null },
          record: {
            centre: row.centre?.name ?? null,
            objet: row.purpose,
            information_donnee: row.informationText,
            recueilli: row.method,
            le: row.givenAt,
            retire_le: row.withdrawnAt ?? null,
          },
        }),
      );
    },
    async erase(refs) {
      const { count } = await strapi.db
        .query(CONSENT_UID)
        .deleteMany({ where: { documentId: { $in: refs.map((ref) => ref.documentId) } } });
      return { erased: count, anonymised: 0 };
    },
  };
}
