import type { APIRoute } from 'astro';
import { content, letterPath, NAV } from '../lib/content';
import { resultsKey } from '../lib/search-index';

/** Every public page, for search engines and for the accessibility test that visits them all. */
export const GET: APIRoute = async ({ site }) => {
  const { words } = await content();
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const origin = site ?? new URL('http://localhost');
  const keys = new Set(words.flatMap((word) => [word.term, ...word.variants].map(resultsKey)).filter(Boolean));
  const paths = [
    ...NAV.map((item) => item.path),
    'recherche/',
    'mentions-legales/',
    'donnees-personnelles/',
    'plan-du-site/',
    ...new Set(words.map((word) => letterPath(word.letter))),
    ...words.map((word) => `mots/${word.slug}/`),
    ...[...keys].map((key) => `recherche/${key}/`),
  ];
  const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const urls = paths.map((path) => `<url><loc>${escape(new URL(`${base}${path}`, origin).href)}</loc></url>`);
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join('')}</urlset>\n`,
    { headers: { 'content-type': 'application/xml' } },
  );
};
