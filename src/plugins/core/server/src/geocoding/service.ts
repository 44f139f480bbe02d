import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import {
  isInFrance,
  type GeocodeOutcome,
  type GeocodingCacheView,
  type GeocodingLookupResult,
  type GeocodingOverrideList,
  type GeocodingOverrideView,
} from '../../../shared/contracts/geocoding';
import { GEOCODING_CACHE_UID, GEOCODING_OVERRIDE_UID } from '../../../shared/permissions';
import { DEFAULT_GEOCODING, type GeocodingConfig } from '../config';
import { getService } from '../utils/get-service';
import { parseOrThrow } from '../utils/validation-error';
import { frenchIssueMessage } from '../public-forms/messages';
import { ADDRESS_MAX, ADDRESS_MIN, addressKey, isSearchable, tidyAddress } from './address';
import { searchBan } from './ban-client';

const DAY_MS = 86400000;
/** A "no such address" answer is asked again sooner than a found one. */
const NEGATIVE_TTL_MS = DAY_MS;

export const MESSAGES = {
  invalid: `L’adresse compte ${ADDRESS_MIN} à ${ADDRESS_MAX} caractères et commence par une lettre ou un chiffre.`,
  notFound: 'Aucune adresse correspondante n’a été trouvée : vérifiez le numéro, la rue et la commune.',
  lowScore: (score: number) =>
    `L’adresse trouvée est trop incertaine (fiabilité ${Math.round(score * 100)} %) : précisez le numéro, la rue et la commune, ou saisissez la position à la main.`,
  unavailable: 'Le service de géocodage ne répond pas pour le moment ; la position sera recherchée plus tard.',
  disabled: 'Le géocodage est désactivé sur cette installation ; seules les positions saisies à la main s’appliquent.',
} as const;

interface CacheRow {
  id: number;
  addressKey: string;
  found: boolean;
  latitude: number | null;
  longitude: number | null;
  label: string | null;
  score: number | null;
  citycode: string | null;
  expiresAt: string | Date;
  updatedAt: string | Date;
}

interface OverrideRow {
  id: number;
  documentId: string;
  address: string;
  addressKey: string;
  latitude: number;
  longitude: number;
  note: string | null;
  updatedAt: string | Date;
}

export interface GeocodeOptions {
  /**
   * Remember the answer (default true). Pass false for a resident's address: it is then neither
   * stored nor logged, only turned into a position.
   */
  remember?: boolean;
  /** Ask the BAN even when a remembered answer exists. */
  refresh?: boolean;
}

const iso = (value: string | Date) => new Date(value).toISOString();

function overrideView(row: OverrideRow): GeocodingOverrideView {
  return {
    id: row.documentId,
    address: row.address,
    key: row.addressKey,
    latitude: row.latitude,
    longitude: row.longitude,
    note: row.note ?? null,
    updatedAt: iso(row.updatedAt),
  };
}

function cacheView(row: CacheRow): GeocodingCacheView {
  return {
    address: row.addressKey,
    found: Boolean(row.found),
    latitude: row.latitude,
    longitude: row.longitude,
    label: row.label,
    score: row.score,
    citycode: row.citycode,
    cachedAt: iso(row.updatedAt),
    expiresAt: iso(row.expiresAt),
  };
}

const required = (missing: string, wrong: string) => ({
  error: (issue: z.core.$ZodRawIssue) => (issue.input === undefined || issue.input === null ? missing : wrong),
});

const address = z
  .string(required('L’adresse est obligatoire.', 'L’adresse est du texte.'))
  .transform(tidyAddress)
  .refine(isSearchable, MESSAGES.invalid);

const coordinate = (what: string, example: string, min: number, max: number) =>
  z
    .union(
      [z.number(), z.string()],
      required(`La ${what} est obligatoire.`, `La ${what} est un nombre, par exemple ${example}.`),
    )
    .transform((value) => (typeof value === 'string' ? Number(value.trim().replace(',', '.')) : value))
    .pipe(
      z
        .number(`La ${what} est un nombre, par exemple ${example}.`)
        .min(min, `La ${what} est comprise entre ${min} et ${max}.`)
        .max(max, `La ${what} est comprise entre ${min} et ${max}.`),
    );

