import type { APIRoute } from 'astro';
import { centreSlug, client } from '../lib/content';

/** The centre's whole agenda as a calendar feed residents subscribe to, copied at build time. */
export const GET: APIRoute = async () =>
  new Response(await client.calendar(centreSlug), { headers: { 'content-type': 'text/calendar; charset=utf-8' } });
