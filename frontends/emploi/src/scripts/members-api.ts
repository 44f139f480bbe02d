/**
 * The members' API (`/api/emploi/members/…`), on the site's own origin: the session lives in an
 * httpOnly, SameSite=Strict cookie the script never sees; writes repeat the session's CSRF token
 * in the `X-CSRF-Token` header. The pages cannot read the `emploi_csrf` cookie (its path is the
 * API's), so each page takes the token from `GET /me`, which every members' page reads first,
 * and keeps it in memory only: a new tab works at once, and nothing outlives the page.
 */
const ROOT = '/api/emploi/members';

let csrf = '';

export interface FieldError {
  field: string;
  message: string;
}

export interface Answer<Data = unknown> {
  ok: boolean;
  status: number;
  data: Data;
  message: string;
  fields: FieldError[];
}

export function forgetCsrf(): void {
  csrf = '';
}

const UNREACHABLE = 'Le service ne répond pas. Vérifiez votre connexion à internet puis recommencez.';

export async function call<Data = unknown>(method: string, path: string, body?: unknown): Promise<Answer<Data>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrf;
  let response: Response;
  try {
    response = await fetch(`${ROOT}${path}`, {
      method,
      headers,
      credentials: 'include',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, data: undefined as Data, message: UNREACHABLE, fields: [] };
  }
  const json = (await response.json().catch(() => null)) as {
    data?: Data;
    error?: { message?: string; details?: { errors?: { path?: (string | number)[]; message?: string }[] } };
  } | null;
  const token = (json?.data as { csrfToken?: unknown } | undefined)?.csrfToken;
  if (response.ok && typeof token === 'string') csrf = token;
  const fields = (json?.error?.details?.errors ?? []).map((item) => ({
    field: String(item.path?.[0] ?? ''),
    message: item.message ?? '',
  }));
  return {
    ok: response.ok,
    status: response.status,
    data: json?.data as Data,
    message: response.ok ? '' : (json?.error?.message ?? UNREACHABLE),
    fields,
  };
}

/** The site's base path, e.g. `/emploi/`. */
export const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** Shows what only works with JavaScript, and hides the message said to those without it. */
export function revealScriptedParts(): void {
  for (const element of document.querySelectorAll<HTMLElement>('[data-needs-js]')) element.hidden = false;
  for (const element of document.querySelectorAll<HTMLElement>('[data-without-js]')) element.hidden = true;
}
