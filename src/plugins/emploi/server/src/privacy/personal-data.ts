import type { Core } from '@strapi/strapi';
import {
  CANDIDATE_UID,
  CV_UID,
  DELIVERY_UID,
  EMPLOYER_UID,
  GROUP_MESSAGE_UID,
  MESSAGE_UID,
  OFFER_UID,
  PASSWORD_LINK_UID,
  POSITIONING_UID,
  REFERENT_CENTRE_UID,
  SESSION_UID,
} from '../../../shared/permissions';

interface PersonRef {
  uid: string;
  documentId: string;
  centre: number | null;
}

const USER_UID = 'plugin::users-permissions.user';

/** The user ids of the accounts core found by e-mail. */
async function accountIdsOf(strapi: Core.Strapi, related: PersonRef[]): Promise<number[]> {
  const accounts = related.filter((ref) => ref.uid === USER_UID).map((ref) => ref.documentId);
  if (accounts.length === 0) return [];
  const users = (await strapi.db.query(USER_UID).findMany({
    where: { documentId: { $in: accounts } },
    select: ['id'],
  })) as { id: number }[];
  return users.map((user) => user.id);
}

/**
 * A type kept per account (its `account` column, or the one named), found through the accounts
 * and erased with them; `beforeErase` removes what points at the rows first.
 */
function throughAccounts(
  strapi: Core.Strapi,
  uid: string,
  label: string,
  shape: {
    select: string[];
    record(row: Record<string, unknown>): Record<string, unknown>;
    column?: string;
    beforeErase?(documentIds: string[]): Promise<void>;
  },
) {
  return {
    uid,
    label,
    centreScoped: false,
    findsThroughOthers: true,
    async find(_person: unknown, related: PersonRef[]) {
      const accounts = await accountIdsOf(strapi, related);
      if (accounts.length === 0) return [];
      const rows = (await strapi.db.query(uid as never).findMany({
        where: { [shape.column ?? 'account']: { $in: accounts } },
        select: ['documentId', ...shape.select],
      })) as Record<string, unknown>[];
      return rows.map((row) => ({
        ref: { uid, documentId: String(row.documentId), centre: null },
        record: shape.record(row),
      }));
    },
    async erase(refs: PersonRef[]) {
      const documentIds = refs.map((ref) => ref.documentId);
      await shape.beforeErase?.(documentIds);
      const { count } = await strapi.db.query(uid as never).deleteMany({ where: { documentId: { $in: documentIds } } });
      return { erased: count, anonymised: 0 };
    },
  };
}

const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null);
const centreOf = (row: { centre?: { id: number } | null }) => row.centre?.id ?? null;

/**
 * What the portal keeps about a person, for core's export and erasure: the address of whoever
 * proposed an offer (for the closing notices), and an employer's contact address.
 */
export function personalDataTypes(strapi: Core.Strapi) {
  return [
    // Found through the accounts core finds by e-mail: erasing the account ends its sessions,
    // spends its links and forgets the centres it served as a referent.
    throughAccounts(strapi, SESSION_UID, 'Emploi — sessions ouvertes des espaces membres', {
      select: ['kind', 'createdAt', 'lastSeenAt', 'expiresAt'],
      record: (row) => ({
        espace: row.kind,
        ouverte_le: iso(row.createdAt),
        vue_le: iso(row.lastSeenAt),
        expire_le: iso(row.expiresAt),
      }),
    }),
    throughAccounts(strapi, PASSWORD_LINK_UID, 'Emploi — liens pour choisir son mot de passe', {
      select: ['purpose', 'createdAt', 'expiresAt'],
      record: (row) => ({ motif: row.purpose, demande_le: iso(row.createdAt), expire_le: iso(row.expiresAt) }),
    }),
    throughAccounts(strapi, REFERENT_CENTRE_UID, 'Emploi — centres servis comme référent', {
      select: ['centre', 'createdAt'],
      record: (row) => ({ centre: row.centre, ajoute_le: iso(row.createdAt) }),
    }),
    // A referent's messages to her candidates are hers: they leave every candidate's space with her.
    throughAccounts(strapi, GROUP_MESSAGE_UID, 'Emploi — messages écrits à un groupe', {
      column: 'author',
      select: ['group', 'body', 'createdAt'],
      record: (row) => ({ groupe: row.group, message: row.body, ecrit_le: iso(row.createdAt) }),
      async beforeErase(documentIds) {
        await strapi.db.query(DELIVERY_UID).deleteMany({ where: { message: { documentId: { $in: documentIds } } } });
      },
    }),
    {
      uid: CANDIDATE_UID,
      label: 'Emploi — profils de candidats (et positionnements reçus)',
      centreScoped: true,
      async find(person: { email?: string }) {
        if (!person.email) return [];
        const rows = (await strapi.db.query(CANDIDATE_UID).findMany({
          where: { email: person.email.toLowerCase() },
          populate: { centre: { select: ['id'] } },
        })) as (Record<string, unknown> & { id: number; documentId: string; centre: { id: number } | null })[];
        const out = [];
        for (const row of rows) {
          const positionings = (await strapi.db.query(POSITIONING_UID).findMany({
            where: { candidate: { id: row.id } },
            populate: { employer: { select: ['name'] } },
          })) as { message: string; state: string; createdAt: string; employer: { name: string } | null }[];
          out.push({
            ref: { uid: CANDIDATE_UID, documentId: row.documentId, centre: centreOf(row) },
            record: {
              prenom: row.firstName,
              nom: row.lastName,
              courriel: row.email,
              telephone: row.phone ?? null,
              metiers: (row.desiredJobs as string[] | null)?.join(' ; ') ?? null,
              competences: (row.skills as string[] | null)?.join(' ; ') ?? null,
              commune: row.commune ?? null,
              mobilite_km: row.mobilityKm ?? null,
              disponibilite: row.availability ?? null,
              langues: (row.languages as string[] | null)?.join(' ; ') ?? null,
              visible_par_les_employeurs: (row.visibility as string[] | null)?.join(' ; ') ?? null,
              mis_a_jour_le: iso(row.profileUpdatedAt),
              positionnements: positionings
                .map(
                  (item) => `${item.employer?.name ?? '?'} (${item.state}, ${iso(item.createdAt)}) : ${item.message}`,
                )
                .join('\n'),
            },
          });
        }
        return out;
      },
      // The profile goes with the positionings it received (the employers' messages were about it).
      async erase(refs: PersonRef[]) {
        const ids = refs.map((ref) => ref.documentId);
        const rows = (await strapi.db.query(CANDIDATE_UID).findMany({
          where: { documentId: { $in: ids } },
          select: ['id'],
        })) as { id: number }[];
        const rowIds = rows.map((row) => row.id);
        const threads = (await strapi.db.query(POSITIONING_UID).findMany({
          where: { candidate: { id: { $in: rowIds } } },
          select: ['id'],
        })) as { id: number }[];
        await strapi.db
          .query(MESSAGE_UID)
          .deleteMany({ where: { positioning: { id: { $in: threads.map((thread) => thread.id) } } } });
        await strapi.db.query(POSITIONING_UID).deleteMany({ where: { candidate: { id: { $in: rowIds } } } });
        await strapi.db.query(CV_UID).deleteMany({ where: { candidate: { id: { $in: rowIds } } } });
        await strapi.db.query(DELIVERY_UID).deleteMany({ where: { candidate: { id: { $in: rowIds } } } });
        const { count } = await strapi.db.query(CANDIDATE_UID).deleteMany({ where: { id: { $in: rowIds } } });
        return { erased: count, anonymised: 0 };
      },
    },
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
