import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';

const createOutboxController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async summary(ctx: Context) {
    ctx.body = await getService(strapi, 'outbox').summary(ctx.state.user);
  },
  async list(ctx: Context) {
    ctx.body = await getService(strapi, 'outbox').list(ctx.state.user, ctx.query);
  },
  async detail(ctx: Context) {
    ctx.body = await getService(strapi, 'outbox').detail(ctx.state.user, ctx.params);
  },
  async retry(ctx: Context) {
    ctx.body = await getService(strapi, 'outbox').retry(ctx.state.user, ctx.params);
  },
  async discard(ctx: Context) {
    ctx.body = await getService(strapi, 'outbox').discard(ctx.state.user, ctx.params);
  },
});

export default createOutboxController;
