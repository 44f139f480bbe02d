import { DEFAULT_OUTBOX_CONFIG, validateOutboxConfig, type OutboxConfig } from '../outbox/config';
import { smsConfigProblem, type SmsConfig } from '../sms/config';
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
  /** `capture`: every e-mail is kept in the admin and never sent; set from EMAIL_MODE. */
  mail: { mode: 'smtp' | 'capture' };
  moderation: {
    /** Different people whose reports hide a published entry until a moderator decides. */
    reportThreshold: number;
    /** Days after which a waiting item is flagged as pending too long. */
    pendingDays: number;
    /** Keys the fingerprints of reporters; from the environment's encryption key. */
    reporterSecret: string;
  };
  /** The SMS channel: provider and credentials (from the environment), sending hours. */
  sms?: Partial<SmsConfig>;
  /** Jobs outbox tunables; set by config/plugins.ts from the OUTBOX_* variables. */
  outbox: OutboxConfig;
  /** Retention of core's own data; set by config/plugins.ts. */
  retention: { auditDays: number };
  /** Moderation of directory contributions per type; pre-moderation for any type not listed. */
  directory?: { moderation?: Partial<Record<'structure' | 'service' | 'event', 'pre' | 'post'>> };
  /** Seals secrets stored in the database (AES-256-GCM); from the environment's encryption key. */
  secretsKey?: string;
}

export const DEFAULT_GEOCODING: GeocodingConfig = {
  enabled: true,
  url: 'https://api-adresse.data.gouv.fr',
  timeoutMs: 3000,
  minScore: 0.5,
  cacheDays: 30,
};

const positiveInteger = (value: unknown) => Number.isInteger(value) && (value as number) > 0;

export default {
  default: {
    localPlugins: [],
    geocoding: DEFAULT_GEOCODING,
    mail: { mode: 'capture' },
    moderation: { reportThreshold: 3, pendingDays: 7, reporterSecret: '' },
    outbox: DEFAULT_OUTBOX_CONFIG,
    retention: { auditDays: 1095 },
  } satisfies CoreConfig,
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
    if (!['smtp', 'capture'].includes(config.mail?.mode)) {
      throw new Error('core: mail.mode must be smtp or capture');
    }
    const { reportThreshold, pendingDays, reporterSecret } = config.moderation ?? {};
    if (!positiveInteger(reportThreshold) || !positiveInteger(pendingDays)) {
      throw new Error('core: moderation.reportThreshold and moderation.pendingDays must be positive whole numbers');
    }
    if (typeof reporterSecret !== 'string' || reporterSecret.length < 8) {
      throw new Error('core: moderation.reporterSecret must be set (config/plugins.ts passes ENCRYPTION_KEY)');
    }
    const smsProblem = smsConfigProblem(config.sms);
    if (smsProblem) throw new Error(`core: ${smsProblem}`);
    validateOutboxConfig(config.outbox);
    if (!Number.isInteger(config.retention?.auditDays) || config.retention.auditDays < 1) {
      throw new Error('core: retention.auditDays must be a whole number of days');
    }
    for (const [type, mode] of Object.entries(config.directory?.moderation ?? {})) {
      if (!['structure', 'service', 'event'].includes(type) || !['pre', 'post'].includes(mode as string)) {
        throw new Error('core: directory.moderation maps structure, service or event to pre or post');
      }
    }
  },
};
