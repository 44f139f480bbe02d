import type { APIRoute, GetStaticPaths } from 'astro';
import { client, content } from '../../../lib/content';

/** Requests to the CMS at a time: the build must not swamp it. */
const AT_ONCE = 4;

/**
 * One iCalendar file per event, copied from the CMS at build time: « Ajouter à mon agenda »
 * works while the CMS is away, as the rest of the static site does.
 */
export const getStaticPaths: GetStaticPaths = async () => {
  const { events } = await content();
  const calendars: string[] = new Array(events.length);
  let next = 0;
  const worker = async () => {
    while (next < events.length) {
      const index = next++;
      calendars[index] = await client.eventCalendar(events[index].id);
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, events.length) }, worker));
  return events.map((event, index) => ({
    params: { event: event.path.split('/')[1] },
    props: { calendar: calendars[index] },
  }));
};

export const GET: APIRoute = ({ props }) =>
  new Response(props.calendar as string, { headers: { 'content-type': 'text/calendar; charset=utf-8' } });
