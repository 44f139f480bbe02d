import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';

const createAuditController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Context) {
    ctx.body = await getService(strapi, 'audit').list(ctx.state.user, ctx.query);
  },
});

export default createAuditController;
