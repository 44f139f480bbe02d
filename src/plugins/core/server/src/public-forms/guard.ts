import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { PUBLIC_FORM_STATE, type PublicFormDefinition } from '../../../toolkit/public-forms';
import { BODY_STATE } from './body';
import { checkSubmission } from './check';

/**
 * Route middleware of every public form (`plugin::core.public-form`, set by publicFormRoute),
 * after the body reader: the common checks (`checkSubmission`: address limit, honeypot with a
 * fake success, text hygiene, schema, target limit), then the clean data goes to the controller
 * in `ctx.request.body` and `ctx.state.publicForm.data`.
 */
export default (form: PublicFormDefinition, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    ctx.set('Cache-Control', 'no-store');
    const body = ctx.state[BODY_STATE] as Record<string, unknown> | undefined;
    if (body === undefined) {
      throw new Error(`Public form ${form.name}: the body reader did not run (see config/middlewares.ts)`);
    }
    const checked = await checkSubmission(strapi, ctx, form, body, { ...(ctx.params as Record<string, string>) });
    if (checked.honeypot) {
      ctx.status = form.accepted.status;
      ctx.body = form.accepted.body;
      return;
    }
    ctx.request.body = checked.data;
    ctx.state[PUBLIC_FORM_STATE] = { data: checked.data };
    return next();
  };
