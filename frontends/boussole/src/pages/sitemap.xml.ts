import type { APIRoute } from 'astro';
import { paginate } from '@csc/site-shared/lib/paginate';
import { content, NAV, RESOURCES_PER_PAGE, STRUCTURES_PER_PAGE } from '../lib/content';
import { EVENTS_PER_PAGE } from '@csc/site-shared/lib/agenda';
import { placesByCommune } from '../lib/places';

/** Every public page, for search engines and for the accessibility test that visits them all. */
export const GET: APIRoute = async ({ site }) => {
  const data = await content();
  const { structures, filters, agendaFilters, events, resources, glossary } = data;
  const base = import.meta.env.BASE_URL;
  const origin = site ?? new URL('http://localhost');
  const pagesOf = (list: string, count: number, perPage: number) =>
    paginate(Array.from({ length: count }), perPage)
      .slice(1)
      .map((slice) => `${list}page/${slice.page}/`);
  const paths = [
    ...NAV.map((item) => item.path),
    'mentions-legales/',
    'donnees-personnelles/',
    'plan-du-site/',
    ...pagesOf('annuaire/', structures.length, STRUCTURES_PER_PAGE),
    ...filters.flatMap((filter) => [
      filter.path,
      ...pagesOf(filter.path, filter.structureIds.size, STRUCTURES_PER_PAGE),
    ]),
    ...structures.map((structure) => structure.path),
    ...placesByCommune(data).map((group) => group.path),
    ...pagesOf('agenda/', events.length, EVENTS_PER_PAGE),
    ...agendaFilters.flatMap((filter) => [filter.path, ...pagesOf(filter.path, filter.eventIds.size, EVENTS_PER_PAGE)]),
    ...events.map((event) => event.path),
    ...pagesOf('ressources/', resources.length, RESOURCES_PER_PAGE),
    ...resources.map((resource) => resource.path),
    ...glossary.map((term) => term.path),
  ];
  const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const urls = paths.map((path) => `<url><loc>${escape(new URL(`${base}${path}`, origin).href)}</loc></url>`);
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join('')}</urlset>\n`,
    { headers: { 'content-type': 'application/xml' } },
  );
};
