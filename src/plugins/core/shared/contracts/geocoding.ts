/** Where a position comes from: set by hand by staff, remembered, or just asked to the BAN. */
export type GeocodeSource = 'override' | 'cache' | 'api';

export type GeocodeOutcome =
  | {
      status: 'found';
      source: GeocodeSource;
      latitude: number;
      longitude: number;
      /** The address as the BAN (or the staff member) wrote it. */
      label: string;
      /** BAN relevance, 0 to 1; null for a position set by hand. */
      score: number | null;
      /** INSEE code of the commune, when known. */
      citycode: string | null;
    }
  | {
      status: 'not-found' | 'low-score' | 'unavailable' | 'disabled' | 'invalid';
      /** French, for staff. */
      message: string;
      /** For low-score: what the BAN proposed. */
      candidate?: { label: string; score: number };
    };

export interface GeocodingCacheView {
  address: string;
  found: boolean;
  latitude: number | null;
  longitude: number | null;
  label: string | null;
  score: number | null;
  citycode: string | null;
  /** ISO date-time. */
  cachedAt: string;
  expiresAt: string;
}

export interface GeocodingOverrideView {
  id: string;
  /** As staff typed it. */
  address: string;
  /** The normalised form it is matched by. */
  key: string;
  latitude: number;
  longitude: number;
  note: string | null;
  updatedAt: string;
}

/** `POST /core/geocoding/lookup` (admin). */
export interface GeocodingLookupRequest {
  address: string;
  /** Ask the BAN again even when a remembered answer exists. */
  refresh?: boolean;
}

export interface GeocodingLookupResult {
  address: string;
  key: string;
  outcome: GeocodeOutcome;
  override: GeocodingOverrideView | null;
  cached: GeocodingCacheView | null;
}

/** `PUT /core/geocoding/overrides` (admin): set or replace the position of one address. */
export interface GeocodingOverrideRequest {
  address: string;
  latitude: number | string;
  longitude: number | string;
  note?: string | null;
}

export interface GeocodingOverrideList {
  results: GeocodingOverrideView[];
}

/**
 * Boxes around every French territory (mainland and Corsica, overseas departments and
 * collectivities), with a small margin. A position outside all of them is a typo, usually
 * latitude and longitude swapped.
 */
export const FRANCE_AREAS: readonly { name: string; south: number; north: number; west: number; east: number }[] = [
  { name: 'France métropolitaine et Corse', south: 41.2, north: 51.2, west: -5.3, east: 9.7 },
  { name: 'Guadeloupe', south: 15.8, north: 16.6, west: -61.9, east: -60.9 },
  { name: 'Martinique', south: 14.3, north: 14.95, west: -61.3, east: -60.75 },
  { name: 'Guyane', south: 2.0, north: 5.9, west: -54.7, east: -51.5 },
  { name: 'La Réunion', south: -21.45, north: -20.8, west: 55.15, east: 55.9 },
  { name: 'Mayotte', south: -13.1, north: -12.55, west: 44.9, east: 45.35 },
  { name: 'Saint-Pierre-et-Miquelon', south: 46.7, north: 47.2, west: -56.5, east: -56.05 },
  { name: 'Saint-Barthélemy et Saint-Martin', south: 17.8, north: 18.15, west: -63.2, east: -62.75 },
  { name: 'Wallis-et-Futuna', south: -14.5, north: -13.1, west: -178.3, east: -176.0 },
  { name: 'Polynésie française', south: -28.0, north: -7.8, west: -155.0, east: -134.0 },
  { name: 'Nouvelle-Calédonie', south: -23.0, north: -19.0, west: 163.0, east: 168.5 },
];

export function isInFrance(latitude: number, longitude: number): boolean {
  return FRANCE_AREAS.some(
    (area) => latitude >= area.south && latitude <= area.north && longitude >= area.west && longitude <= area.east,
  );
}
