import { OVH_ENDPOINTS, VARIABLES, type VariableSpec } from './variables';

/** A configuration mistake, reported as one line naming the variable or file at fault. */
export class ConfigError extends Error {
  constructor(
    readonly subject: string,
    problem: string,
  ) {
    super(`${subject}: ${problem}`);
    this.name = 'ConfigError';
  }
}

export type NodeEnv = 'development' | 'production' | 'test';

export interface SqliteEnv {
  client: 'sqlite';
  filename: string;
}

export interface PostgresEnv {
  client: 'postgres';
  connectionString?: string;
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
  schema: string;
  ssl: false | { rejectUnauthorized: boolean; ca?: string };
  pool: { min: number; max: number };
  connectionTimeoutMs: number;
}

export interface MailEnv {
  /** smtp: sent through the SMTP server; capture: kept in the admin (E-mails capturés), never sent. */
  mode: 'smtp' | 'capture';
  smtp: { host?: string; port: number; secure: boolean; user?: string; password?: string };
  from: string;
  replyTo?: string;
}

export interface SmsOvhEnv {
  /** `ovh-eu`, `ovh-ca`, `ovh-us`, or an https:// address (a test double). */
  endpoint: string;
  appKey: string;
  appSecret: string;
  consumerKey: string;
  serviceName: string;
  sender: string | null;
  timeoutMs: number;
}

export interface SmsEnv {
  provider: 'console' | 'ovh';
  /** Absent only for the console provider in production, where no report is expected. */
  deliveryReportToken?: string;
  ovh: SmsOvhEnv | null;
}

export interface Env {
  nodeEnv: NodeEnv;
  host: string;
  port: number;
  publicUrl?: string;
  logLevel: string;
  secrets: {
    appKeys: string[];
    apiTokenSalt: string;
    adminJwtSecret: string;
    transferTokenSalt: string;
    jwtSecret: string;
    encryptionKey: string;
  };
  database: SqliteEnv | PostgresEnv;
  pluginsDisabled: string[];
  /** Reverse proxies in front of the CMS whose X-Forwarded-For is trusted (0: the header is ignored). */
  trustedProxies: number;
  geocoding: GeocodingEnv;
  /** Folders of test-only plugins (tests/fixtures); refused in production. */
  testPlugins: string[];
  mail: MailEnv;
  moderation: { reportThreshold: number; pendingDays: number };
  sms: SmsEnv;
  outbox: OutboxEnv;
  retention: { auditDays: number };
  demo: { seed: boolean; adminEmail: string; adminPassword: string };
  sites: { dir: string; autoRebuild: boolean; serve: boolean; rebuildDelaySeconds: number; cmsUrl?: string };
  emploi: {
    offerDefaultDays: number;
    offerMaxDays: number;
    noticeDaysBefore: number;
    profileStaleDays: number;
    profileGraceDays: number;
    closedPageDays: number;
    /** Where residents read the employment site; empty: `PUBLIC_URL` + `/emploi/`. */
    siteUrl: string;
  };
}

export interface GeocodingEnv {
  enabled: boolean;
  /** Base URL of the Base Adresse Nationale search API, without a trailing slash. */
  url: string;
  timeoutMs: number;
  /** Lowest BAN score (0 to 1) accepted as a position. */
  minScore: number;
  cacheDays: number;
}

/** Tunables of the core jobs outbox (see the core plugin's README). */
export interface OutboxEnv {
  /** Run the worker (and the recurring schedules) in this instance. */
  worker: boolean;
  pollIntervalMs: number;
  batchSize: number;
  concurrency: number;
  leaseSeconds: number;
  maxAttempts: number;
  retryBaseSeconds: number;
  retryMaxSeconds: number;
  /** Finished jobs (done, expired, discarded) are deleted this many days after they finished. */
  keepDays: number;
}

type Source = Record<string, string | undefined>;

const SPECS = new Map(VARIABLES.map((spec) => [spec.name, spec]));

