import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';

const createMailController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Context) {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await getService(strapi, 'mail').list(ctx.state.user, ctx.query);
  },

  async findOne(ctx: Context) {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await getService(strapi, 'mail').findOne(ctx.state.user, ctx.params.id);
  },
});

export default createMailController;
