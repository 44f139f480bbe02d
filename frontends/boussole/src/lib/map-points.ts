import type { MapPoint } from '@csc/site-shared/lib/places';
import type { CommunePlaces } from './places';
import { PLACES_ON_ONE_PAGE } from './places';

/**
 * One marker per place while the map page lists every place; beyond that, one per commune (at
 * the middle of its places, leading to its page), so the page stays light whatever the
 * directory's size and no marker hides another by the thousand.
 */
export function mapPoints(groups: CommunePlaces[]): MapPoint[] {
  const total = groups.reduce((sum, group) => sum + group.structures.length, 0);
  if (total <= PLACES_ON_ONE_PAGE) {
    return groups.flatMap((group) =>
      group.structures.map((structure) => ({
        lat: structure.latitude as number,
        lon: structure.longitude as number,
        name: structure.nom,
        path: structure.path,
      })),
    );
  }
  return groups.map((group) => {
    const mean = (value: (item: (typeof group.structures)[number]) => number) =>
      group.structures.reduce((sum, item) => sum + value(item), 0) / group.structures.length;
    return {
      lat: mean((item) => item.latitude as number),
      lon: mean((item) => item.longitude as number),
      name: `${group.name} (${group.structures.length} lieux)`,
      path: group.path,
    };
  });
}
