export interface GeocodingConfig {
  enabled: boolean;
  /** Base URL of the Base Adresse Nationale search API, without a trailing slash. */
  url: string;
  timeoutMs: number;
  /** Lowest BAN score (0 to 1) accepted as a position. */
  minScore: number;
  cacheDays: number;
}

export interface CoreConfig {
  /** Names of the local plugins this install runs; set by config/plugins.ts. */
  localPlugins: string[];
  /** Address → position through the BAN; set by config/plugins.ts from the GEOCODING_* variables. */
  geocoding: GeocodingConfig;
}

export const DEFAULT_GEOCODING: GeocodingConfig = {
  enabled: true,
  url: 'https://api-adresse.data.gouv.fr',
  timeoutMs: 3000,
  minScore: 0.5,
  cacheDays: 30,
};

export default {
  default: { localPlugins: [], geocoding: DEFAULT_GEOCODING } satisfies CoreConfig,
  validator(config: CoreConfig) {
    if (!Array.isArray(config.localPlugins) || config.localPlugins.some((name) => typeof name !== 'string')) {
      throw new Error('core: localPlugins must be a list of plugin names');
    }
    const geocoding = config.geocoding;
    if (
      typeof geocoding?.enabled !== 'boolean' ||
      typeof geocoding.url !== 'string' ||
      !/^https?:\/\//.test(geocoding.url) ||
      !Number.isInteger(geocoding.timeoutMs) ||
      geocoding.timeoutMs < 1 ||
      typeof geocoding.minScore !== 'number' ||
      geocoding.minScore < 0 ||
      geocoding.minScore > 1 ||
      !Number.isInteger(geocoding.cacheDays) ||
      geocoding.cacheDays < 1
    ) {
      throw new Error(
        'core: geocoding must be { enabled, url (http or https), timeoutMs ≥ 1, minScore 0–1, cacheDays ≥ 1 }',
      );
    }
  },
};
