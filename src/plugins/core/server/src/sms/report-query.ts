import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';

/** Where the provider calls; under the content API prefix (`/api` by default). */
export const DELIVERY_REPORT_PATH = '/core/sms/delivery-report';

/**
 * The delivery-report URL carries the shared token, and the provider may add the recipient's
 * number: neither may reach the request log, which prints `ctx.url` once the response is
 * ready, even for requests refused before any route runs (an unreadable body, say). So, before
 * every other middleware, the query string is moved from the URL into `ctx.state`, where the
 * route reads it.
 */
export function keepReportQueryOutOfLogs(strapi: Core.Strapi): void {
  const path = `${strapi.config.get<string>('api.rest.prefix', '/api')}${DELIVERY_REPORT_PATH}`;
  strapi.server.use(async (ctx: Context, next: Next) => {
    if (ctx.path === path) {
      ctx.state.smsReportQuery = ctx.querystring;
      ctx.querystring = '';
    }
    await next();
  });
}

/** The query string set aside above, as flat fields; a repeated field becomes a list. */
export function reportQueryOf(ctx: Context): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = Object.create(null);
  const text = typeof ctx.state.smsReportQuery === 'string' ? ctx.state.smsReportQuery : '';
  for (const [key, value] of new URLSearchParams(text)) {
    const existing = fields[key];
    fields[key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return fields;
}
