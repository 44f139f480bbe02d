import type { Core } from '@strapi/strapi';
import type { PersonalDataType, PersonRef } from '@csc/plugin-core/toolkit';
import { REQUESTER_UID, STRUCTURE_UID } from '../../../shared/permissions';

const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null);

/**
 * What the dictionary keeps about a person, for core's export and erasure: a requester's address
 * (until they are told), and an accompanying adult's contact address on their structure.
 */
export function personalDataTypes(strapi: Core.Strapi): PersonalDataType[] {
  return [
    {
      uid: REQUESTER_UID,
      label: 'Dictionnaire — demandes de mots à prévenir',
      centreScoped: false,
      async find(person: { email?: string }) {
        if (!person.email) return [];
        const rows = (await strapi.db.query(REQUESTER_UID).findMany({
          where: { email: person.email.toLowerCase() },
          populate: { request: { select: ['word'] } },
        })) as { documentId: string; email: string; consented_at: string; request: { word: string } | null }[];
        return rows.map((row) => ({
          ref: { uid: REQUESTER_UID, documentId: row.documentId, centre: null },
          record: { mot_demande: row.request?.word ?? null, courriel: row.email, accord_le: iso(row.consented_at) },
        }));
      },
      async erase(refs: PersonRef[]) {
        const { count } = await strapi.db
          .query(REQUESTER_UID)
          .deleteMany({ where: { documentId: { $in: refs.map((ref) => ref.documentId) } } });
        return { erased: count, anonymised: 0 };
      },
    },
    {
      uid: STRUCTURE_UID,
      label: 'Dictionnaire — structures contributrices (contact)',
      centreScoped: false,
      async find(person: { email?: string }) {
        if (!person.email) return [];
        const rows = (await strapi.db.query(STRUCTURE_UID).findMany({
          where: { contact_email: person.email.toLowerCase() },
        })) as { documentId: string; name: string; contact_email: string; createdAt: string }[];
        return rows.map((row) => ({
          ref: { uid: STRUCTURE_UID, documentId: row.documentId, centre: null },
          record: { structure: row.name, courriel: row.contact_email, inscrite_le: iso(row.createdAt) },
        }));
      },
      // The structure's name stays with the definitions it is credited for; the adult's address goes.
      async erase(refs: PersonRef[]) {
        const { count } = await strapi.db.query(STRUCTURE_UID).updateMany({
          where: { documentId: { $in: refs.map((ref) => ref.documentId) } },
          data: { contact_email: 'efface@invalid.example', digest: 'none' },
        });
        return { erased: 0, anonymised: count };
      },
    },
  ];
}
