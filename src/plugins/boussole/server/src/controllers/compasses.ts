import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';

/** Staff pages (`/boussole/…`, admin): compass settings and the contributions waiting for them. */
const createCompassesController = ({ strapi }: { strapi: Core.Strapi }) => {
  const compasses = () => getService(strapi, 'compasses');
  return {
    async list(ctx: Context) {
      ctx.body = { data: await compasses().list(ctx.state.user) };
    },
    async choices(ctx: Context) {
      ctx.body = { data: await compasses().choices(ctx.state.user) };
    },
    async get(ctx: Context) {
      ctx.body = { data: await compasses().get(ctx.state.user, ctx.params.id) };
    },
    async create(ctx: Context) {
      ctx.status = 201;
      ctx.body = { data: await compasses().create(ctx.state.user, ctx.request.body) };
    },
    async update(ctx: Context) {
      ctx.body = { data: await compasses().update(ctx.state.user, ctx.params.id, ctx.request.body) };
    },
    async contributions(ctx: Context) {
      ctx.body = await getService(strapi, 'contributions').pending(ctx.state.user, ctx.params.id, ctx.query);
    },
  };
};

export default createCompassesController;
