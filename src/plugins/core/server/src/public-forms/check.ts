import type { Core } from '@strapi/strapi';
import type { PublicFormDefinition, TargetKey } from '../../../toolkit/public-forms';
import { getService } from '../utils/get-service';
import { clientAddress } from './client-address';
import { cleanTexts, type HygieneProblem } from './hygiene';
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

export type CheckedSubmission<Data> = { honeypot: true } | { honeypot: false; data: Data };

/**
 * The steps every public form submission goes through, whatever carried it (the JSON route's
 * guard, a server-rendered page): count the visitor's address (429), drop honeypot hits (nothing
 * stored, nothing personal logged), clean every text, validate with the form's schema (400,
 * French message per field, `problems` found earlier listed first), count the target (429).
 */
export async function checkSubmission<Data = unknown>(
  strapi: Core.Strapi,
  ctx: { set(field: string, value: string): void; request: { ip: string } },
  form: PublicFormDefinition,
  input: Record<string, unknown>,
  params: Record<string, string>,
  problems: readonly HygieneProblem[] = [],
): Promise<CheckedSubmission<Data>> {
  const limits = getService(strapi, 'rateLimit');
  await limits.enforce(ctx, form.name, 'address', clientAddress(ctx.request.ip), form.perAddress);

  let body = input;
  if (form.honeypot !== null) {
    if (isFilled(body[form.honeypot])) {
      strapi.log.info(`Public form ${form.name}: honeypot filled, submission dropped`);
      return { honeypot: true };
    }
    const { [form.honeypot]: _honeypot, ...rest } = body;
    body = rest;
  }

  const cleaned = cleanTexts(body);
  const result = await form.schema.safeParseAsync(cleaned.value, frenchErrors);
  const found = [...problems, ...cleaned.problems];
  if (!result.success || found.length > 0) {
    throw formValidationError(result.success ? [] : result.error.issues, found);
  }

  if (form.perTarget) {
    for (const key of targetKeys(form.perTarget.key(result.data, { params: { ...params } }))) {
      await limits.enforce(ctx, form.name, 'target', key, form.perTarget);
    }
  }
  return { honeypot: false, data: result.data as Data };
}
