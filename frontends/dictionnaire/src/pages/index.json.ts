import type { APIRoute } from 'astro';
import { content } from '../lib/content';
import { packIndex } from '../lib/search-index';

/** The client-side search's index: every word and its other spellings, nothing else. */
export const GET: APIRoute = async () => {
  const { words } = await content();
  return new Response(JSON.stringify(packIndex(words)), { headers: { 'content-type': 'application/json' } });
};
