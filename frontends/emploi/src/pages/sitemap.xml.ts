import type { APIRoute } from 'astro';
import { paginate } from '@csc/site-shared/lib/paginate';
import { EVENTS_PER_PAGE } from '@csc/site-shared/lib/agenda';
import { content, OFFERS_PER_PAGE } from '../lib/content';

/** Every public page worth finding: live offers only (closed ones keep a page, left out), filters, actors, agenda. */
export const GET: APIRoute = async ({ site }) => {
  const { offers, filters, events } = await content();
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const origin = site ?? new URL('http://localhost');
  const pagesOf = (list: string, count: number, perPage: number) =>
    paginate(Array.from({ length: count }), perPage).map((slice) =>
      slice.page > 1 ? `${list}page/${slice.page}/` : list,
    );
  const paths = [
    ...pagesOf('', offers.length, OFFERS_PER_PAGE),
    ...filters.flatMap((filter) => pagesOf(filter.path, filter.offers.length, OFFERS_PER_PAGE)),
    ...offers.map((offer) => offer.path),
    'acteurs/',
    ...pagesOf('agenda/', events.length, EVENTS_PER_PAGE),
    ...events.map((event) => event.path),
    'proposer-une-offre/',
    'espace/inscription/',
    'espace/connexion/',
    'espace/mot-de-passe-oublie/',
    'mentions-legales/',
    'donnees-personnelles/',
    'plan-du-site/',
  ];
  const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const urls = paths.map((path) => `<url><loc>${escape(new URL(`${base}${path}`, origin).href)}</loc></url>`);
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join('')}</urlset>\n`,
    { headers: { 'content-type': 'application/xml' } },
  );
};
