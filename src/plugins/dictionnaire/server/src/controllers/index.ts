import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { answerAccepted, parseOrThrow, publicFormData } from '@csc/plugin-core/toolkit';
import { getService } from '../utils/get-service';
import {
  contributorForm,
  detailsQuery,
  emptyQuery,
  latestQuery,
  searchQuery,
  slugParam,
  wordListQuery,
  wordRequestForm,
} from '../schemas';

type Factory = (context: { strapi: Core.Strapi }) => Record<string, (ctx: Context) => Promise<void>>;

/** Public forms: « Ce mot manque » and « Devenir contributeur ». */
const forms: Factory = ({ strapi }) => ({
  async request(ctx) {
    await getService(strapi, 'requests').submit(publicFormData(ctx, wordRequestForm));
    answerAccepted(ctx);
  },
  async contributor(ctx) {
    await getService(strapi, 'contributors').register(publicFormData(ctx, contributorForm));
    answerAccepted(ctx);
  },
});

/** The public read API: cacheable, published content only. */
const read: Factory = ({ strapi }) => {
  const words = () => getService(strapi, 'words');
  const cacheable = (ctx: Context) => ctx.set('Cache-Control', 'public, max-age=300');
  return {
    async list(ctx) {
      const query = parseOrThrow(wordListQuery, ctx.query);
      cacheable(ctx);
      ctx.body = await words().list(query);
    },
    async latest(ctx) {
      const { limit } = parseOrThrow(latestQuery, ctx.query);
      cacheable(ctx);
      ctx.body = await words().latest(limit);
    },
    async index(ctx) {
      parseOrThrow(emptyQuery, ctx.query);
      cacheable(ctx);
      ctx.body = await words().all();
    },
    async details(ctx) {
      const query = parseOrThrow(detailsQuery, ctx.query);
      cacheable(ctx);
      ctx.body = await words().details(query);
    },
    async word(ctx) {
      parseOrThrow(emptyQuery, ctx.query);
      const { slug } = parseOrThrow(slugParam, { slug: ctx.params.slug });
      cacheable(ctx);
      ctx.body = { data: await words().bySlug(slug) };
    },
    async search(ctx) {
      const { q, limit } = parseOrThrow(searchQuery, ctx.query);
      cacheable(ctx);
      ctx.body = await words().search(q, limit);
    },
    async contributors(ctx) {
      parseOrThrow(emptyQuery, ctx.query);
      cacheable(ctx);
      ctx.body = await words().contributors();
    },
  };
};

/** The accompanying adults' routes (Users & Permissions JWT). */
const contributor: Factory = ({ strapi }) => {
  const service = () => getService(strapi, 'contributors');
  const noStore = (ctx: Context) => ctx.set('Cache-Control', 'no-store');
  return {
    async me(ctx) {
      noStore(ctx);
      ctx.body = { data: await service().me(ctx.state.user) };
    },
    async requests(ctx) {
      noStore(ctx);
      ctx.body = { data: await service().openRequests(ctx.state.user) };
    },
    async claim(ctx) {
      noStore(ctx);
      const body = (ctx.request.body ?? {}) as { structure?: unknown };
      ctx.body = {
        data: await service().claim(
          ctx.state.user,
          String(ctx.params.id ?? ''),
          typeof body.structure === 'string' ? body.structure : undefined,
        ),
      };
    },
    async definitions(ctx) {
      noStore(ctx);
      ctx.body = { data: await service().definitions(ctx.state.user) };
    },
    async submit(ctx) {
      ctx.status = 201;
      ctx.body = { data: await service().submit(ctx.state.user, ctx.request.body) };
    },
    async digest(ctx) {
      ctx.body = { data: await service().setDigest(ctx.state.user, ctx.request.body) };
    },
  };
};

/** The team's pages in the admin. */
const admin: Factory = ({ strapi }) => {
  const service = () => getService(strapi, 'admin');
  return {
    async summary(ctx) {
      ctx.body = await service().summary();
    },
    async requests(ctx) {
      ctx.body = await service().requests(ctx.query);
    },
    async structures(ctx) {
      ctx.body = await service().structures(ctx.query);
    },
    async validate(ctx) {
      ctx.body = { data: await service().validate(ctx.params.id) };
    },
    async refuse(ctx) {
      await service().refuse(ctx.params.id);
      ctx.status = 204;
    },
    async words(ctx) {
      ctx.body = await service().words(ctx.query);
    },
  };
};

export default { forms, read, contributor, admin };
