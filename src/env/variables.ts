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
export const EMAIL_MODES = ['smtp', 'capture'] as const;
export const SMS_PROVIDERS = ['console', 'ovh'] as const;
/** The OVH APIs the official client knows by name; any other endpoint is an https:// address. */
export const OVH_ENDPOINTS = ['ovh-eu', 'ovh-ca', 'ovh-us'] as const;

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
  { name: 'TRUSTED_PROXIES', kind: 'integer', example: '0', fallback: '0', min: 0, max: 5 },
  { name: 'GEOCODING_ENABLED', kind: 'boolean', example: 'true', fallback: 'true' },
  {
    name: 'GEOCODING_URL',
    kind: 'url',
    example: 'https://api-adresse.data.gouv.fr',
    fallback: 'https://api-adresse.data.gouv.fr',
  },
  { name: 'GEOCODING_TIMEOUT_MS', kind: 'integer', example: '3000', fallback: '3000', min: 100, max: 30000 },
  { name: 'GEOCODING_MIN_SCORE', kind: 'integer', example: '50', fallback: '50', min: 0, max: 100 },
  { name: 'GEOCODING_CACHE_DAYS', kind: 'integer', example: '30', fallback: '30', min: 1, max: 365 },
  { name: 'TEST_PLUGINS', kind: 'list', example: '' },
  { name: 'EMAIL_MODE', kind: 'string', example: '', choices: EMAIL_MODES },
  { name: 'SMTP_HOST', kind: 'string', example: '' },
  { name: 'SMTP_PORT', kind: 'port', example: '587', fallback: '587' },
  { name: 'SMTP_SECURE', kind: 'boolean', example: 'false', fallback: 'false' },
  { name: 'SMTP_USER', kind: 'string', example: '' },
  { name: 'SMTP_PASSWORD', kind: 'string', secret: true, example: '' },
  {
    name: 'EMAIL_FROM',
    kind: 'string',
    example: 'Centre social <ne-pas-repondre@demo.centre-social.fr>',
    fallback: 'Centre social <ne-pas-repondre@demo.centre-social.fr>',
  },
  { name: 'EMAIL_REPLY_TO', kind: 'string', example: '' },
  { name: 'MODERATION_REPORT_THRESHOLD', kind: 'integer', example: '3', fallback: '3', min: 1, max: 1000 },
  { name: 'MODERATION_PENDING_DAYS', kind: 'integer', example: '7', fallback: '7', min: 1, max: 365 },
  { name: 'SMS_PROVIDER', kind: 'string', example: 'console', fallback: 'console', choices: SMS_PROVIDERS },
  { name: 'SMS_DELIVERY_REPORT_TOKEN', kind: 'string', secret: true, example: 'exampleSmsReportToken' },
  { name: 'SMS_OVH_ENDPOINT', kind: 'string', example: 'ovh-eu', fallback: 'ovh-eu' },
  { name: 'SMS_OVH_APP_KEY', kind: 'string', secret: true, example: 'exampleOvhAppKey' },
  { name: 'SMS_OVH_APP_SECRET', kind: 'string', secret: true, example: 'exampleOvhAppSecret' },
  { name: 'SMS_OVH_CONSUMER_KEY', kind: 'string', secret: true, example: 'exampleOvhConsumerKey' },
  { name: 'SMS_OVH_SERVICE_NAME', kind: 'string', example: 'sms-ab12345-1' },
  { name: 'SMS_OVH_SENDER', kind: 'string', example: '' },
  { name: 'SMS_OVH_TIMEOUT_MS', kind: 'integer', example: '15000', fallback: '15000', min: 500, max: 120000 },
  { name: 'OUTBOX_WORKER', kind: 'boolean', example: 'true', fallback: 'true' },
  { name: 'OUTBOX_POLL_INTERVAL_MS', kind: 'integer', example: '1000', fallback: '1000', min: 50, max: 60000 },
  { name: 'OUTBOX_BATCH_SIZE', kind: 'integer', example: '50', fallback: '50', min: 1, max: 1000 },
  { name: 'OUTBOX_CONCURRENCY', kind: 'integer', example: '10', fallback: '10', min: 1, max: 200 },
  { name: 'OUTBOX_LEASE_SECONDS', kind: 'integer', example: '60', fallback: '60', min: 2, max: 3600 },
  { name: 'OUTBOX_MAX_ATTEMPTS', kind: 'integer', example: '5', fallback: '5', min: 1, max: 100 },
  { name: 'OUTBOX_RETRY_BASE_SECONDS', kind: 'integer', example: '30', fallback: '30', min: 1, max: 86400 },
  { name: 'OUTBOX_RETRY_MAX_SECONDS', kind: 'integer', example: '3600', fallback: '3600', min: 1, max: 604800 },
  { name: 'OUTBOX_KEEP_DAYS', kind: 'integer', example: '30', fallback: '30', min: 1, max: 3650 },
  { name: 'AUDIT_RETENTION_DAYS', kind: 'integer', example: '1095', fallback: '1095', min: 30, max: 36500 },
  { name: 'DEMO_SEED', kind: 'boolean', example: 'false', fallback: 'false' },
  {
    name: 'DEMO_ADMIN_EMAIL',
    kind: 'email',
    example: 'admin@demo.centre-social.fr',
    fallback: 'admin@demo.centre-social.fr',
  },
  { name: 'EMPLOI_OFFER_DEFAULT_DAYS', kind: 'integer', example: '30', fallback: '30', min: 1, max: 365 },
  { name: 'EMPLOI_OFFER_MAX_DAYS', kind: 'integer', example: '60', fallback: '60', min: 1, max: 365 },
  { name: 'EMPLOI_EXPIRY_NOTICE_DAYS', kind: 'integer', example: '7', fallback: '7', min: 1, max: 30 },
  { name: 'EMPLOI_PROFILE_STALE_DAYS', kind: 'integer', example: '180', fallback: '180', min: 7, max: 730 },
  { name: 'EMPLOI_PROFILE_GRACE_DAYS', kind: 'integer', example: '14', fallback: '14', min: 1, max: 90 },
  { name: 'EMPLOI_SITE_URL', kind: 'url', example: '' },
  { name: 'EMPLOI_CLOSED_PAGE_DAYS', kind: 'integer', example: '30', fallback: '30', min: 1, max: 365 },
  { name: 'SITES_DIR', kind: 'string', example: '.tmp/sites', fallback: '.tmp/sites' },
  { name: 'SITES_AUTO_REBUILD', kind: 'boolean', example: 'true', fallback: 'true' },
  { name: 'SITES_SERVE', kind: 'boolean', example: 'true', fallback: 'true' },
  { name: 'SITES_REBUILD_DELAY_SECONDS', kind: 'integer', example: '15', fallback: '15', min: 1, max: 3600 },
  { name: 'SITES_CMS_URL', kind: 'url', example: '' },
  { name: 'DEMO_ADMIN_PASSWORD', kind: 'string', example: 'Demo-centre-2026', fallback: 'Demo-centre-2026' },
];