function spec(name: string): VariableSpec {
  const found = SPECS.get(name);
  if (!found) throw new Error(`Unknown environment variable ${name}`);
  return found;
}

/** What the operator wrote, trimmed; an empty value counts as unset. */
function raw(source: Source, name: string): string | undefined {
  const value = source[name]?.trim();
  return value ? value : undefined;
}

function shown(value: string, secret?: boolean): string {
  return secret ? 'the given value' : `"${value}"`;
}

function text(source: Source, name: string): string | undefined {
  const { fallback, choices, secret } = spec(name);
  const value = raw(source, name) ?? fallback;
  if (value !== undefined && choices && !choices.includes(value)) {
    throw new ConfigError(name, `expected one of ${choices.join(', ')}, got ${shown(value, secret)}`);
  }
  return value;
}

function requiredText(source: Source, name: string): string {
  const value = text(source, name);
  if (value === undefined) throw new ConfigError(name, 'is required');
  return value;
}

function integer(source: Source, name: string): number {
  const {
    kind,
    min = kind === 'port' ? 1 : Number.MIN_SAFE_INTEGER,
    max = kind === 'port' ? 65535 : Number.MAX_SAFE_INTEGER,
  } = spec(name);
  const value = requiredText(source, name);
  const parsed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
    const what = kind === 'port' ? 'a port number' : 'a whole number';
    throw new ConfigError(name, `expected ${what} between ${min} and ${max}, got "${value}"`);
  }
  return parsed;
}

function boolean(source: Source, name: string): boolean {
  const value = requiredText(source, name).toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(value)) return true;
  if (['false', '0', 'no', 'off'].includes(value)) return false;
  throw new ConfigError(name, `expected true or false, got "${value}"`);
}

