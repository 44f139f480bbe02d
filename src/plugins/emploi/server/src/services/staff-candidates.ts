import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { fieldError, forbidden, listQuery, paginationOf, parseOrThrow } from '@csc/plugin-core/toolkit';
import { CANDIDATE_UID, REFERENT_ROLE } from '../../../shared/permissions';
import type {
  CandidateChoicesResponse,
  ReferentRow,
  ReferentsResponse,
  StaffCandidateRow,
  StaffCandidatesResponse,
} from '../../../shared/contracts/staff';
import { coreService } from '../core-services';
import { fields, UNKNOWN_FIELD } from '../offers/fields';
import { idParam } from '../members/fields';
import { referentIdsOfCentres } from '../members/referent-centres';
import {
  REFERENT_CONSENT_PURPOSE,
  REFERENT_CONSENT_TEXT,
  STAFF_CONSENT_TEXT,
  referentAccountId,
  type AdminUser,
} from './referents';

const USER_UID = 'plugin::users-permissions.user';
const CENTRE_UID = 'plugin::core.centre';

const listParams = listQuery({});
const referentChange = z.strictObject(
  {
    referent: fields.applyEmail,
    consentMethod: z
      .enum(['oral', 'paper'], 'Précisez comment la personne a accepté ce référent : oral ou papier.')
      .optional(),
  },
  UNKNOWN_FIELD,
);

interface CandidateRow {
  documentId: string;
  firstName: string;
  lastName: string | null;
  commune: string | null;
  hidden: boolean | null;
  profileUpdatedAt: string | Date | null;
  centre?: { id: number; name: string } | null;
  referent?: { email: string } | null;
  account?: { id: number } | null;
}

const POPULATE = {
  centre: { select: ['id', 'name'] },
  referent: { select: ['email'] },
  account: { select: ['id'] },
};

const toRow = (row: CandidateRow): StaffCandidateRow => ({
  id: row.documentId,
  // The team's list shows no more of the name than employers see: the full name is in the profile.
  name: row.lastName ? `${row.firstName} ${row.lastName.trim().charAt(0).toUpperCase()}.` : row.firstName,
  commune: row.commune ?? null,
  centre: row.centre?.name ?? null,
  referent: row.referent?.email ?? null,
  hidden: Boolean(row.hidden),
  hasAccount: Boolean(row.account),
  profileUpdatedAt: row.profileUpdatedAt ? new Date(row.profileUpdatedAt).toISOString() : null,
});

