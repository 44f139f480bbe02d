import type { APIRoute, GetStaticPaths } from 'astro';
import { content, type AgendaFilter } from '../../../../lib/content';
import { calendarOf, calendarResponse } from '../../../../lib/calendar';

/** One filter value's events as a feed residents subscribe to (« 0-3 ans », « Roubaix »…). */
export const getStaticPaths: GetStaticPaths = async () => {
  const { agendaFilters } = await content();
  return agendaFilters.map((filter) => {
    const [, kind, value] = filter.path.split('/');
    return { params: { kind, value }, props: { filter } };
  });
};

export const GET: APIRoute = async ({ props }) => {
  const { events, compass } = await content();
  const { filter } = props as { filter: AgendaFilter };
  return calendarResponse(
    calendarOf(
      events.filter((event) => filter.eventIds.has(event.id)),
      `${compass.title} : ${filter.label}`,
    ),
  );
};
