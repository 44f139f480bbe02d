import fs from 'node:fs';
import path from 'node:path';
import { createCmsClient } from '../../../../cms/src';
import { startTestApp, type TestApp } from '../../../../tests/harness/strapi';
import { readEnv } from '../../../env';

const PLUGIN_FOLDERS = fs
  .readdirSync(path.resolve(__dirname, '..', '..'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map(
    (entry) =>
      JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', entry.name, 'package.json'), 'utf8')).strapi
        .name as string,
  )
  .sort();

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app?.stop();
});

describe('GET /api/core/health', () => {
  it('answers without a token with the status, the database and every local plugin', async () => {
    const response = await app.http().get('/api/core/health').expect(200);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toEqual({ status: 'ok', database: app.database.client, plugins: PLUGIN_FOLDERS });
  });

  it('is what the typed CMS client reads, over real HTTP', async () => {
    const health = await createCmsClient({ baseUrl: app.baseUrl }).health();
    expect(health.status).toBe('ok');
    expect(health.plugins).toEqual(PLUGIN_FOLDERS);
  });

  it('gives away no secret and no version number', async () => {
    const { text } = await app.http().get('/api/core/health').expect(200);
    const { secrets } = readEnv();
    for (const value of [
      ...secrets.appKeys,
      secrets.adminJwtSecret,
      secrets.apiTokenSalt,
      secrets.jwtSecret,
      secrets.encryptionKey,
    ]) {
      expect(text).not.toContain(value);
    }
    expect(text).not.toMatch(/\d+\.\d+\.\d+/);
    expect(text).not.toMatch(/strapi|node|version/i);
  });

  it('ignores hostile query strings', async () => {
    const response = await app
      .http()
      .get('/api/core/health?__proto__[polluted]=1&plugins[]=evil&status=error')
      .expect(200);
    expect(response.body.status).toBe('ok');
    expect(response.body.plugins).toEqual(PLUGIN_FOLDERS);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not accept writes', async () => {
    const response = await app.http().post('/api/core/health').send({ status: 'error' });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.body.error).toMatchObject({ status: response.status });
  });
});

describe('GET /core/overview (admin)', () => {
  it('refuses anonymous callers with a JSON error', async () => {
    const response = await app.http().get('/core/overview').expect(401);
    expect(response.body).toMatchObject({ data: null, error: { status: 401, name: 'UnauthorizedError' } });
  });

  it('shows staff the state of the install and the number of centres', async () => {
    const roles = app.strapi.service('admin::role');
    const superAdmin = await roles.getSuperAdmin();
    await app.strapi.service('admin::user').create({
      email: 'coordination@centre-test.fr',
      firstname: 'Coordination',
      password: 'Coordination-2026',
      isActive: true,
      roles: [superAdmin.id],
    });
    const login = await app
      .http()
      .post('/admin/login')
      .send({ email: 'coordination@centre-test.fr', password: 'Coordination-2026' })
      .expect(200);
    await app.strapi
      .documents('plugin::core.centre')
      .create({ data: { name: 'Centre social des Oliviers', slug: 'oliviers' } });

    const response = await app
      .http()
      .get('/core/overview')
      .set('Authorization', `Bearer ${login.body.data.token}`)
      .expect(200);
    expect(response.body.health).toEqual({ status: 'ok', database: app.database.client, plugins: PLUGIN_FOLDERS });
    expect(response.body.centres).toBe(await app.strapi.documents('plugin::core.centre').count({}));
    expect(response.body.centres).toBeGreaterThanOrEqual(1);
  });
});