/** The team's views of the sourcing: the centre's profiles, the referents, and a profile's referent. */
const createStaffCandidatesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const candidates = () => strapi.db.query(CANDIDATE_UID);

  /** Referents' accounts as the user may see them: her centres' (see `members/referent-centres.ts`). */
  async function referentsWhere(user: AdminUser): Promise<Record<string, unknown>> {
    const role = { role: { type: REFERENT_ROLE.type } };
    const scope = coreService(strapi, 'scope');
    if (scope.isSuperAdmin(user)) return role;
    return { ...role, id: { $in: await referentIdsOfCentres(strapi, await scope.centreIdsOf(user.id)) } };
  }

  return {
    async list(user: AdminUser, query: unknown): Promise<StaffCandidatesResponse> {
      const params = parseOrThrow(listParams, query ?? {});
      const where = (await coreService(strapi, 'scope').filterFor(user, CANDIDATE_UID)) ?? {};
      const [rows, total] = await Promise.all([
        candidates().findMany({
          where,
          populate: POPULATE,
          orderBy: [{ profileUpdatedAt: 'desc' }, { id: 'desc' }],
          offset: (params.page - 1) * params.pageSize,
          limit: params.pageSize,
        }) as Promise<CandidateRow[]>,
        candidates().count({ where }),
      ]);
      return { results: rows.map(toRow), pagination: paginationOf(params, total) };
    },

    /**
     * The referents of the user's centres (every one, for a super-admin), with the number of
     * candidates each follows there.
     */
    async referents(user: AdminUser, query: unknown): Promise<ReferentsResponse> {
      const params = parseOrThrow(listParams, query ?? {});
      const where = await referentsWhere(user);
      const [rows, total] = await Promise.all([
        strapi.db.query(USER_UID).findMany({
          where,
          select: ['id', 'email', 'blocked', 'createdAt'],
          orderBy: [{ email: 'asc' }, { id: 'asc' }],
          offset: (params.page - 1) * params.pageSize,
          limit: params.pageSize,
        }) as Promise<{ id: number; email: string; blocked: boolean | null; createdAt: string | Date }[]>,
        strapi.db.query(USER_UID).count({ where }),
      ]);
      const scope = await coreService(strapi, 'scope').filterFor(user, CANDIDATE_UID);
      const results: ReferentRow[] = await Promise.all(
        rows.map(async (row) => ({
          id: row.id,
          email: row.email,
          blocked: Boolean(row.blocked),
          createdAt: new Date(row.createdAt).toISOString(),
          candidates: await candidates().count({
            where: { $and: [{ referent: { id: row.id } }, ...(scope ? [scope] : [])] },
          }),
        })),
      );
      return { results, pagination: paginationOf(params, total) };
    },

    async choices(user: AdminUser): Promise<CandidateChoicesResponse> {
      const scope = await coreService(strapi, 'scope').filterFor(user, CENTRE_UID);
      const [centres, referents] = await Promise.all([
        strapi.db.query(CENTRE_UID).findMany({
          where: scope ?? {},
          select: ['slug', 'name'],
          orderBy: { name: 'asc' },
        }) as Promise<{ slug: string; name: string }[]>,
        strapi.db.query(USER_UID).findMany({
          where: { $and: [await referentsWhere(user), { blocked: { $ne: true } }] },
          select: ['email'],
          orderBy: { email: 'asc' },
        }) as Promise<{ email: string }[]>,
      ]);
      return {
        centres,
        referents: referents.map((row) => row.email),
        consentText: STAFF_CONSENT_TEXT,
        referentConsentText: REFERENT_CONSENT_TEXT,
      };
    },

    /**
     * Another referent for a profile of the user's centres. A resident who manages her own profile
     * agreed that only she answers employers: naming her a referent needs her agreement, given to
     * the team (orally or on paper) and recorded with the change.
     */
    async changeReferent(user: AdminUser, id: unknown, body: unknown): Promise<StaffCandidateRow> {
      const { id: documentId } = parseOrThrow(idParam, { id });
      const candidate = (await candidates().findOne({
        where: { documentId },
        populate: { centre: { select: ['id'] }, account: { select: ['id'] } },
      })) as { id: number; centre?: { id: number } | null; account?: { id: number } | null } | null;
      if (!candidate) throw new errors.NotFoundError('Ce profil n’existe pas.');
      const scope = coreService(strapi, 'scope');
      if (!scope.isSuperAdmin(user)) {
        const mine = await scope.centreIdsOf(user.id);
        if (!candidate.centre || !mine.includes(candidate.centre.id)) {
          throw forbidden('Ce profil appartient à un autre centre.');
        }
      }
      const { referent, consentMethod } = parseOrThrow(referentChange, body ?? {});
      if (candidate.account && !consentMethod) {
        throw fieldError(
          'consentMethod',
          'Cette personne gère elle-même son profil : lisez-lui le texte d’accord et notez comment elle a accepté ce référent.',
        );
      }
      const centre = candidate.centre?.id ?? null;
      if (candidate.account && centre === null) {
        throw fieldError('referent', 'Ce profil n’est rattaché à aucun centre : rattachez-le d’abord à son centre.');
      }
      const referentUser = await referentAccountId(strapi, referent, scope.isSuperAdmin(user) ? null : centre);
      await strapi.db.transaction(async () => {
        await candidates().update({ where: { id: candidate.id }, data: { referent: referentUser } });
        if (candidate.account && consentMethod && centre !== null) {
          await coreService(strapi, 'consent').record({
            centre,
            subject: { uid: CANDIDATE_UID, id: documentId },
            purpose: REFERENT_CONSENT_PURPOSE,
            informationText: REFERENT_CONSENT_TEXT,
            method: consentMethod,
            recordedBy: `admin:${user.id}`,
          });
        }
      });
      return toRow((await candidates().findOne({ where: { id: candidate.id }, populate: POPULATE })) as CandidateRow);
    },
  };
};

export type StaffCandidatesService = ReturnType<typeof createStaffCandidatesService>;
export default createStaffCandidatesService;
