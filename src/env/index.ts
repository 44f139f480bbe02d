export { readEnv, readEnvOrExit, orExit, ConfigError } from './read-env';
export type { Env, MailEnv, NodeEnv, OutboxEnv, SqliteEnv, PostgresEnv, SmsEnv, SmsOvhEnv } from './read-env';
export { VARIABLES } from './variables';
export { appRoot } from './app-root';
export { databaseConfig } from './database-config';
export { describeConnectionFailure } from './database-check';
