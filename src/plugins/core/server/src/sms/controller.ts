import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { reportQueryOf } from './report-query';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const createSmsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Context) {
    ctx.body = await getService(strapi, 'sms').list(ctx.state.user, ctx.query);
  },

  async findOne(ctx: Context) {
    ctx.body = await getService(strapi, 'sms').findOne(ctx.state.user, ctx.params.id);
  },

  async summary(ctx: Context) {
    ctx.body = await getService(strapi, 'sms').summary(ctx.state.user);
  },

  /**
   * Called by the provider (OVH), without an account: from the query string or a form/JSON
   * body. The reply is the same whether or not the message exists.
   */
  async deliveryReport(ctx: Context) {
    const { token, ...query } = reportQueryOf(ctx);
    const sms = getService(strapi, 'sms');
    if (!sms.isDeliveryReportToken(token)) throw new errors.ForbiddenError('Jeton absent ou invalide.');
    const body = isPlainObject(ctx.request.body) ? ctx.request.body : {};
    await sms.applyDeliveryReport({ ...body, ...query });
    ctx.status = 204;
  },
});

export default createSmsController;
