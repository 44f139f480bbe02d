/**
 * Every environment variable the app reads, in one place. `.env.example` documents the same
 * list (a test keeps the two in step), and `readEnv` validates them at boot so that a typo
 * stops the app with one line naming the variable instead of a stack trace deep in Knex.
 */

export type VariableKind = 'string' | 'port' | 'integer' | 'boolean' | 'url' | 'list' | 'email';

export interface VariableSpec {
  name: string;
  kind: VariableKind;
  /** Value used when the variable is unset (outside production for secrets). */
  fallback?: string;
  /** Secrets must be set, and differ from the example value, when NODE_ENV=production. */
  secret?: boolean;
  /** The value shipped in `.env.example`; refused for secrets in production. */
  example: string;
  min?: number;
  max?: number;
  choices?: readonly string[];
}

export const DATABASE_CLIENTS = ['sqlite', 'postgres'] as const;

export const VARIABLES: readonly VariableSpec[] = [
  {
    name: 'NODE_ENV',
    kind: 'string',
    example: 'development',
    fallback: 'development',
    choices: ['development', 'production', 'test'],
  },
  { name: 'HOST', kind: 'string', example: '0.0.0.0', fallback: '0.0.0.0' },
  { name: 'PORT', kind: 'port', example: '1337', fallback: '1337' },
  { name: 'PUBLIC_URL', kind: 'url', example: '' },
  {
    name: 'LOG_LEVEL',
    kind: 'string',
    example: 'http',
    fallback: 'http',
    choices: ['error', 'warn', 'info', 'http', 'verbose', 'debug'],
  },
  { name: 'APP_KEYS', kind: 'list', secret: true, example: 'exampleKeyOne==,exampleKeyTwo==' },
  { name: 'API_TOKEN_SALT', kind: 'string', secret: true, example: 'exampleApiTokenSalt' },
  { name: 'ADMIN_JWT_SECRET', kind: 'string', secret: true, example: 'exampleAdminJwtSecret' },
  { name: 'TRANSFER_TOKEN_SALT', kind: 'string', secret: true, example: 'exampleTransferTokenSalt' },
  { name: 'JWT_SECRET', kind: 'string', secret: true, example: 'exampleJwtSecret' },
  { name: 'ENCRYPTION_KEY', kind: 'string', secret: true, example: 'exampleEncryptionKey' },
  { name: 'DATABASE_URL', kind: 'url', example: '' },
  { name: 'DATABASE_CLIENT', kind: 'string', example: 'sqlite', choices: DATABASE_CLIENTS },
  { name: 'DATABASE_FILENAME', kind: 'string', example: '.tmp/data.db', fallback: '.tmp/data.db' },
  { name: 'DATABASE_HOST', kind: 'string', example: '127.0.0.1', fallback: '127.0.0.1' },
  { name: 'DATABASE_PORT', kind: 'port', example: '5432', fallback: '5432' },
  { name: 'DATABASE_NAME', kind: 'string', example: 'centres_sociaux', fallback: 'centres_sociaux' },
  { name: 'DATABASE_USERNAME', kind: 'string', example: 'strapi', fallback: 'strapi' },
  { name: 'DATABASE_PASSWORD', kind: 'string', example: '' },
  { name: 'DATABASE_SCHEMA', kind: 'string', example: 'public', fallback: 'public' },
  { name: 'DATABASE_SSL', kind: 'boolean', example: 'false', fallback: 'false' },
  { name: 'DATABASE_SSL_REJECT_UNAUTHORIZED', kind: 'boolean', example: 'true', fallback: 'true' },
  { name: 'DATABASE_SSL_CA', kind: 'string', example: '' },
  { name: 'DATABASE_POOL_MIN', kind: 'integer', example: '0', fallback: '0', min: 0, max: 100 },
  { name: 'DATABASE_POOL_MAX', kind: 'integer', example: '10', fallback: '10', min: 1, max: 100 },
  { name: 'DATABASE_CONNECTION_TIMEOUT', kind: 'integer', example: '10000', fallback: '10000', min: 500, max: 600000 },
  { name: 'PLUGINS_DISABLED', kind: 'list', example: '' },
  { name: 'DEMO_SEED', kind: 'boolean', example: 'false', fallback: 'false' },
  {
    name: 'DEMO_ADMIN_EMAIL',
    kind: 'email',
    example: 'admin@demo.centre-social.fr',
    fallback: 'admin@demo.centre-social.fr',
  },
  { name: 'SITES_DIR', kind: 'string', example: '.tmp/sites', fallback: '.tmp/sites' },
  { name: 'SITES_SERVE', kind: 'boolean', example: 'true', fallback: 'true' },
  { name: 'SITES_REBUILD_DELAY_SECONDS', kind: 'integer', example: '15', fallback: '15', min: 1, max: 3600 },
  { name: 'SITES_CMS_URL', kind: 'url', example: '' },
  { name: 'DEMO_ADMIN_PASSWORD', kind: 'string', example: 'Demo-centre-2026', fallback: 'Demo-centre-2026' },
];
