import type { Env } from './read-env';

interface DriverError {
  code?: string;
  message?: string;
}

/** The cause of a failed connection in words an operator can act on, without the password. */
export function describeConnectionFailure(database: Env['database'], error: unknown): string {
  if (database.client === 'sqlite') {
    return `the SQLite file ${database.filename} cannot be opened (${(error as DriverError).message ?? 'unknown error'})`;
  }
  const where = `PostgreSQL at ${database.host}:${database.port}`;
  const { code, message = '' } = (error ?? {}) as DriverError;
  switch (code) {
    case 'ECONNREFUSED':
      return `${where} refuses connections: is PostgreSQL running, and are DATABASE_URL or DATABASE_HOST/DATABASE_PORT right?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `${where}: the host name cannot be resolved (check DATABASE_URL or DATABASE_HOST)`;
    case '28P01':
    case '28000':
      return `${where} refused the credentials of user "${database.user}" (check DATABASE_USERNAME/DATABASE_PASSWORD)`;
    case '3D000':
      return `${where} has no database "${database.database}": create it first (createdb ${database.database})`;
    default:
      if (/timeout|timed out/i.test(message)) {
        return `${where} did not answer within ${database.connectionTimeoutMs} ms (DATABASE_CONNECTION_TIMEOUT)`;
      }
      return `${where} cannot be reached (${code ?? message.split('\n')[0]})`;
  }
}
