import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';

const createGdprController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async search(ctx: Context) {
    ctx.body = await getService(strapi, 'gdpr').summary(ctx.state.user, ctx.request.body);
  },

  async export(ctx: Context) {
    const archive = await getService(strapi, 'gdpr').exportArchive(ctx.state.user, ctx.request.body);
    ctx.set('Cache-Control', 'no-store');
    ctx.attachment(`donnees-personnelles-${new Date().toISOString().slice(0, 10)}.zip`);
    ctx.type = 'application/zip';
    ctx.body = Buffer.from(archive);
  },

  async erase(ctx: Context) {
    ctx.body = await getService(strapi, 'gdpr').erase(ctx.state.user, ctx.request.body);
  },
});

export default createGdprController;
