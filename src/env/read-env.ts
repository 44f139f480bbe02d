import { VARIABLES, type VariableSpec } from './variables';

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
  demo: { seed: boolean; adminEmail: string; adminPassword: string };
  sites: { dir: string; serve: boolean; rebuildDelaySeconds: number; cmsUrl?: string };
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
    demo: {
      seed: boolean(source, 'DEMO_SEED'),
      adminEmail: email(source, 'DEMO_ADMIN_EMAIL'),
      adminPassword: requiredText(source, 'DEMO_ADMIN_PASSWORD'),
    },
    sites: {
      dir: requiredText(source, 'SITES_DIR'),
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
