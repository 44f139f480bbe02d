import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { parseOrThrow } from '@csc/plugin-core/toolkit';
import { compassParams, noQuery } from '../public/query';
import { getService } from '../utils/get-service';

/** Compasses change a few times a day: sites and caches may keep answers five minutes, like core's directory. */
const PUBLIC_CACHE = 'public, max-age=300';

/** Public reads of a compass (`/api/boussole/compasses/…`): parse, ask one service, answer. */
const createPublicController = ({ strapi }: { strapi: Core.Strapi }) => {
  const view = () => getService(strapi, 'view');
  // The router adds keys of its own to `params`: only the named ones are read.
  const slugOf = (ctx: Context) => parseOrThrow(compassParams, { slug: ctx.params.slug }).slug;
  const entryOf = (ctx: Context) => ({ slug: ctx.params.slug, id: ctx.params.id });
  const answer = async (ctx: Context, load: () => Promise<unknown>) => {
    const body = await load();
    ctx.set('Cache-Control', PUBLIC_CACHE);
    ctx.body = body;
  };

  return {
    async list(ctx: Context) {
      parseOrThrow(noQuery, ctx.query);
      await answer(ctx, async () => ({ data: await getService(strapi, 'compasses').summaries() }));
    },
    async settings(ctx: Context) {
      const slug = slugOf(ctx);
      parseOrThrow(noQuery, ctx.query);
      const compasses = getService(strapi, 'compasses');
      await answer(ctx, async () => ({ data: compasses.settingsOf(await compasses.bySlug(slug)) }));
    },
    async structures(ctx: Context) {
      const slug = slugOf(ctx);
      await answer(ctx, () => view().structures(slug, ctx.query));
    },
    async structure(ctx: Context) {
      parseOrThrow(noQuery, ctx.query);
      await answer(ctx, () => view().structure(entryOf(ctx)));
    },
    async services(ctx: Context) {
      const slug = slugOf(ctx);
      await answer(ctx, () => view().services(slug, ctx.query));
    },
    async events(ctx: Context) {
      const slug = slugOf(ctx);
      await answer(ctx, () => view().events(slug, ctx.query));
    },
    async resources(ctx: Context) {
      const slug = slugOf(ctx);
      await answer(ctx, () => view().resources(slug, ctx.query));
    },
    async resource(ctx: Context) {
      parseOrThrow(noQuery, ctx.query);
      await answer(ctx, () => view().resource(entryOf(ctx)));
    },
    async glossary(ctx: Context) {
      const slug = slugOf(ctx);
      await answer(ctx, () => view().glossary(slug, ctx.query));
    },
    async glossaryTerm(ctx: Context) {
      parseOrThrow(noQuery, ctx.query);
      await answer(ctx, () => view().glossaryTerm(entryOf(ctx)));
    },
  };
};

export default createPublicController;
