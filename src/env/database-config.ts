import path from 'node:path';
import type { Env } from './read-env';
import { appRoot } from './app-root';

/** Strapi's `config/database` object for the validated environment. */
export function databaseConfig(database: Env['database']) {
  if (database.client === 'sqlite') {
    return {
      connection: {
        client: 'sqlite' as const,
        connection: { filename: path.resolve(appRoot(), database.filename) },
        useNullAsDefault: true,
      },
    };
  }
  return {
    connection: {
      client: 'postgres' as const,
      connection: {
        host: database.host,
        port: database.port,
        database: database.database,
        user: database.user,
        password: database.password,
        schema: database.schema,
        ssl: database.ssl,
        // Fail fast when PostgreSQL is unreachable instead of hanging on the socket.
        connectionTimeoutMillis: database.connectionTimeoutMs,
        application_name: 'centres-sociaux-connectes',
      },
      pool: {
        min: database.pool.min,
        max: database.pool.max,
        acquireTimeoutMillis: database.connectionTimeoutMs,
        createTimeoutMillis: database.connectionTimeoutMs,
        // Hosted PostgreSQL closes idle connections; recycling them first avoids "Connection terminated".
        idleTimeoutMillis: 30000,
        reapIntervalMillis: 1000,
        createRetryIntervalMillis: 200,
      },
      acquireConnectionTimeout: database.connectionTimeoutMs,
    },
  };
}
