import { STATUS_CODES } from 'node:http';
import type { Context, Next } from 'koa';

function errorName(status: number): string {
  const words = (STATUS_CODES[status] ?? 'Error').replace(/[^A-Za-z ]/g, '').split(' ');
  return `${words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('')}Error`;
}

/**
 * Strapi answers its own errors as `{ data: null, error }`, but the router's 405 and a few
 * framework paths still answer plain text; clients (sites, the CMS client, probes) get the
 * same JSON shape for every error.
 */
export default () => async (ctx: Context, next: Next) => {
  await next();
  if (ctx.status < 400 || (ctx.body !== null && typeof ctx.body === 'object')) return;
  // A public HTML page that answers its own error in French (an expired link) is kept as written.
  if (typeof ctx.body === 'string' && ctx.response.is('html')) return;
  const status = ctx.status;
  ctx.body = {
    data: null,
    error: { status, name: errorName(status), message: STATUS_CODES[status] ?? 'Error', details: {} },
  };
  ctx.status = status;
};
