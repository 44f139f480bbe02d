import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { fieldError, parseOrThrow } from '@csc/plugin-core/toolkit';
import { OFFER_UID } from '../../../shared/permissions';
import type { OfferCreated, OwnOffer } from '../../../shared/contracts/offers';
import { coreService } from '../core-services';
import { dayOf } from '../offers/days';
import { offerBody } from '../offers/fields';
import type { Member } from '../members/session';
import { getService } from '../utils/get-service';

/** A logged-in Users & Permissions account (a partner or an employer). */
export interface Account {
  id: number;
  email?: string | null;
}

type Row = Record<string, unknown>;
const OWN_LIMIT = 500;
const NOT_OWN = 'Cette offre n’existe pas, ou elle n’a pas été proposée depuis votre compte.';

/**
 * Offers proposed from partners' and employers' accounts: each one is a draft in core moderation
 * until the centre's team accepts it (Socle › Modération); the poster is told of the decision,
 * and later of the offer's closing, at their account's address.
 */
const createSubmissionsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const submit = async (account: Account, data: Row): Promise<OfferCreated> => {
    const created = await coreService(strapi, 'moderation').submit(
      OFFER_UID,
      { ...data, postedBy: account.id, ...(account.email ? { posterEmail: account.email } : {}) },
      account.email ? { submitter: { email: account.email } } : {},
    );
    const row = (await strapi.db.query(OFFER_UID).findOne({
      where: { documentId: created.documentId },
      select: ['validUntil'],
    })) as Row;
    return { id: created.documentId, published: created.published, validUntil: dayOf(row.validUntil) ?? '' };
  };

  async function centreOf(slug: string | undefined): Promise<number | undefined> {
    if (slug) {
      const centre = (await strapi.db.query('plugin::core.centre').findOne({ where: { slug }, select: ['id'] })) as {
        id: number;
      } | null;
      if (!centre) throw fieldError('centre', 'Ce centre n’existe pas.');
      return centre.id;
    }
    if ((await strapi.db.query('plugin::core.centre').count()) > 1) {
      throw fieldError('centre', 'Indiquez le centre à qui vous proposez cette offre.');
    }
    return undefined;
  }

  const service = {
    async fromPartner(account: Account, body: unknown): Promise<OfferCreated> {
      const input = parseOrThrow(offerBody(getService(strapi, 'offers').limits(), { withEmployer: true }), body ?? {});
      const { centre: slug, ...fields } = input as Row & { centre?: string };
      const centre = await centreOf(slug);
      return submit(account, { ...fields, postedByKind: 'partner', ...(centre ? { centre } : {}) });
    },

    async fromEmployer(account: Account, body: unknown): Promise<OfferCreated> {
      const employer = await getService(strapi, 'employers').ofAccount(account.id);
      const input = parseOrThrow(offerBody(getService(strapi, 'offers').limits(), { withEmployer: false }), body ?? {});
      return submit(account, {
        ...input,
        employer: employer.id,
        employerName: employer.name,
        ...(employer.sector ? { sector: employer.sector } : {}),
        postedByKind: 'employer',
        ...(employer.centre ? { centre: employer.centre.id } : {}),
      });
    },

    /** What the account proposed (or that one offer of it), newest first, with the latest decision on each. */
    async own(account: Account, only?: string): Promise<OwnOffer[]> {
      const rows = (await strapi.db.query(OFFER_UID).findMany({
        where: { postedBy: { id: account.id }, publishedAt: { $null: true }, ...(only ? { documentId: only } : {}) },
        select: ['documentId', 'title', 'validUntil', 'state', 'createdAt'],
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        limit: OWN_LIMIT,
      })) as Row[];
      const statuses = await coreService(strapi, 'moderation').contributionStatuses(
        OFFER_UID,
        rows.map((row) => String(row.documentId)),
      );
      return rows.map((row) => {
        const id = String(row.documentId);
        const { status, message } = statuses.get(id) ?? { status: 'pending' as const, message: null };
        return {
          id,
          title: String(row.title),
          status: row.state === 'closed' ? 'closed' : status,
          message,
          validUntil: dayOf(row.validUntil) ?? '',
          createdAt: new Date(row.createdAt as string).toISOString(),
        };
      });
    },

    /**
     * The poster closes an offer that has found its person, or withdraws it before the team's
     * review: every version closes at once, so that the site drops it at its next build, and its
     * review leaves the queue. Closing twice answers the same.
     */
    async closeOwn(member: Member, documentId: string): Promise<OwnOffer> {
      if (member.kind === 'employer') await getService(strapi, 'employers').ofAccount(member.id);
      const offers = strapi.db.query(OFFER_UID);
      const where = { documentId, postedBy: { id: member.id } };
      const rows = (await offers.findMany({ where, select: ['state'] })) as Row[];
      if (rows.length === 0) throw new errors.NotFoundError(NOT_OWN);
      if (rows.some((row) => row.state !== 'closed')) {
        await strapi.db.transaction(async () => {
          await offers.updateMany({
            where: { documentId, state: { $ne: 'closed' } },
            data: { state: 'closed', closedAt: getService(strapi, 'clock').now() },
          });
          // Still in review: it leaves the team's queue, with a note saying who withdrew it.
          await coreService(strapi, 'moderation').withdraw(OFFER_UID, documentId);
        });
      }
      const [own] = await service.own(member, documentId);
      if (!own) throw new errors.NotFoundError(NOT_OWN);
      return own;
    },

    /**
     * The members' space: a partner proposes with the employer's name, an employer's account for
     * its validated employer; both read back their own offers.
     */
    async proposeAs(member: Member, body: unknown): Promise<OfferCreated> {
      return member.kind === 'partner' ? service.fromPartner(member, body) : service.fromEmployer(member, body);
    },

    async ownOf(member: Member): Promise<OwnOffer[]> {
      // An employer whose record the team has not validated yet has nothing to read back either.
      if (member.kind === 'employer') await getService(strapi, 'employers').ofAccount(member.id);
      return service.own(member);
    },
  };
  return service;
};

export type SubmissionsService = ReturnType<typeof createSubmissionsService>;
export default createSubmissionsService;
