import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, VARIABLES, readEnv } from '../../src/env';

const ROOT = path.resolve(__dirname, '..', '..');

const STRONG_SECRETS = {
  APP_KEYS: 'k1Zr8nYQ0vXw==,p2Lm5sT9aB==',
  API_TOKEN_SALT: 'b0c4b1b5e7f3a9d2',
  ADMIN_JWT_SECRET: 'c6a7e8f9d0b1a2c3',
  TRANSFER_TOKEN_SALT: 'd1e2f3a4b5c6d7e8',
  JWT_SECRET: 'e9f8a7b6c5d4e3f2',
  ENCRYPTION_KEY: 'f0a1b2c3d4e5f6a7',
};

function errorOf(source: Record<string, string>): ConfigError {
  try {
    readEnv(source);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('readEnv accepted the environment');
}

describe('environment validation', () => {
  it('runs the demo on SQLite with nothing set', () => {
    const env = readEnv({});
    expect(env.database).toEqual({ client: 'sqlite', filename: '.tmp/data.db' });
    expect(env.port).toBe(1337);
    expect(env.demo.seed).toBe(false);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT', 'expected a port number between 1 and 65535, got "abc"'],
    [{ PORT: '70000' }, 'PORT', 'expected a port number'],
    [{ DATABASE_CLIENT: 'mysql' }, 'DATABASE_CLIENT', 'expected one of sqlite, postgres, got "mysql"'],
    [{ DATABASE_URL: 'mysql://db/x' }, 'DATABASE_URL', 'expected a URL starting with postgres:// or postgresql://'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL', 'is not a valid URL'],
    [{ DATABASE_CLIENT: 'postgres', DATABASE_POOL_MAX: 'ten' }, 'DATABASE_POOL_MAX', 'expected a whole number'],
    [
      { DATABASE_CLIENT: 'postgres', DATABASE_POOL_MIN: '20', DATABASE_POOL_MAX: '5' },
      'DATABASE_POOL_MIN',
      'must not exceed',
    ],
    [{ DATABASE_CLIENT: 'postgres', DATABASE_SSL: 'maybe' }, 'DATABASE_SSL', 'expected true or false'],
    [{ DEMO_ADMIN_EMAIL: 'admin' }, 'DEMO_ADMIN_EMAIL', 'expected an e-mail address'],
    [{ NODE_ENV: 'prod' }, 'NODE_ENV', 'expected one of development, production, test'],
    [{ PUBLIC_URL: 'ftp://x' }, 'PUBLIC_URL', 'expected a URL starting with http:// or https://'],
    [{ TRUSTED_PROXIES: 'yes' }, 'TRUSTED_PROXIES', 'expected a whole number between 0 and 5'],
    [{ GEOCODING_URL: 'ftp://ban' }, 'GEOCODING_URL', 'expected a URL starting with http:// or https://'],
    [{ GEOCODING_MIN_SCORE: '150' }, 'GEOCODING_MIN_SCORE', 'expected a whole number between 0 and 100'],
    [{ EMPLOI_SITE_URL: 'emploi.example.fr' }, 'EMPLOI_SITE_URL', 'is not a valid URL'],
    [{ EMPLOI_CLOSED_PAGE_DAYS: '0' }, 'EMPLOI_CLOSED_PAGE_DAYS', 'expected a whole number between 1 and 365'],
    [
      { EMPLOI_OFFER_DEFAULT_DAYS: '90', EMPLOI_OFFER_MAX_DAYS: '60' },
      'EMPLOI_OFFER_DEFAULT_DAYS',
      'must not exceed EMPLOI_OFFER_MAX_DAYS (60)',
    ],
  ])('names the variable at fault: %j', (source, variable, problem) => {
    const error = errorOf(source);
    expect(error.subject).toBe(variable);
    expect(error.message).toContain(problem);
    expect(error.message.startsWith(`${variable}: `)).toBe(true);
    expect(error.message).not.toContain('\n');
  });

  it('refuses to start in production with the example secrets, naming the variable', () => {
    expect(errorOf({ NODE_ENV: 'production' }).subject).toBe('APP_KEYS');
    const example = errorOf({ NODE_ENV: 'production', ...STRONG_SECRETS, JWT_SECRET: 'exampleJwtSecret' });
    expect(example.subject).toBe('JWT_SECRET');
    expect(example.message).toContain('example value');
    const oneExampleKey = errorOf({
      NODE_ENV: 'production',
      ...STRONG_SECRETS,
      APP_KEYS: 'k1Zr8nYQ0vXw==,exampleKeyTwo==',
    });
    expect(oneExampleKey.subject).toBe('APP_KEYS');
  });

  it('reads the employment site’s address and how long closed offers keep their page', () => {
    expect(readEnv({}).emploi).toMatchObject({ siteUrl: '', closedPageDays: 30 });
    expect(
      readEnv({ EMPLOI_SITE_URL: 'https://emploi.example.fr/', EMPLOI_CLOSED_PAGE_DAYS: '15' }).emploi,
    ).toMatchObject({ siteUrl: 'https://emploi.example.fr/', closedPageDays: 15 });
  });

  it('reads geocoding and proxy settings', () => {
    expect(readEnv({}).geocoding).toEqual({
      enabled: true,
      url: 'https://api-adresse.data.gouv.fr',
      timeoutMs: 3000,
      minScore: 0.5,
      cacheDays: 30,
    });
    expect(readEnv({ GEOCODING_URL: 'http://127.0.0.1:7878/', TRUSTED_PROXIES: '2' })).toMatchObject({
      geocoding: { url: 'http://127.0.0.1:7878' },
      trustedProxies: 2,
    });
  });

  it('refuses test-only plugins in production', () => {
    const error = errorOf({ NODE_ENV: 'production', ...STRONG_SECRETS, TEST_PLUGINS: 'tests/fixture' });
    expect(error.subject).toBe('TEST_PLUGINS');
  });

  it('starts in production once every secret is set', () => {
    const env = readEnv({ NODE_ENV: 'production', ...STRONG_SECRETS });
    expect(env.secrets.appKeys).toEqual(['k1Zr8nYQ0vXw==', 'p2Lm5sT9aB==']);
  });

  it('never repeats a secret value in its messages', () => {
    const error = errorOf({ NODE_ENV: 'production', ...STRONG_SECRETS, ENCRYPTION_KEY: 'exampleEncryptionKey' });
    expect(error.message).not.toContain('exampleEncryptionKey');
  });

  it('refuses the example demo password in production', () => {
    const error = errorOf({ NODE_ENV: 'production', ...STRONG_SECRETS, DEMO_SEED: 'true' });
    expect(error.subject).toBe('DEMO_ADMIN_PASSWORD');
  });

  it('reads a hosted PostgreSQL address with SSL and pool settings', () => {
    const env = readEnv({
      DATABASE_URL: 'postgresql://app%40user:p%40ss@db.example.org:6543/centres?sslmode=require',
      DATABASE_POOL_MAX: '4',
      DATABASE_SSL_CA: '-----BEGIN CERTIFICATE-----\\nabc\\n-----END CERTIFICATE-----',
    });
    expect(env.database).toMatchObject({
      client: 'postgres',
      host: 'db.example.org',
      port: 6543,
      database: 'centres',
      user: 'app@user',
      password: 'p@ss',
      pool: { min: 0, max: 4 },
      ssl: { rejectUnauthorized: true, ca: '-----BEGIN CERTIFICATE-----\nabc\n-----END CERTIFICATE-----' },
    });
  });

  it('reads PostgreSQL from the separate variables', () => {
    const env = readEnv({
      DATABASE_CLIENT: 'postgres',
      DATABASE_HOST: 'pg.internal',
      DATABASE_NAME: 'csc',
      DATABASE_PASSWORD: 's3cret',
    });
    expect(env.database).toMatchObject({
      client: 'postgres',
      host: 'pg.internal',
      port: 5432,
      database: 'csc',
      password: 's3cret',
      ssl: false,
    });
  });
});

describe('.env.example', () => {
  const lines = fs.readFileSync(path.join(ROOT, '.env.example'), 'utf8').split('\n');
  const entries = new Map(
    lines
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );

  it('lists every variable the app reads, and only those', () => {
    expect([...entries.keys()].sort()).toEqual(VARIABLES.map((variable) => variable.name).sort());
  });

  it('holds the example values the app refuses in production', () => {
    for (const variable of VARIABLES)
      expect([variable.name, entries.get(variable.name)]).toEqual([variable.name, variable.example]);
  });

  it('explains every variable with a comment above it', () => {
    lines.forEach((line, index) => {
      if (!/^[A-Z_]+=/.test(line)) return;
      let above = index - 1;
      while (above >= 0 && /^[A-Z_]+=/.test(lines[above])) above -= 1;
      expect([line, lines[above]?.startsWith('#')]).toEqual([line, true]);
    });
  });
});
