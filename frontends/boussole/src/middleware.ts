import { defineMiddleware } from 'astro:middleware';
import { indexPage } from './search/indexing';

/** Each page rendered by the build goes to the search index on its way to the disk. */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (!context.isPrerendered || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  const base = import.meta.env.BASE_URL;
  const path = context.url.pathname.startsWith(base) ? context.url.pathname.slice(base.length) : context.url.pathname;
  indexPage(`${path.replace(/^\/+/, '')}index.html`, html);
  return new Response(html, response);
});
