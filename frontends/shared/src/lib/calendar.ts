import { buildCalendar } from '@csc/plugin-core/calendar';
import type { DirectoryEvent } from '@csc/cms';

/**
 * iCalendar files written at build time with core's own writer, as the CMS's feeds are: the
 * same UIDs, so an event added from the site and from the CMS is one event in a calendar app.
 * Written here rather than fetched one by one so that a large agenda builds in seconds.
 */
const host = new URL(process.env.CMS_PUBLIC_URL || process.env.CMS_URL || 'http://127.0.0.1:1337').hostname;

export function calendarOf(events: DirectoryEvent[], name: string): string {
  return buildCalendar(events, { host, name });
}

export const calendarResponse = (body: string) =>
  new Response(body, { headers: { 'content-type': 'text/calendar; charset=utf-8' } });
