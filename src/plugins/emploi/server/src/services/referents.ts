import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { fieldError, forbidden, parseOrThrow } from '@csc/plugin-core/toolkit';
import { CANDIDATE_UID, REFERENT_ROLE } from '../../../shared/permissions';
import { coreService } from '../core-services';
import { centreOf, createUser, roleId } from '../members/accounts';
import { referentBody, staffCandidate } from '../members/fields';
import { linkReferent, referentIdsOfCentres } from '../members/referent-centres';
import type { CreatedReferent } from '../../../shared/contracts/staff';
import { getService } from '../utils/get-service';
import { CANDIDATE_CONSENT_PURPOSE } from './members';

const USER_UID = 'plugin::users-permissions.user';

/** What the team reads to the resident (or gives her on paper) before creating her profile. */
export const STAFF_CONSENT_TEXT =
  'J’accepte que le centre social crée mon profil de candidat et le montre aux employeurs validés par le centre, sous mon prénom et l’initiale de mon nom, avec les champs que j’ai choisis. Mon référent répond avec moi aux employeurs ; mes coordonnées ne sont données qu’à un employeur dont j’accepte le positionnement. Je peux demander à tout moment de modifier ou de supprimer mon profil.';

/**
 * What the team reads to a resident who manages her own profile before naming her referent: her
 * sign-up consent lets only her answer employers and share her details.
 */
export const REFERENT_CONSENT_TEXT =
  'J’accepte que ce référent m’accompagne dans ma recherche d’emploi : il voit mon profil avec mes coordonnées, les propositions des employeurs et nos échanges, et peut accepter ou refuser une proposition avec moi, ce qui donne alors mes coordonnées à l’employeur. Je peux retirer cet accord à tout moment auprès du centre.';
export const REFERENT_CONSENT_PURPOSE = 'emploi.referent';

const UNKNOWN_REFERENT = 'Aucun référent de ce centre n’a cette adresse : créez ou ajoutez d’abord son compte.';

/**
 * The referent account of an address, for a profile of `centre` the team names her on: one of the
 * centre's referents (any, when `centre` is null: a super-admin's choice). A blocked account is
 * refused: its owner could not log in to answer.
 */
export async function referentAccountId(strapi: Core.Strapi, email: string, centre: number | null): Promise<number> {
  const referent = (await strapi.db.query(USER_UID).findOne({
    where: { email: email.toLowerCase(), role: { type: REFERENT_ROLE.type } },
    select: ['id', 'blocked'],
  })) as { id: number; blocked: boolean | null } | null;
  if (!referent || (centre !== null && !(await referentIdsOfCentres(strapi, [centre])).includes(referent.id))) {
    throw fieldError('referent', UNKNOWN_REFERENT);
  }
  if (referent.blocked) {
    throw fieldError('referent', 'Le compte de ce référent est bloqué : débloquez-le ou choisissez un autre référent.');
  }
  return referent.id;
}

export interface AdminUser {
  id: number | string;
  roles?: { code?: string }[];
}

/**
 * The team's side of the sourcing: referents' accounts, and profiles filled in with a resident
 * present, whose consent is recorded as given orally or on paper, by whom.
 */
const createReferentsService = ({ strapi }: { strapi: Core.Strapi }) => {
  /** A staff member works only in her centres (a super-admin in all of them). */
  async function checkCentre(user: AdminUser, centre: number): Promise<void> {
    const scope = coreService(strapi, 'scope');
    if (scope.isSuperAdmin(user)) return;
    if (!(await scope.centreIdsOf(user.id)).includes(centre)) {
      throw forbidden('Vous ne pouvez créer un profil que pour votre centre.');
    }
  }

  /**
   * The centres a new referent serves: the user's; a super-admin's referent serves the only
   * centre of a single-centre install, else none until she follows a candidate somewhere.
   */
  async function centresOfCreator(user: AdminUser): Promise<number[]> {
    const scope = coreService(strapi, 'scope');
    if (!scope.isSuperAdmin(user)) return scope.centreIdsOf(user.id);
    const all = (await strapi.db.query('plugin::core.centre').findMany({ select: ['id'], limit: 2 })) as {
      id: number;
    }[];
    return all.length === 1 ? [all[0].id] : [];
  }

  return {
    /**
     * A referent's account, for the user's centres. It gets a random password nobody knows, and
     * an e-mail with a link to choose hers (valid 7 days; after that, « mot de passe oublié »).
     * The address of a referent another centre created adds her to the user's centres instead.
     */
    async createReferent(user: AdminUser, body: unknown): Promise<CreatedReferent> {
      const { email } = parseOrThrow(referentBody, body ?? {});
      const centres = await centresOfCreator(user);
      const existing = (await strapi.db.query(USER_UID).findOne({
        where: { email, role: { type: REFERENT_ROLE.type } },
        select: ['id'],
      })) as { id: number } | null;
      if (existing) {
        const known = centres.length === 0 || (await referentIdsOfCentres(strapi, centres)).includes(existing.id);
        if (known) throw fieldError('email', 'Ce référent est déjà dans votre liste.');
        await linkReferent(strapi, existing.id, centres);
        return { id: existing.id, email, added: true };
      }
      return strapi.db.transaction(async () => {
        const id = await createUser(
          strapi,
          email,
          randomBytes(32).toString('base64url'),
          await roleId(strapi, REFERENT_ROLE),
        );
        await linkReferent(strapi, id, centres);
        await getService(strapi, 'passwords').welcome(id);
        return { id, email, added: false };
      });
    },

    async createCandidate(user: AdminUser, body: unknown): Promise<{ id: string }> {
      const input = parseOrThrow(staffCandidate, body ?? {});
      const centre = await centreOf(strapi, input.centre);
      await checkCentre(user, centre);
      // A super-admin works across centres: any referent, who then serves this one too.
      const superAdmin = coreService(strapi, 'scope').isSuperAdmin(user);
      const referent = await referentAccountId(strapi, input.referent, superAdmin ? null : centre);
      const { referent: _referent, consentMethod, centre: _centre, ...profile } = input;
      // The profile and its consent are recorded together or not at all.
      return strapi.db.transaction(async () => {
        const candidate = (await strapi.db.query(CANDIDATE_UID).create({
          data: {
            ...profile,
            visibility: input.visibility ?? ['desiredJobs', 'skills', 'commune'],
            referent,
            centre,
            profileUpdatedAt: getService(strapi, 'clock').now(),
            hidden: false,
          },
        })) as { documentId: string };
        await coreService(strapi, 'consent').record({
          centre,
          subject: { uid: CANDIDATE_UID, id: candidate.documentId },
          purpose: CANDIDATE_CONSENT_PURPOSE,
          informationText: STAFF_CONSENT_TEXT,
          method: consentMethod,
          recordedBy: `admin:${user.id}`,
        });
        return { id: candidate.documentId };
      });
    },
  };
};

export type ReferentsService = ReturnType<typeof createReferentsService>;
export default createReferentsService;
