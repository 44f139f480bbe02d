import { slugify } from '@csc/site-shared/lib/slug';
import type { Content, Structure } from './content';

/** The map's list: structures with a position, commune by commune, in the directory's order. */
export interface CommunePlaces {
  name: string;
  path: string;
  structures: Structure[];
}

/** Above this many places, the map page lists communes and each commune has its own page. */
export const PLACES_ON_ONE_PAGE = 200;

export function placesByCommune({ structures, compass }: Pick<Content, 'structures' | 'compass'>): CommunePlaces[] {
  const groups = new Map<string, CommunePlaces>();
  const order = compass.communes.map((commune) => commune.nom);
  for (const structure of structures) {
    if (structure.latitude == null || structure.longitude == null) continue;
    const name = structure.commune?.trim() || 'Autres communes';
    const key = slugify(name, 'autres');
    const group = groups.get(key) ?? { name, path: `carte/${key}/`, structures: [] };
    group.structures.push(structure);
    groups.set(key, group);
  }
  const rank = (name: string) => {
    const index = order.findIndex((item) => slugify(item) === slugify(name));
    return index === -1 ? order.length : index;
  };
  return [...groups.values()].sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name, 'fr'));
}
