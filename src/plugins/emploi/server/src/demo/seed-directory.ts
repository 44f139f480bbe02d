import type { Core } from '@strapi/strapi';
import { parisInstant } from '@csc/plugin-core/toolkit';
import { EVENT_UID, PLACE_UID, SERVICE_UID, STRUCTURE_UID } from '@csc/plugin-core/shared';
import { addDays } from '../offers/days';
import { ACTORS, ACTOR_COMMUNES, EMPLOYMENT_EVENTS, fictionalPhone } from './directory';

/**
 * Writes the demo's employment actors, their schemes and events into core's directory and agenda
 * through the Document Service, so that core's checks and search keys apply as for any entry.
 * Each organiser's address is also the place of its events.
 */
export async function seedEmploymentDirectory(strapi: Core.Strapi, centre: number, today: string): Promise<void> {
  const publish = async (uid: string, data: Record<string, unknown>) =>
    (await strapi.documents(uid as typeof STRUCTURE_UID).create({ data, status: 'published' } as never)) as unknown as {
      documentId: string;
    };

  const organisers: { structure: string; place: string }[] = [];
  for (const [index, { services, commune, ...actor }] of ACTORS.entries()) {
    const town = ACTOR_COMMUNES[commune];
    // Spread around the town centre so that the map shows each one.
    const shift = ((index % 5) - 2) * 0.003;
    const located = {
      commune: town.nom,
      code_postal: town.code_postal,
      code_insee: town.code_insee,
      latitude: Number((town.lat + shift).toFixed(5)),
      longitude: Number((town.lng - shift).toFixed(5)),
    };
    const structure = await publish(STRUCTURE_UID, {
      ...actor,
      ...located,
      centre,
      telephone: fictionalPhone(index),
      courriel: `emploi-${index + 1}@example.org`,
    });
    for (const scheme of services) {
      await publish(SERVICE_UID, {
        ...scheme,
        centre,
        structure: structure.documentId,
        modes_accueil: ['en-presentiel'],
        frais: 'gratuit',
        commune: town.nom,
        code_postal: town.code_postal,
        code_insee: town.code_insee,
      });
    }
    const place = await publish(PLACE_UID, { nom: actor.nom, adresse: actor.adresse, centre, ...located });
    organisers.push({ structure: structure.documentId, place: place.documentId });
  }

  for (const { inDays, hour, durationHours, organiser, ...event } of EMPLOYMENT_EVENTS) {
    const [year, month, day] = addDays(today, inDays).split('-').map(Number);
    const start = parisInstant(year, month, day, hour);
    await publish(EVENT_UID, {
      ...event,
      centre,
      journee_entiere: false,
      prix: 'Gratuit',
      date_debut: start,
      date_fin: new Date(start.getTime() + durationHours * 3_600_000),
      lieu: organisers[organiser].place,
      organisateur: organisers[organiser].structure,
    });
  }
}
