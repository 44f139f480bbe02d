import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';

const createGeocodingController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async lookup(ctx: Context) {
    ctx.body = await getService(strapi, 'geocoding').lookup(ctx.request.body);
  },

  async listOverrides(ctx: Context) {
    ctx.body = await getService(strapi, 'geocoding').listOverrides();
  },

  async setOverride(ctx: Context) {
    ctx.body = await getService(strapi, 'geocoding').setOverride(ctx.request.body);
  },

  async clearOverride(ctx: Context) {
    ctx.body = await getService(strapi, 'geocoding').clearOverride(String(ctx.params.id));
  },
});

export default createGeocodingController;
