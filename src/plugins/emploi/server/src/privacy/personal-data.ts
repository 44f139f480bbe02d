import type { Core } from '@strapi/strapi';
import { EMPLOYER_UID, OFFER_UID } from '../../../shared/permissions';

interface PersonRef {
  uid: string;
  documentId: string;
  centre: number | null;
}

const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null);
const centreOf = (row: { centre?: { id: number } | null }) => row.centre?.id ?? null;

/**
 * What the portal keeps about a person, for core's export and erasure: the address of whoever
 * proposed an offer (for the closing notices), and an employer's contact address.
 */
export function personalDataTypes(strapi: Core.Strapi) {
  return [
    {
      uid: OFFER_UID,
      label: 'Emploi — offres proposées (adresse de la personne)',
      centreScoped: true,
      async find(person: { email?: string }) {
        if (!person.email) return [];
        const rows = (await strapi.db.query(OFFER_UID).findMany({
          where: { posterEmail: person.email.toLowerCase(), publishedAt: { $null: true } },
          populate: { centre: { select: ['id'] } },
        })) as {
          documentId: string;
          title: string;
          posterEmail: string;
          createdAt: string;
          centre: { id: number } | null;
        }[];
        return rows.map((row) => ({
          ref: { uid: OFFER_UID, documentId: row.documentId, centre: centreOf(row) },
          record: { offre: row.title, courriel: row.posterEmail, proposee_le: iso(row.createdAt) },
        }));
      },
      // The offer stays (it is the employer's, not the person's); the address goes, from the
      // draft and the published version alike (counted once per offer).
      async erase(refs: PersonRef[]) {
        const ids = [...new Set(refs.map((ref) => ref.documentId))];
        await strapi.db
          .query(OFFER_UID)
          .updateMany({ where: { documentId: { $in: ids } }, data: { posterEmail: null } });
        return { erased: 0, anonymised: ids.length };
      },
    },
    {
      uid: EMPLOYER_UID,
      label: 'Emploi — employeurs (contact)',
      centreScoped: true,
      async find(person: { email?: string }) {
        if (!person.email) return [];
        const rows = (await strapi.db.query(EMPLOYER_UID).findMany({
          where: { contactEmail: person.email.toLowerCase() },
          populate: { centre: { select: ['id'] } },
        })) as {
          documentId: string;
          name: string;
          contactEmail: string;
          contactRole: string | null;
          centre: { id: number } | null;
        }[];
        return rows.map((row) => ({
          ref: { uid: EMPLOYER_UID, documentId: row.documentId, centre: centreOf(row) },
          record: { employeur: row.name, fonction: row.contactRole, courriel: row.contactEmail },
        }));
      },
      async erase(refs: PersonRef[]) {
        const { count } = await strapi.db.query(EMPLOYER_UID).updateMany({
          where: { documentId: { $in: refs.map((ref) => ref.documentId) } },
          data: { contactEmail: null },
        });
        return { erased: 0, anonymised: count };
      },
    },
  ];
}
