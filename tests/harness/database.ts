import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

export const ROOT = path.resolve(__dirname, '..', '..');

export interface TestDatabase {
  client: 'sqlite' | 'postgres';
  /** Environment variables that point the app at this database. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

function uniqueName(): string {
  return `csc_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
}

async function withAdminClient<T>(url: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * A database of its own for one test file: a fresh SQLite file by default, or a freshly created
 * PostgreSQL database when TEST_DATABASE_URL is set, so runs never see each other's data.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = uniqueName();
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const filename = path.join(ROOT, '.tmp', 'tests', `${name}.db`);
    fs.mkdirSync(path.dirname(filename), { recursive: true });
    return {
      client: 'sqlite',
      env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename, DATABASE_URL: '' },
      async drop() {
        for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(`${filename}${suffix}`, { force: true });
      },
    };
  }
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    client: 'postgres',
    env: { DATABASE_URL: url.toString(), DATABASE_CLIENT: 'postgres' },
    async drop() {
      await withAdminClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
