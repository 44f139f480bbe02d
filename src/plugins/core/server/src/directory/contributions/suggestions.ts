import type { Core } from '@strapi/strapi';
import { EVENT_UID, STRUCTURE_UID } from '../../../../shared/contracts/directory';
import { getService } from '../../utils/get-service';
import { centreIdBySlug } from './centres';
import type { EventSuggestion, StructureSuggestion } from './schemas';

/**
 * Suggestions from visitors without an account (public forms « Proposer une structure »,
 * « Proposer un événement »), into the centre named by its slug, moderated like partners'
 * (pre-moderation unless the install chose otherwise for the type).
 */
export function createSuggestions(strapi: Core.Strapi) {
  async function suggest(uid: string, input: StructureSuggestion | EventSuggestion): Promise<void> {
    const { centre, email, ...fields } = input;
    const centreId = await centreIdBySlug(strapi, centre);
    await getService(strapi, 'moderation').submit(
      uid,
      { ...fields, centre: centreId },
      {
        submitter: email ? { email } : undefined,
      },
    );
  }

  return {
    structure: (input: StructureSuggestion) => suggest(STRUCTURE_UID, input),
    event: (input: EventSuggestion) => suggest(EVENT_UID, input),
  };
}