const unknownKeys = {
  error: (issue: z.core.$ZodRawIssue) =>
    issue.code === 'unrecognized_keys' ? `Champ inconnu : ${issue.keys.join(', ')}.` : frenchIssueMessage(issue),
};

const lookupRequest = z.strictObject(
  { address, refresh: z.boolean('« refresh » vaut true ou false.').optional() },
  unknownKeys,
);

const overrideRequest = z
  .strictObject(
    {
      address,
      latitude: coordinate('latitude', '48,8566', -90, 90),
      longitude: coordinate('longitude', '2,3522', -180, 180),
      note: z
        .string('La note est du texte.')
        .transform(tidyAddress)
        .pipe(z.string().max(200, 'La note compte 200 caractères au plus.'))
        .nullable()
        .optional(),
    },
    unknownKeys,
  )
  .superRefine((value, ctx) => {
    // zod runs this refinement even when a coordinate already failed; one message per field.
    const valid = Math.abs(value.latitude) <= 90 && Math.abs(value.longitude) <= 180;
    if (valid && !isInFrance(value.latitude, value.longitude)) {
      ctx.addIssue({
        code: 'custom',
        path: ['latitude'],
        message:
          'Cette position est hors de France (métropole et outre-mer) : vérifiez les nombres, sans inverser latitude et longitude.',
      });
    }
  });

/**
 * Address → position: a position set by hand by staff first, then a remembered answer, then
 * the Base Adresse Nationale (with a timeout). Never throws for the API's sake: a caller gets
 * an outcome with a French message and decides (a save goes on without coordinates). Addresses
 * are never logged.
 */
