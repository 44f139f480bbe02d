import type { APIRoute } from 'astro';
import { t } from '@csc/site-shared/i18n/t';
import { calendarOf, calendarResponse } from '@csc/site-shared/lib/calendar';
import { content } from '../lib/content';

/** The employment agenda as a feed a calendar app subscribes to. */
export const GET: APIRoute = async () => {
  const { events } = await content();
  return calendarResponse(calendarOf(events, t('emploi.agenda.title')));
};
