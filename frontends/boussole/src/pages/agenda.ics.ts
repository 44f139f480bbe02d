import type { APIRoute } from 'astro';
import { content } from '../lib/content';
import { calendarOf, calendarResponse } from '../lib/calendar';

/** The compass's whole agenda as a feed residents subscribe to. */
export const GET: APIRoute = async () => {
  const { events, compass } = await content();
  return calendarResponse(calendarOf(events, compass.title));
};
