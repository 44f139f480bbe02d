/**
 * Rate limits of public forms, behind one trusted proxy (TRUSTED_PROXIES=1): counted per visitor
 * address and per target, answered 429 with Retry-After and a French message, kept in the
 * database (shared by every instance), hashed, and cleaned up when their window is over.
 */
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import type { Core } from '@strapi/strapi';
import { startTestApp, type TestApp } from '../../../../../tests/harness/strapi';
import createRateLimitService, { RATE_LIMIT_TABLE } from '../../server/src/public-forms/rate-limit';
import { SUBMISSION_UID } from './fixture/server';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ TEST_PLUGINS: path.join(__dirname, 'fixture'), TRUSTED_PROXIES: '1' });
});

afterAll(async () => {
  await app?.stop();
});

const stored = () => app.strapi.db.query(SUBMISSION_UID as never).count();

/** A report on an item, as if the proxy had appended `address` to X-Forwarded-For. */
const report = (item: string, address: string, forwarded?: string) =>
  app
    .http()
    .post(`/api/forms-test/items/${item}/reports`)
    .set('X-Forwarded-For', forwarded ?? address)
    .send({ reason: 'spam' });

const contact = (email: string, address: string) =>
  app
    .http()
    .post('/api/forms-test/contact')
    .set('X-Forwarded-For', address)
    .send({ name: 'Awa Diallo', email, message: 'Bonjour, je voudrais un rendez-vous.' });

describe('per visitor address', () => {
  it('lets 5 reports through from one address, then answers 429 with Retry-After in French', async () => {
    const before = await stored();
    for (let i = 0; i < 5; i += 1) expect((await report(`a-${i}`, '203.0.113.7')).status).toBe(202);
    const refused = await report('a-5', '203.0.113.7');
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 600).toBe(true);
    expect(refused.body.error).toMatchObject({
      status: 429,
      name: 'RateLimitError',
      details: { retryAfter, limit: 'address' },
    });
    expect(refused.body.error.message).toMatch(
      /^Trop d’envois depuis votre connexion\. Réessayez dans \d+ (minutes?|secondes?)\.$/,
    );
    expect(await stored()).toBe(before + 5);
  });

  it('counts each address on its own', async () => {
    expect((await report('b-1', '203.0.113.8')).status).toBe(202);
  });

  it('trusts only the entry the proxy appended, not what the visitor wrote before it', async () => {
    const spoofed = await report('a-6', '203.0.113.7', '192.0.2.1, 203.0.113.7');
    expect(spoofed.status).toBe(429);
  });

  it('groups IPv6 visitors by /64', async () => {
    for (let i = 1; i <= 5; i += 1) expect((await report(`v6-${i}`, `2001:db8:1:2::${i}`)).status).toBe(202);
    expect((await report('v6-6', '2001:db8:1:2:ffff::9')).status).toBe(429);
    expect((await report('v6-7', '2001:db8:1:3::1')).status).toBe(202);
  });
});

