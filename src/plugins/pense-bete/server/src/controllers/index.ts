import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { StaffUser } from '../core-services';
import { getService } from '../utils/get-service';
import summary from './summary';
import groups from './groups';
import unsubscribe from './unsubscribe';

const userOf = (ctx: Context) => ctx.state.user as StaffUser;

/** Thin: each action validates in its service and answers what the service returns. */
const createPenseBeteController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async listPersons(ctx: Context) {
    ctx.body = await getService(strapi, 'people').list(userOf(ctx), ctx.query);
  },
  async createPerson(ctx: Context) {
    ctx.status = 201;
    ctx.body = await getService(strapi, 'people').create(userOf(ctx), ctx.request.body);
  },
  async getPerson(ctx: Context) {
    ctx.body = await getService(strapi, 'people').detail(userOf(ctx), ctx.params);
  },
  async updatePerson(ctx: Context) {
    ctx.body = await getService(strapi, 'people').update(userOf(ctx), ctx.params, ctx.request.body);
  },
  async withdrawConsent(ctx: Context) {
    ctx.body = await getService(strapi, 'people').withdrawConsent(userOf(ctx), ctx.params, ctx.request.body);
  },
  async history(ctx: Context) {
    ctx.body = await getService(strapi, 'people').history(userOf(ctx), ctx.params, ctx.query);
  },
  async followUp(ctx: Context) {
    ctx.body = { results: await getService(strapi, 'people').followUp(userOf(ctx)) };
  },
  async createStep(ctx: Context) {
    ctx.status = 201;
    ctx.body = await getService(strapi, 'steps').create(userOf(ctx), ctx.params, ctx.request.body);
  },
  async updateStep(ctx: Context) {
    ctx.body = await getService(strapi, 'steps').update(userOf(ctx), ctx.params, ctx.request.body);
  },
  async deleteStep(ctx: Context) {
    ctx.body = await getService(strapi, 'steps').remove(userOf(ctx), ctx.params);
  },
  async stepTypes(ctx: Context) {
    ctx.body = { results: await getService(strapi, 'stepTypes').list(userOf(ctx)) };
  },
  async preview(ctx: Context) {
    ctx.body = await getService(strapi, 'preview').preview(userOf(ctx), ctx.request.body);
  },
});

export default { penseBete: createPenseBeteController, summary, groups, unsubscribe };
