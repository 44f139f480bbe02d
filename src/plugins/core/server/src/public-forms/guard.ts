import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { PUBLIC_FORM_STATE, type PublicFormDefinition, type TargetKey } from '../../../toolkit/public-forms';
import { getService } from '../utils/get-service';
import { BODY_STATE } from './body';
import { clientAddress } from './client-address';
import { cleanTexts } from './hygiene';
import { formValidationError, frenchErrors } from './messages';

function isFilled(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return false;
  if (typeof value === 'string') return value.trim() !== '';
  return true;
}

function targetKeys(value: TargetKey | TargetKey[]): string[] {
  const keys = (Array.isArray(value) ? value : [value])
    .filter((key): key is string | number => key !== null && key !== undefined && key !== '')
    .map((key) => String(key).trim().toLowerCase())
    .filter(Boolean);
  return [...new Set(keys)];
}

/**
 * Route middleware of every public form (`plugin::core.public-form`, set by publicFormRoute),
 * after the body reader: count the visitor's address (429), drop honeypot hits with a fake
 * success (nothing stored, nothing personal logged), clean every text, validate with the form's
 * schema (400, French message per field), count the target (429), then hand the clean data to
 * the controller in `ctx.request.body` and `ctx.state.publicForm.data`.
 */
export default (form: PublicFormDefinition, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    ctx.set('Cache-Control', 'no-store');
    let body = ctx.state[BODY_STATE] as Record<string, unknown> | undefined;
    if (body === undefined) {
      throw new Error(`Public form ${form.name}: the body reader did not run (see config/middlewares.ts)`);
    }
    const limits = getService(strapi, 'rateLimit');
    await limits.enforce(ctx, form.name, 'address', clientAddress(ctx.request.ip), form.perAddress);

    if (form.honeypot !== null) {
      if (isFilled(body[form.honeypot])) {
        strapi.log.info(`Public form ${form.name}: honeypot filled, submission dropped`);
        ctx.status = form.accepted.status;
        ctx.body = form.accepted.body;
        return;
      }
      const { [form.honeypot]: _honeypot, ...rest } = body;
      body = rest;
    }

    const cleaned = cleanTexts(body);
    const result = await form.schema.safeParseAsync(cleaned.value, frenchErrors);
    if (!result.success || cleaned.problems.length > 0) {
      throw formValidationError(result.success ? [] : result.error.issues, cleaned.problems);
    }

    if (form.perTarget) {
      for (const key of targetKeys(
        form.perTarget.key(result.data, { params: { ...(ctx.params as Record<string, string>) } }),
      )) {
        await limits.enforce(ctx, form.name, 'target', key, form.perTarget);
      }
    }
    ctx.request.body = result.data;
    ctx.state[PUBLIC_FORM_STATE] = { data: result.data };
    return next();
  };
