import { isFetchError } from '@strapi/strapi/admin';

/** What went wrong, in the API's French words: one message, and one per field when known. */
export interface Problem {
  message: string;
  /** By field path (`firstName`, `consent.method`) and by top-level field (`consent`). */
  fields: Record<string, string>;
}

interface ErrorBody {
  message?: string;
  details?: { errors?: { path?: (string | number)[]; message: string }[] };
}

export const NO_PROBLEM: Problem = { message: '', fields: {} };

/** A refused form's problem, to show at the top of the form and under each field at fault. */
export function problemOf(error: unknown, fallback: string): Problem {
  if (!isFetchError(error)) return { message: fallback, fields: {} };
  const status = error.status ?? 0;
  const body = error.response?.data?.error as ErrorBody | undefined;
  // A 5xx or an unreachable server has no message meant for the user.
  if (status < 400 || status >= 500 || !body) return { message: fallback, fields: {} };
  const fields: Record<string, string> = {};
  for (const item of body.details?.errors ?? []) {
    const path = (item.path ?? []).map(String);
    if (path.length === 0) continue;
    fields[path.join('.')] ??= item.message;
    fields[path[0]] ??= item.message;
  }
  return { message: body.message ?? fallback, fields };
}
