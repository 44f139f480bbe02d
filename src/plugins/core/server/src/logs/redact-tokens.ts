import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';

/** Content-API paths whose next segment is a secret, e.g. `/pense-bete/unsubscribe/`. */
const prefixes = new Set<string>();

/**
 * Declares a content-API path (without `/api`) whose next segment is a signed link's token: the
 * request log shows `[jeton]` in its place. Call it from a plugin's register.
 */
export function hideTokensInLogs(prefix: string): void {
  if (!/^\/[\w/-]+\/$/.test(prefix)) throw new Error(`hideTokensInLogs("${prefix}"): a /path/ is expected`);
  prefixes.add(prefix);
}

/** The address with a declared token replaced, as the log may print it. */
export function redactTokens(url: string, apiPrefix: string): string {
  for (const prefix of prefixes) {
    const start = `${apiPrefix}${prefix}`;
    if (!url.startsWith(start)) continue;
    const tail = url.slice(start.length);
    const end = tail.search(/[/?#]/);
    return `${start}[jeton]${end < 0 ? '' : tail.slice(end)}`;
  }
  return url;
}

/**
 * Strapi's request logger prints `ctx.url` once the response is ready. Placed just inside it
 * (config/middlewares.ts, right after `strapi::logger`), this rewrites the address after the
 * router has read it and before the logger prints it, whether the request succeeded or not.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const apiPrefix = strapi.config.get<string>('api.rest.prefix', '/api');
  return async (ctx: Context, next: Next) => {
    try {
      await next();
    } finally {
      const redacted = redactTokens(ctx.url, apiPrefix);
      if (redacted !== ctx.url) ctx.url = redacted;
    }
  };
};
