import type { APIRoute } from 'astro';
import { content, NAV } from '../lib/content';

/** Every public page, for search engines and for the accessibility test that visits them all. */
export const GET: APIRoute = async ({ site }) => {
  const { activities, news, events } = await content();
  const base = import.meta.env.BASE_URL;
  const origin = site ?? new URL('http://localhost');
  const paths = [
    ...NAV.map((item) => item.path),
    'mentions-legales/',
    'donnees-personnelles/',
    'plan-du-site/',
    ...activities.map((activity) => `activites/${activity.slug}/`),
    ...news.map((item) => `actualites/${item.slug}/`),
    ...events.map((event) => event.path),
  ];
  const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const urls = paths.map((path) => `<url><loc>${escape(new URL(`${base}${path}`, origin).href)}</loc></url>`);
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join('')}</urlset>\n`,
    { headers: { 'content-type': 'application/xml' } },
  );
};