function list(source: Source, name: string): string[] {
  return (text(source, name) ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function url(source: Source, name: string, protocols: readonly string[]): URL | undefined {
  const value = text(source, name);
  if (value === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(name, `is not a valid URL`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `expected a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return parsed;
}

function email(source: Source, name: string): string {
  const value = requiredText(source, name);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
    throw new ConfigError(name, `expected an e-mail address, got "${value}"`);
  }
  return value;
}

/**
 * Secrets fall back to the example values outside production so that a fresh clone runs the
 * demo and the tests without a `.env`; in production an unset or example secret stops the app.
 */
function secret(source: Source, name: string, production: boolean): string {
  const { example } = spec(name);
  const value = raw(source, name);
  if (production) {
    if (value === undefined) {
      throw new ConfigError(name, 'is required in production (generate one with: openssl rand -base64 32)');
    }
    if (value === example || value.split(',').some((part) => example.split(',').includes(part.trim()))) {
      throw new ConfigError(
        name,
        'still holds the example value from .env.example: set your own secret (openssl rand -base64 32)',
      );
    }
  }
  return value ?? example;
}

function emploi(source: Source): Env['emploi'] {
  const offerDefaultDays = integer(source, 'EMPLOI_OFFER_DEFAULT_DAYS');
  const offerMaxDays = integer(source, 'EMPLOI_OFFER_MAX_DAYS');
  if (offerDefaultDays > offerMaxDays) {
    throw new ConfigError('EMPLOI_OFFER_DEFAULT_DAYS', `must not exceed EMPLOI_OFFER_MAX_DAYS (${offerMaxDays})`);
  }
  return {
    offerDefaultDays,
    offerMaxDays,
    noticeDaysBefore: integer(source, 'EMPLOI_EXPIRY_NOTICE_DAYS'),
    profileStaleDays: integer(source, 'EMPLOI_PROFILE_STALE_DAYS'),
    profileGraceDays: integer(source, 'EMPLOI_PROFILE_GRACE_DAYS'),
    closedPageDays: integer(source, 'EMPLOI_CLOSED_PAGE_DAYS'),
    siteUrl: url(source, 'EMPLOI_SITE_URL', ['http:', 'https:'])?.toString() ?? '',
  };
}

function database(source: Source): SqliteEnv | PostgresEnv {
  const connectionUrl = url(source, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const client = connectionUrl ? 'postgres' : (text(source, 'DATABASE_CLIENT') ?? 'sqlite');
  if (client === 'sqlite') {
    return { client, filename: requiredText(source, 'DATABASE_FILENAME') };
  }
  const sslEnabled = boolean(source, 'DATABASE_SSL') || connectionUrl?.searchParams.get('sslmode') === 'require';
  const pool = { min: integer(source, 'DATABASE_POOL_MIN'), max: integer(source, 'DATABASE_POOL_MAX') };
  if (pool.min > pool.max) {
    throw new ConfigError('DATABASE_POOL_MIN', `must not exceed DATABASE_POOL_MAX (${pool.max})`);
  }
  return {
    client: 'postgres',
    connectionString: connectionUrl?.toString(),
    host: connectionUrl ? decodeURIComponent(connectionUrl.hostname) : requiredText(source, 'DATABASE_HOST'),
    port: connectionUrl?.port ? Number(connectionUrl.port) : integer(source, 'DATABASE_PORT'),
    database: connectionUrl
      ? decodeURIComponent(connectionUrl.pathname.slice(1))
      : requiredText(source, 'DATABASE_NAME'),
    user: connectionUrl ? decodeURIComponent(connectionUrl.username) : requiredText(source, 'DATABASE_USERNAME'),
    password: connectionUrl ? decodeURIComponent(connectionUrl.password) : (raw(source, 'DATABASE_PASSWORD') ?? ''),
    schema: requiredText(source, 'DATABASE_SCHEMA'),
    ssl: sslEnabled
      ? {
          rejectUnauthorized: boolean(source, 'DATABASE_SSL_REJECT_UNAUTHORIZED'),
          ca: raw(source, 'DATABASE_SSL_CA')?.replace(/\\n/g, '\n'),
        }
      : false,
    pool,
    connectionTimeoutMs: integer(source, 'DATABASE_CONNECTION_TIMEOUT'),
  };
}

const MAILBOX = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;

/** `adresse@domaine.fr` or `Nom affiché <adresse@domaine.fr>`, one mailbox. */
function mailbox(source: Source, name: string, required: boolean): string | undefined {
  const value = required ? requiredText(source, name) : text(source, name);
  if (value === undefined) return undefined;
  const address = /^[^<>"]*<([^<>]+)>$/.exec(value)?.[1] ?? value;
  if (!MAILBOX.test(address)) {
    throw new ConfigError(name, `expected an e-mail address or "Name <address>", got "${value}"`);
  }
  return value;
}

/**
 * With an SMTP server configured, mail is sent; without one it is captured (kept in the admin,
 * never sent), so the demo and a fresh clone never mail real people. EMAIL_MODE forces either.
 */
function mail(source: Source): MailEnv {
  const host = text(source, 'SMTP_HOST');
  const mode = (text(source, 'EMAIL_MODE') ?? (host ? 'smtp' : 'capture')) as MailEnv['mode'];
  if (mode === 'smtp' && !host) throw new ConfigError('SMTP_HOST', 'is required when EMAIL_MODE=smtp');
  const user = text(source, 'SMTP_USER');
  const password = raw(source, 'SMTP_PASSWORD');
  if (mode === 'smtp' && user && !password) throw new ConfigError('SMTP_PASSWORD', 'is required when SMTP_USER is set');
  return {
    mode,
    smtp: { host, port: integer(source, 'SMTP_PORT'), secure: boolean(source, 'SMTP_SECURE'), user, password },
    from: mailbox(source, 'EMAIL_FROM', true) as string,
    replyTo: mailbox(source, 'EMAIL_REPLY_TO', false),
  };
}

/**
 * SMS: the console provider (demo) needs nothing; OVH needs its credentials, which production
 * refuses to take from .env.example. The delivery-report token guards the public callback.
 */
function sms(source: Source, production: boolean): SmsEnv {
  const provider = requiredText(source, 'SMS_PROVIDER') as SmsEnv['provider'];
  if (provider === 'console') {
    const given = raw(source, 'SMS_DELIVERY_REPORT_TOKEN') !== undefined;
    const token = !production || given ? secret(source, 'SMS_DELIVERY_REPORT_TOKEN', production) : undefined;
    return { provider, deliveryReportToken: token, ovh: null };
  }
  const required = (name: string) => {
    if (raw(source, name) === undefined) throw new ConfigError(name, 'is required when SMS_PROVIDER=ovh');
    return secret(source, name, production);
  };
  const endpoint = requiredText(source, 'SMS_OVH_ENDPOINT');
  if (!(OVH_ENDPOINTS as readonly string[]).includes(endpoint)) {
    if (!endpoint.startsWith('https://')) {
      throw new ConfigError('SMS_OVH_ENDPOINT', `expected one of ${OVH_ENDPOINTS.join(', ')} or an https:// address`);
    }
    url(source, 'SMS_OVH_ENDPOINT', ['https:']);
  }
  const serviceName = raw(source, 'SMS_OVH_SERVICE_NAME');
  if (!serviceName) throw new ConfigError('SMS_OVH_SERVICE_NAME', 'is required when SMS_PROVIDER=ovh');
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(serviceName)) {
    throw new ConfigError(
      'SMS_OVH_SERVICE_NAME',
      `expected the SMS account name, e.g. sms-ab12345-1, got "${serviceName}"`,
    );
  }
  const sender = raw(source, 'SMS_OVH_SENDER') ?? null;
  if (sender !== null && (!/^[A-Za-z0-9 .-]{1,11}$/.test(sender) || !/[A-Za-z]/.test(sender))) {
    throw new ConfigError(
      'SMS_OVH_SENDER',
      `expected a sender name of 11 letters (no accents), digits, spaces, dots or dashes, with a letter, got "${sender}"`,
    );
  }
  return {
    provider,
    deliveryReportToken: required('SMS_DELIVERY_REPORT_TOKEN'),
    ovh: {
      endpoint,
      appKey: required('SMS_OVH_APP_KEY'),
      appSecret: required('SMS_OVH_APP_SECRET'),
      consumerKey: required('SMS_OVH_CONSUMER_KEY'),
      serviceName,
      sender,
      timeoutMs: integer(source, 'SMS_OVH_TIMEOUT_MS'),
    },
  };
}

function outbox(source: Source): OutboxEnv {
  const settings: OutboxEnv = {
    worker: boolean(source, 'OUTBOX_WORKER'),
    pollIntervalMs: integer(source, 'OUTBOX_POLL_INTERVAL_MS'),
    batchSize: integer(source, 'OUTBOX_BATCH_SIZE'),
    concurrency: integer(source, 'OUTBOX_CONCURRENCY'),
    leaseSeconds: integer(source, 'OUTBOX_LEASE_SECONDS'),
    maxAttempts: integer(source, 'OUTBOX_MAX_ATTEMPTS'),
    retryBaseSeconds: integer(source, 'OUTBOX_RETRY_BASE_SECONDS'),
    retryMaxSeconds: integer(source, 'OUTBOX_RETRY_MAX_SECONDS'),
    keepDays: integer(source, 'OUTBOX_KEEP_DAYS'),
  };
  if (settings.retryMaxSeconds < settings.retryBaseSeconds) {
    throw new ConfigError(
      'OUTBOX_RETRY_MAX_SECONDS',
      `must be at least OUTBOX_RETRY_BASE_SECONDS (${settings.retryBaseSeconds})`,
    );
  }
  return settings;
}

/** Validates the whole environment; throws an {@link ConfigError} on the first mistake. */
export function readEnv(source: Source = process.env): Env {
  const nodeEnv = requiredText(source, 'NODE_ENV') as NodeEnv;
  const production = nodeEnv === 'production';
  const publicUrl = url(source, 'PUBLIC_URL', ['http:', 'https:']);
  const env: Env = {
    nodeEnv,
    host: requiredText(source, 'HOST'),
    port: integer(source, 'PORT'),
    publicUrl: publicUrl?.toString().replace(/\/$/, ''),
    logLevel: requiredText(source, 'LOG_LEVEL'),
    secrets: {
      appKeys: secret(source, 'APP_KEYS', production)
        .split(',')
        .map((key) => key.trim())
        .filter(Boolean),
      apiTokenSalt: secret(source, 'API_TOKEN_SALT', production),
      adminJwtSecret: secret(source, 'ADMIN_JWT_SECRET', production),
      transferTokenSalt: secret(source, 'TRANSFER_TOKEN_SALT', production),
      jwtSecret: secret(source, 'JWT_SECRET', production),
      encryptionKey: secret(source, 'ENCRYPTION_KEY', production),
    },
    database: database(source),
    pluginsDisabled: list(source, 'PLUGINS_DISABLED'),
    trustedProxies: integer(source, 'TRUSTED_PROXIES'),
    geocoding: {
      enabled: boolean(source, 'GEOCODING_ENABLED'),
      url: (url(source, 'GEOCODING_URL', ['http:', 'https:']) as URL).toString().replace(/\/+$/, ''),
      timeoutMs: integer(source, 'GEOCODING_TIMEOUT_MS'),
      minScore: integer(source, 'GEOCODING_MIN_SCORE') / 100,
      cacheDays: integer(source, 'GEOCODING_CACHE_DAYS'),
    },
    testPlugins: list(source, 'TEST_PLUGINS'),
    mail: mail(source),
    moderation: {
      reportThreshold: integer(source, 'MODERATION_REPORT_THRESHOLD'),
      pendingDays: integer(source, 'MODERATION_PENDING_DAYS'),
    },
    sms: sms(source, production),
    outbox: outbox(source),
    retention: { auditDays: integer(source, 'AUDIT_RETENTION_DAYS') },
    emploi: emploi(source),
    demo: {
      seed: boolean(source, 'DEMO_SEED'),
      adminEmail: email(source, 'DEMO_ADMIN_EMAIL'),
      adminPassword: requiredText(source, 'DEMO_ADMIN_PASSWORD'),
    },
    sites: {
      dir: requiredText(source, 'SITES_DIR'),
      autoRebuild: boolean(source, 'SITES_AUTO_REBUILD'),
      serve: boolean(source, 'SITES_SERVE'),
      rebuildDelaySeconds: integer(source, 'SITES_REBUILD_DELAY_SECONDS'),
      cmsUrl: url(source, 'SITES_CMS_URL', ['http:', 'https:'])?.toString().replace(/\/$/, ''),
    },
  };
  if (production && env.demo.seed && env.demo.adminPassword === spec('DEMO_ADMIN_PASSWORD').example) {
    throw new ConfigError(
      'DEMO_ADMIN_PASSWORD',
      'still holds the example value from .env.example: set your own password',
    );
  }
  if (production && env.testPlugins.length > 0) {
    throw new ConfigError('TEST_PLUGINS', 'loads test-only plugins and is refused in production: leave it empty');
  }
  if (env.demo.adminPassword.length < 8) {
    throw new ConfigError('DEMO_ADMIN_PASSWORD', 'must hold at least 8 characters');
  }
  return env;
}

/**
 * For config files: a configuration mistake ends the process with one readable line, because
 * an exception thrown while Strapi loads its config surfaces as a long stack trace far from
 * its cause.
 */
export function orExit<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

export function readEnvOrExit(source: Source = process.env): Env {
  return orExit(() => readEnv(source));
}
