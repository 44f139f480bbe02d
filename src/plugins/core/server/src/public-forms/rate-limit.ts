import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { RateLimit } from '../../../toolkit/public-forms';

export const RATE_LIMIT_TABLE = 'core_rate_limits';

export interface HitResult {
  allowed: boolean;
  hits: number;
  /** Seconds until the window resets. */
  retryAfter: number;
}

/** "5 minutes", "2 heures", "1 jour": the wait, in words a visitor reads. */
export function frenchDelay(seconds: number): string {
  const plural = (count: number, word: string) => `${count} ${word}${count > 1 ? 's' : ''}`;
  if (seconds < 60) return plural(Math.max(1, seconds), 'seconde');
  if (seconds < 3600) return plural(Math.ceil(seconds / 60), 'minute');
  if (seconds < 86400) return plural(Math.ceil(seconds / 3600), 'heure');
  return plural(Math.ceil(seconds / 86400), 'jour');
}

export const DEFAULT_MESSAGES = {
  address: 'Trop d’envois depuis votre connexion. Réessayez dans {delay}.',
  target: 'Trop d’envois à ce sujet. Réessayez dans {delay}.',
} as const;

/**
 * Fixed-window counters in the database, so that every instance behind a load balancer counts
 * the same visitor once: one row per (bucket, window), incremented by a single
 * INSERT … ON CONFLICT DO UPDATE … RETURNING, atomic on PostgreSQL and SQLite alike. Buckets
 * hold a keyed hash (HMAC with the app's first key) of the address or target, never the value.
 * A burst across a window boundary may reach twice the limit: the price of one row per window.
 */
const createRateLimitService = ({ strapi }: { strapi: Core.Strapi }) => {
  const table = () => strapi.db.getConnection(RATE_LIMIT_TABLE);

  const secret = (): string => {
    const keys = strapi.config.get('server.app.keys') as string[] | undefined;
    if (!keys?.[0]) throw new Error('rate limits need server.app.keys (APP_KEYS)');
    return keys[0];
  };

  return {
    /** Creates the table once; two instances racing on a fresh database both end up with it. */
    async ensureTable(): Promise<void> {
      const schema = strapi.db.getSchemaConnection();
      if (await schema.hasTable(RATE_LIMIT_TABLE)) return;
      try {
        await schema.createTable(RATE_LIMIT_TABLE, (t) => {
          t.string('bucket', 128).notNullable();
          t.bigInteger('window_start').notNullable();
          t.integer('hits').notNullable();
          t.bigInteger('expires_at').notNullable().index(`${RATE_LIMIT_TABLE}_expires_idx`);
          t.primary(['bucket', 'window_start']);
        });
      } catch (error) {
        if (!(await strapi.db.getSchemaConnection().hasTable(RATE_LIMIT_TABLE))) throw error;
      }
    },

    /** `<form>|<kind>|<hmac>`: what a row is about, without the address or e-mail itself. */
    bucket(form: string, kind: 'address' | 'target', value: string): string {
      const digest = crypto.createHmac('sha256', secret()).update(`${kind}\u0000${value}`).digest('base64url');
      return `${form.slice(0, 80)}|${kind}|${digest.slice(0, 32)}`;
    },

    /** Counts one hit in the current window and says whether it is within the limit. */
    async hit(bucket: string, limit: RateLimit, now = Date.now()): Promise<HitResult> {
      const windowMs = limit.windowSeconds * 1000;
      const windowStart = Math.floor(now / windowMs) * windowMs;
      const knex = strapi.db.connection;
      const rows = (await table()
        .insert({ bucket, window_start: windowStart, hits: 1, expires_at: windowStart + windowMs })
        .onConflict(['bucket', 'window_start'])
        .merge({ hits: knex.raw('??.?? + 1', [RATE_LIMIT_TABLE, 'hits']) })
        .returning(['hits'])) as { hits: number | string }[];
      const hits = Number(rows[0]?.hits ?? 1);
      return {
        allowed: hits <= limit.max,
        hits,
        retryAfter: Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000)),
      };
    },

    /** Counts a hit; over the limit, answers 429 with Retry-After and a French message. */
    async enforce(
      ctx: { set(field: string, value: string): void },
      form: string,
      kind: 'address' | 'target',
      value: string,
      limit: RateLimit,
    ): Promise<void> {
      const result = await this.hit(this.bucket(form, kind, value), limit);
      if (result.allowed) return;
      ctx.set('Retry-After', String(result.retryAfter));
      const message = (limit.message ?? DEFAULT_MESSAGES[kind]).replace('{delay}', frenchDelay(result.retryAfter));
      throw new errors.RateLimitError(message, { retryAfter: result.retryAfter, limit: kind });
    },

    /** Deletes the counters of finished windows; returns how many. */
    async purgeExpired(now = Date.now()): Promise<number> {
      return Number(await table().where('expires_at', '<=', now).delete());
    },

    /** Every counter row, for tests and diagnostics: buckets are hashes, never addresses. */
    async rows(): Promise<{ bucket: string; windowStart: number; hits: number; expiresAt: number }[]> {
      const rows = (await table().select('bucket', 'window_start', 'hits', 'expires_at')) as {
        bucket: string;
        window_start: number | string;
        hits: number | string;
        expires_at: number | string;
      }[];
      return rows.map((row) => ({
        bucket: row.bucket,
        windowStart: Number(row.window_start),
        hits: Number(row.hits),
        expiresAt: Number(row.expires_at),
      }));
    },
  };
};

export type RateLimitService = ReturnType<typeof createRateLimitService>;
export default createRateLimitService;
