import { errors } from '@strapi/utils';
import type { FormProblem } from './fields';

/**
 * The problems of a refused submission, for the error summary: a `ValidationError`'s messages
 * per field (a field the page does not show, such as a key nobody should send, is listed
 * without a link), or null when the error is of another kind.
 */
export function formProblems(error: unknown, shown: ReadonlySet<string>, aliases: Record<string, string> = {}) {
  if (!(error instanceof errors.ValidationError)) return null;
  const listed = (error.details as { errors?: { path?: (string | number)[]; message: string }[] })?.errors ?? [];
  if (listed.length === 0) return [{ field: null, message: error.message }];
  return listed.map((problem): FormProblem => {
    const key = problem.path?.[0] === undefined ? null : String(problem.path[0]);
    const field = key === null ? null : (aliases[key] ?? key);
    if (field !== null && shown.has(field)) return { field, message: problem.message };
    return { field: null, message: key === null ? problem.message : `« ${key} » : ${problem.message}` };
  });
}

/** A 429 from a rate limit, with its French message (Retry-After is already set). */
export const isRateLimit = (error: unknown): error is Error => error instanceof errors.RateLimitError;
