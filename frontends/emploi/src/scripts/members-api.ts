/**
 * The members' API (`/api/emploi/members/…`), on the site's own origin: the session lives in an
 * httpOnly, SameSite=Strict cookie the script never sees; writes repeat the `emploi_csrf` value
 * in the `X-CSRF-Token` header. That value is read from its cookie when the browser shows it to
 * the page, else from this tab's sessionStorage, where sign-up and log-in put it (never
 * localStorage: it leaves with the tab).
 */
const ROOT = '/api/emploi/members';
const CSRF_KEY = 'emploi_csrf';

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

function csrfToken(): string {
  const cookie = document.cookie
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${CSRF_KEY}=`));
  if (cookie) return decodeURIComponent(cookie.slice(CSRF_KEY.length + 1));
  return sessionStorage.getItem(CSRF_KEY) ?? '';
}

export function rememberCsrf(token: unknown): void {
  if (typeof token === 'string') sessionStorage.setItem(CSRF_KEY, token);
}

export function forgetCsrf(): void {
  sessionStorage.removeItem(CSRF_KEY);
}

const UNREACHABLE = 'Le service ne répond pas. Vérifiez votre connexion à internet puis recommencez.';

export async function call<Data = unknown>(method: string, path: string, body?: unknown): Promise<Answer<Data>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken();
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