const createGeocodingService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = (): GeocodingConfig =>
    (strapi.config.get('plugin::core.geocoding') as GeocodingConfig | undefined) ?? DEFAULT_GEOCODING;

  const findOverride = async (key: string): Promise<OverrideRow | null> =>
    (await strapi.db.query(GEOCODING_OVERRIDE_UID).findOne({
      where: { addressKey: key },
      orderBy: { updatedAt: 'desc' },
    })) as OverrideRow | null;

  const findCache = async (key: string): Promise<CacheRow | null> =>
    (await strapi.db.query(GEOCODING_CACHE_UID).findOne({
      where: { addressKey: key },
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
    })) as CacheRow | null;

  const fromCache = (row: CacheRow, minScore: number): GeocodeOutcome => {
    if (!row.found || row.latitude === null || row.longitude === null) {
      return { status: 'not-found', message: MESSAGES.notFound };
    }
    const score = row.score ?? 0;
    if (score < minScore) {
      return { status: 'low-score', message: MESSAGES.lowScore(score), candidate: { label: row.label ?? '', score } };
    }
    return {
      status: 'found',
      source: 'cache',
      latitude: row.latitude,
      longitude: row.longitude,
      label: row.label ?? '',
      score,
      citycode: row.citycode,
    };
  };

  const remember = async (key: string, data: Omit<CacheRow, 'id' | 'addressKey' | 'expiresAt' | 'updatedAt'>) => {
    const ttl = data.found ? config().cacheDays * DAY_MS : Math.min(NEGATIVE_TTL_MS, config().cacheDays * DAY_MS);
    const values = { ...data, addressKey: key, expiresAt: new Date(Date.now() + ttl) };
    const existing = (await strapi.db
      .query(GEOCODING_CACHE_UID)
      .findMany({ where: { addressKey: key }, select: ['id'] })) as { id: number }[];
    if (existing.length === 0) {
      await strapi.db.query(GEOCODING_CACHE_UID).create({ data: values });
      return;
    }
    await strapi.db.query(GEOCODING_CACHE_UID).update({ where: { id: existing[0].id }, data: values });
    if (existing.length > 1) {
      await strapi.db
        .query(GEOCODING_CACHE_UID)
        .deleteMany({ where: { id: { $in: existing.slice(1).map((row) => row.id) } } });
    }
  };

  return {
    key: addressKey,

    async geocode(input: string, options: GeocodeOptions = {}): Promise<GeocodeOutcome> {
      const text = tidyAddress(typeof input === 'string' ? input : '');
      const key = addressKey(text);
      if (!isSearchable(text) || key.length < ADDRESS_MIN) return { status: 'invalid', message: MESSAGES.invalid };

      const override = await findOverride(key);
      if (override) {
        return {
          status: 'found',
          source: 'override',
          latitude: override.latitude,
          longitude: override.longitude,
          label: override.address,
          score: null,
          citycode: null,
        };
      }
      const { enabled, url, timeoutMs, minScore } = config();
      if (!enabled) return { status: 'disabled', message: MESSAGES.disabled };

      if (!options.refresh) {
        const cached = await findCache(key);
        if (cached && new Date(cached.expiresAt).getTime() > Date.now()) return fromCache(cached, minScore);
      }

      const answer = await searchBan(url, text, timeoutMs);
      if (answer.kind === 'unavailable') {
        strapi.log.warn(`Geocoding: the address API did not answer (${answer.reason})`);
        return { status: 'unavailable', message: MESSAGES.unavailable };
      }
      if (answer.kind === 'rejected') return { status: 'invalid', message: MESSAGES.invalid };
      const row =
        answer.kind === 'found'
          ? {
              found: true,
              latitude: answer.latitude,
              longitude: answer.longitude,
              label: answer.label,
              score: answer.score,
              citycode: answer.citycode,
            }
          : { found: false, latitude: null, longitude: null, label: null, score: null, citycode: null };
      if (options.remember !== false) await remember(key, row);
      const outcome = fromCache(
        { ...row, id: 0, addressKey: key, expiresAt: new Date(), updatedAt: new Date() },
        minScore,
      );
      return outcome.status === 'found' ? { ...outcome, source: 'api' } : outcome;
    },

    /** Admin: what the install knows and answers for one address. */
    async lookup(body: unknown): Promise<GeocodingLookupResult> {
      const request = parseOrThrow(lookupRequest, body ?? {});
      const key = addressKey(request.address);
      const outcome = await this.geocode(request.address, { refresh: request.refresh });
      const [override, cached] = await Promise.all([findOverride(key), findCache(key)]);
      return {
        address: request.address,
        key,
        outcome,
        override: override ? overrideView(override) : null,
        cached: cached ? cacheView(cached) : null,
      };
    },

    async listOverrides(): Promise<GeocodingOverrideList> {
      const rows = (await strapi.db
        .query(GEOCODING_OVERRIDE_UID)
        .findMany({ orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }], limit: 500 })) as OverrideRow[];
      return { results: rows.map(overrideView) };
    },

    /** Sets (or replaces) the position of an address; centres at that address follow at once. */
    async setOverride(body: unknown): Promise<GeocodingOverrideView> {
      const request = parseOrThrow(overrideRequest, body ?? {});
      const key = addressKey(request.address);
      const data = {
        address: request.address,
        addressKey: key,
        latitude: request.latitude,
        longitude: request.longitude,
        note: request.note || null,
      };
      const existing = await findOverride(key);
      const row = (
        existing
          ? await strapi.db.query(GEOCODING_OVERRIDE_UID).update({ where: { id: existing.id }, data })
          : await strapi.db.query(GEOCODING_OVERRIDE_UID).create({ data })
      ) as OverrideRow;
      await getService(strapi, 'audit').record({
        action: 'geocoding.override.set',
        subject: { uid: GEOCODING_OVERRIDE_UID, id: row.documentId },
      });
      await getService(strapi, 'centreCoordinates').refresh({ key });
      return overrideView(row);
    },

    async clearOverride(id: string): Promise<{ id: string }> {
      const row = (await strapi.db
        .query(GEOCODING_OVERRIDE_UID)
        .findOne({ where: { documentId: id } })) as OverrideRow | null;
      if (!row) throw new errors.NotFoundError('Cette position saisie à la main n’existe plus.');
      await strapi.db.query(GEOCODING_OVERRIDE_UID).delete({ where: { id: row.id } });
      await getService(strapi, 'audit').record({
        action: 'geocoding.override.clear',
        subject: { uid: GEOCODING_OVERRIDE_UID, id },
      });
      await getService(strapi, 'centreCoordinates').refresh({ key: row.addressKey });
      return { id };
    },

    /** Forgets expired answers; returns how many. */
    async purgeExpired(): Promise<number> {
      const result = await strapi.db
        .query(GEOCODING_CACHE_UID)
        .deleteMany({ where: { expiresAt: { $lte: new Date() } } });
      return result.count;
    },
  };
};

export type GeocodingService = ReturnType<typeof createGeocodingService>;
export default createGeocodingService;
