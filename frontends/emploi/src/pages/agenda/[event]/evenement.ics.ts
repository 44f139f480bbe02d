import type { APIRoute, GetStaticPaths } from 'astro';
import type { AgendaEvent } from '@csc/site-shared/lib/agenda';
import { calendarOf, calendarResponse } from '@csc/site-shared/lib/calendar';
import { content } from '../../../lib/content';

/** « Ajouter à mon agenda »: one iCalendar file per event, written with the site. */
export const getStaticPaths: GetStaticPaths = async () => {
  const { events } = await content();
  return events.map((event) => ({ params: { event: event.path.split('/')[1] }, props: { event } }));
};

export const GET: APIRoute = ({ props }) => {
  const event = props.event as AgendaEvent;
  return calendarResponse(calendarOf([event], event.titre));
};
