import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { StaffUser } from '../core-services';
import { getService } from '../utils/get-service';

const createSummaryController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async get(ctx: Context) {
    ctx.body = await getService(strapi, 'summary').get(ctx.state.user as StaffUser);
  },
});

export default createSummaryController;
