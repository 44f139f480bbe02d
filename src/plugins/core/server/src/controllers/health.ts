import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';

const createHealthController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async check(ctx: Context) {
    const health = await getService(strapi, 'health').check();
    ctx.set('Cache-Control', 'no-store');
    ctx.status = health.status === 'ok' ? 200 : 503;
    ctx.body = health;
  },
});

export default createHealthController;
