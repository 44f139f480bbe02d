import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { StaffUser } from '../core-services';
import { getService } from '../utils/get-service';

const userOf = (ctx: Context) => ctx.state.user as StaffUser;

/** Groups, their news, the SMS budget and a centre's sending settings; thin like the others. */
const createGroupsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Context) {
    ctx.body = { results: await getService(strapi, 'groups').list(userOf(ctx)) };
  },
  async create(ctx: Context) {
    ctx.status = 201;
    ctx.body = await getService(strapi, 'groups').create(userOf(ctx), ctx.request.body);
  },
  async detail(ctx: Context) {
    ctx.body = await getService(strapi, 'groups').detail(userOf(ctx), ctx.params);
  },
  async update(ctx: Context) {
    ctx.body = await getService(strapi, 'groups').update(userOf(ctx), ctx.params, ctx.request.body);
  },
  async addMember(ctx: Context) {
    ctx.body = await getService(strapi, 'groups').addMember(userOf(ctx), ctx.params, ctx.request.body);
  },
  async removeMember(ctx: Context) {
    ctx.body = await getService(strapi, 'groups').removeMember(userOf(ctx), ctx.params, ctx.request.body);
  },
  async previewNews(ctx: Context) {
    ctx.body = await getService(strapi, 'news').preview(userOf(ctx), ctx.params, ctx.request.body);
  },
  async sendNews(ctx: Context) {
    const sent = await getService(strapi, 'news').send(userOf(ctx), ctx.params, ctx.request.body);
    ctx.status = sent.alreadySent ? 200 : 201;
    ctx.body = sent;
  },
  async listNews(ctx: Context) {
    ctx.body = { results: await getService(strapi, 'news').list(userOf(ctx), ctx.params) };
  },
  async budget(ctx: Context) {
    ctx.body = await getService(strapi, 'budget').get(userOf(ctx));
  },
  async getSettings(ctx: Context) {
    ctx.body = await getService(strapi, 'centreSettings').get(userOf(ctx), ctx.params);
  },
  async updateSettings(ctx: Context) {
    ctx.body = await getService(strapi, 'centreSettings').update(userOf(ctx), ctx.params, ctx.request.body);
  },
});

export default createGroupsController;
