import type { Core } from '@strapi/strapi';
import { nextDay, parisInstant, parisToday } from '@csc/plugin-core/toolkit';
import { CENTRE_UID, EVENT_UID, PLACE_UID, SERVICE_UID, STRUCTURE_UID } from '@csc/plugin-core/shared';
import { COMPASS_UID, GLOSSARY_TERM_UID, RESOURCE_UID } from '../../../shared/permissions';
import { AUDIENCES } from '../../../shared/contracts/values';
import { RESOURCES, SORTIR, TERMS } from '../demo/content';
import { COMMUNES, EVENTS, OTHER_STRUCTURES, PLACES, STRUCTURES, type DemoStructure } from '../demo/directory';

const DEMO_CENTRE_SLUG = 'demonstration';
export const DEMO_COMPASS = 'boussole-parentale';
export const DEMO_HEALTH_COMPASS = 'boussole-sante';

/** A Paris day `days` from today (negative: before), at a Paris time. */
function inDays(days: number, hour = 0, minute = 0): Date {
  let day = parisToday();
  if (days >= 0) {
    for (let index = 0; index < days; index += 1) day = nextDay(day);
  } else {
    day = new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  }
  const [year, month, date] = day.split('-').map(Number);
  return parisInstant(year, month, date, hour, minute);
}

/** 03 53 73 xx xx: ARCEP's block reserved for fiction in the north-east, never anyone's number. */
const fictionalPhone = (index: number) =>
  `03 53 73 ${String(10 + index).padStart(2, '0')} ${String(20 + index).padStart(2, '0')}`;

/**
 * A believable parenting compass for a Lille-area territory, and a second, health compass on
 * the same directory. Structures, services, places and events go into core's shared directory
 * through the Document Service, so core's checks and search keys apply as for any other entry.
 * Runs once: nothing happens when the parenting compass exists.
 */
const createDemoService = ({ strapi }: { strapi: Core.Strapi }) => {
  const publish = async (uid: string, data: Record<string, unknown>) =>
    (await strapi.documents(uid as typeof STRUCTURE_UID).create({ data, status: 'published' } as never)) as unknown as {
      documentId: string;
    };

  async function seedStructures(list: DemoStructure[], centre: number, offset: number): Promise<string[]> {
    const ids: string[] = [];
    for (const [index, { services, commune, ...structure }] of list.entries()) {
      const place = COMMUNES[commune];
      // Spread around the town centre so the map shows each one.
      const shift = ((index % 5) - 2) * 0.004;
      const created = await publish(STRUCTURE_UID, {
        ...structure,
        centre,
        commune: place.nom,
        code_postal: place.code_postal,
        code_insee: place.code_insee,
        latitude: Number((place.lat + shift).toFixed(5)),
        longitude: Number((place.lng - shift).toFixed(5)),
        telephone: fictionalPhone(offset + index),
        courriel: `contact-${offset + index + 1}@example.org`,
      });
      ids.push(created.documentId);
      for (const item of services) {
        await publish(SERVICE_UID, {
          ...item,
          centre,
          structure: created.documentId,
          modes_accueil: ['en-presentiel'],
          commune: place.nom,
          code_postal: place.code_postal,
          code_insee: place.code_insee,
        });
      }
    }
    return ids;
  }

  return {
    async seed(): Promise<void> {
      if (await strapi.db.query(COMPASS_UID).count({ where: { slug: DEMO_COMPASS } })) return;
      const centre = (await strapi.db
        .query(CENTRE_UID)
        .findOne({ where: { slug: DEMO_CENTRE_SLUG }, select: ['id'] })) as {
        id: number;
      } | null;
      if (!centre) return;
      const communes = COMMUNES.map(({ nom, code_insee }) => ({ nom, code_insee }));

      await strapi.documents(COMPASS_UID).create({
        data: {
          title: 'Boussole parentale de la Métropole',
          slug: DEMO_COMPASS,
          intro:
            'Trouver près de chez soi les lieux, les professionnels et les rendez-vous pour accompagner ses enfants, de la grossesse à l’adolescence.',
          themes: [
            'famille--garde-denfants',
            'famille--soutien-a-la-parentalite-et-a-leducation',
            'famille--surmonter-conflits-separation-violence',
          ],
          localThemes: [{ code: SORTIR, label: 'Sortir en famille' }],
          audiences: AUDIENCES.map((audience) => audience.value),
          communes,
          sitePath: '/boussole-parentale/',
          centre: centre.id,
        },
      } as never);
      await strapi.documents(COMPASS_UID).create({
        data: {
          title: 'Boussole santé de Roubaix-Tourcoing',
          slug: DEMO_HEALTH_COMPASS,
          intro: 'Se soigner et trouver une écoute près de chez soi.',
          themes: ['sante--acces-aux-soins', 'sante--sante-mentale'],
          localThemes: [],
          audiences: ['tous-les-parents', '11-17-ans'],
          communes: communes.filter((commune) => ['Roubaix', 'Tourcoing'].includes(commune.nom)),
          sitePath: '/boussole-sante/',
          centre: centre.id,
        },
      } as never);

      const structures = await seedStructures(STRUCTURES, centre.id, 0);
      await seedStructures(OTHER_STRUCTURES, centre.id, STRUCTURES.length);
      const places: string[] = [];
      for (const { commune, ...place } of PLACES) {
        const town = COMMUNES[commune];
        const created = await publish(PLACE_UID, {
          ...place,
          centre: centre.id,
          commune: town.nom,
          code_postal: town.code_postal,
          code_insee: town.code_insee,
          latitude: town.lat,
          longitude: town.lng,
        });
        places.push(created.documentId);
      }
      for (const { inDays: days, hour, durationHours, place, organiser, ...event } of EVENTS) {
        const start = inDays(days, hour);
        await publish(EVENT_UID, {
          ...event,
          centre: centre.id,
          date_debut: start,
          date_fin: event.journee_entiere ? null : new Date(start.getTime() + durationHours * 3_600_000),
          lieu: places[place],
          organisateur: structures[organiser],
        });
      }

      for (const { inDays: days, ...resource } of RESOURCES) {
        await publish(RESOURCE_UID, {
          ...resource,
          audiences: [...resource.audiences],
          themes: [...resource.themes],
          date: inDays(days, 12).toISOString().slice(0, 10),
          centre: centre.id,
        });
      }
      const byName = new Map(STRUCTURES.map((structure, index) => [structure.nom, structures[index]]));
      for (const { structures: names, ...term } of TERMS) {
        await publish(GLOSSARY_TERM_UID, {
          ...term,
          themes: [...term.themes],
          relatedTerms: [...term.relatedTerms],
          relatedSchemes: [...term.relatedSchemes],
          relatedStructures: names.flatMap((name) => (byName.has(name) ? [byName.get(name) as string] : [])),
          centre: centre.id,
        });
      }
    },
  };
};

export default createDemoService;