describe('per target', () => {
  it('refuses a third report on the same item, whoever sends it, with the form’s own message', async () => {
    expect((await report('item-42', '198.51.100.1')).status).toBe(202);
    expect((await report('item-42', '198.51.100.2')).status).toBe(202);
    const third = await report('item-42', '198.51.100.3');
    expect(third.status).toBe(429);
    expect(third.body.error.message).toMatch(
      /^Cet élément a déjà été signalé\. Réessayez dans \d+ (minutes?|secondes?)\.$/,
    );
    expect(third.body.error.details.limit).toBe('target');
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('counts an e-mail address whatever its case, and stores nothing past the limit', async () => {
    const before = await stored();
    expect((await contact('Nadia@Exemple.fr', '198.51.100.10')).status).toBe(202);
    expect((await contact('nadia@exemple.fr', '198.51.100.11')).status).toBe(202);
    expect((await contact('NADIA@EXEMPLE.FR', '198.51.100.12')).status).toBe(202);
    const fourth = await contact('nadia@exemple.fr', '198.51.100.13');
    expect(fourth.status).toBe(429);
    expect(fourth.body.error.message).toMatch(
      /^Trop d’envois à ce sujet\. Réessayez dans \d+ (heures?|minutes?|secondes?)\.$/,
    );
    expect(await stored()).toBe(before + 3);
    expect((await contact('autre@exemple.fr', '198.51.100.13')).status).toBe(202);
  });

  it('does not count invalid submissions against the target', async () => {
    const invalid = await app
      .http()
      .post('/api/forms-test/contact')
      .set('X-Forwarded-For', '198.51.100.20')
      .send({ name: '', email: 'sami@exemple.fr', message: 'x' });
    expect(invalid.status).toBe(400);
    for (let i = 0; i < 3; i += 1) expect((await contact('sami@exemple.fr', `198.51.100.${21 + i}`)).status).toBe(202);
  });
});

describe('where the counters live', () => {
  it('keeps them in the database, as keyed hashes: no address or e-mail in clear', async () => {
    const rows = await app.strapi.plugin('core').service('rateLimit').rows();
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain('203.0.113.7');
    expect(dump).not.toContain('nadia');
    expect(dump).not.toContain('item-42');
    // 5 accepted + 1 refused + 1 spoofed, on one address bucket of the reports form.
    expect(rows.map((row: { hits: number }) => row.hits)).toContain(7);
    const bucket = app.strapi.plugin('core').service('rateLimit').bucket('submission.report', 'address', '203.0.113.7');
    expect(rows.find((row: { bucket: string }) => row.bucket === bucket)?.hits).toBe(7);
  });

  it('counts exactly across two instances hitting the same database at once', async () => {
    // A second instance is a second connection pool on the same database, running the same
    // service code: every hit is one atomic upsert, so no count is lost or doubled.
    const settings = app.strapi.db.connection.client.config as Knex.Config;
    const secondPool = knexFactory({ ...settings, pool: { min: 0, max: 4 } });
    try {
      const secondInstance = {
        db: {
          connection: secondPool,
          getConnection: (table: string) => {
            const schema = app.strapi.db.getSchemaName();
            return schema ? secondPool(table).withSchema(schema) : secondPool(table);
          },
        },
        config: app.strapi.config,
      } as unknown as Core.Strapi;
      const first = app.strapi.plugin('core').service('rateLimit');
      const second = createRateLimitService({ strapi: secondInstance });
      const limit = { max: 25, windowSeconds: 3600 };
      const bucket = first.bucket('shared-test', 'address', '192.0.2.50');
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? first : second).hit(bucket, limit)),
      );
      expect(results.filter((result: { allowed: boolean }) => result.allowed)).toHaveLength(25);
      expect(results.map((result: { hits: number }) => result.hits).sort((a: number, b: number) => a - b)).toEqual(
        Array.from({ length: 40 }, (_, i) => i + 1),
      );
    } finally {
      await secondPool.destroy();
    }
  });

  it('removes counters whose window is over, and keeps the running ones', async () => {
    const service = app.strapi.plugin('core').service('rateLimit');
    const limit = { max: 5, windowSeconds: 60 };
    await service.hit(service.bucket('cleanup-test', 'address', '192.0.2.60'), limit, Date.now() - 3 * 3600 * 1000);
    const before = await service.rows();
    expect(before.some((row: { bucket: string }) => row.bucket.startsWith('cleanup-test|'))).toBe(true);
    const removed = await service.purgeExpired();
    expect(removed).toBeGreaterThanOrEqual(1);
    const after = await service.rows();
    expect(after.some((row: { bucket: string }) => row.bucket.startsWith('cleanup-test|'))).toBe(false);
    expect(after.length).toBe(before.length - removed);
    expect(after.every((row: { expiresAt: number }) => row.expiresAt > Date.now())).toBe(true);
  });

  it('lives in its own table', async () => {
    expect(await app.strapi.db.getSchemaConnection().hasTable(RATE_LIMIT_TABLE)).toBe(true);
  });
});
