import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { parseOrThrow } from '@csc/plugin-core/toolkit';
import { closedOffersQuery, emptyQuery, offerParams, offersQuery } from '../offers/public-query';
import { getService } from '../utils/get-service';
import members from './members';

type Factory = (context: { strapi: Core.Strapi }) => Record<string, (ctx: Context) => Promise<void>>;

/** The public read API: cacheable, published offers only. */
const read: Factory = ({ strapi }) => {
  const offers = () => getService(strapi, 'offers');
  const cacheable = (ctx: Context) => ctx.set('Cache-Control', 'public, max-age=300');
  return {
    async list(ctx) {
      const query = parseOrThrow(offersQuery, ctx.query);
      cacheable(ctx);
      ctx.body = await offers().list(query);
    },
    async closed(ctx) {
      const query = parseOrThrow(closedOffersQuery, ctx.query);
      cacheable(ctx);
      ctx.body = await offers().closed(query);
    },
    async offer(ctx) {
      parseOrThrow(emptyQuery, ctx.query);
      const { id } = parseOrThrow(offerParams, { id: ctx.params.id });
      cacheable(ctx);
      ctx.body = { data: await offers().get(id) };
    },
    async actors(ctx) {
      const answer = await getService(strapi, 'actors').structures(ctx.query);
      cacheable(ctx);
      ctx.body = answer;
    },
    async events(ctx) {
      const answer = await getService(strapi, 'actors').events(ctx.query);
      cacheable(ctx);
      ctx.body = answer;
    },
  };
};

/** One controller per kind of account, so that each role is granted its own actions. */
const accountRoutes =
  (kind: 'partner' | 'employer'): Factory =>
  ({ strapi }) => {
    const submissions = () => getService(strapi, 'submissions');
    return {
      async listOffers(ctx) {
        ctx.set('Cache-Control', 'no-store');
        if (kind === 'employer') await getService(strapi, 'employers').ofAccount(ctx.state.user.id);
        ctx.body = { data: await submissions().own(ctx.state.user) };
      },
      async createOffer(ctx) {
        const created =
          kind === 'partner'
            ? await submissions().fromPartner(ctx.state.user, ctx.request.body)
            : await submissions().fromEmployer(ctx.state.user, ctx.request.body);
        ctx.status = 201;
        ctx.body = { data: created };
      },
    };
  };

/** The team's page in the admin. */
const admin: Factory = ({ strapi }) => ({
  async summary(ctx) {
    ctx.body = await getService(strapi, 'summary').get();
  },
  async createReferent(ctx) {
    ctx.status = 201;
    ctx.body = { data: await getService(strapi, 'referents').createReferent(ctx.state.user, ctx.request.body) };
  },
  async candidates(ctx) {
    ctx.body = await getService(strapi, 'staffCandidates').list(ctx.state.user, ctx.query);
  },
  async candidateChoices(ctx) {
    ctx.body = await getService(strapi, 'staffCandidates').choices(ctx.state.user);
  },
  async referents(ctx) {
    ctx.body = await getService(strapi, 'staffCandidates').referents(ctx.state.user, ctx.query);
  },
  async changeReferent(ctx) {
    const staff = getService(strapi, 'staffCandidates');
    ctx.body = { data: await staff.changeReferent(ctx.state.user, ctx.params.id, ctx.request.body) };
  },
  async createCandidate(ctx) {
    ctx.status = 201;
    ctx.body = { data: await getService(strapi, 'referents').createCandidate(ctx.state.user, ctx.request.body) };
  },
});

export default { members, read, partner: accountRoutes('partner'), employer: accountRoutes('employer'), admin };
