import fs from 'node:fs';
import path from 'node:path';
import { startTestApp, type TestApp } from '../harness/strapi';

const ROOT = path.resolve(__dirname, '..', '..');
const DEMO = { email: 'accueil@demo.centre-social.fr', password: 'Accueil-demo-2026' };

/** Read straight from the folders, independently of the app's own discovery code. */
const pluginFolders = fs
  .readdirSync(path.join(ROOT, 'src', 'plugins'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => ({
    folder: entry.name,
    name: JSON.parse(fs.readFileSync(path.join(ROOT, 'src', 'plugins', entry.name, 'package.json'), 'utf8')).strapi
      .name as string,
  }));

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ DEMO_SEED: 'true', DEMO_ADMIN_EMAIL: DEMO.email, DEMO_ADMIN_PASSWORD: DEMO.password });
});

afterAll(async () => {
  await app?.stop();
});

describe('local plugins', () => {
  it('finds at least the core plugin under src/plugins', () => {
    expect(pluginFolders.map((plugin) => plugin.name)).toContain('core');
  });

  it.each(pluginFolders)('loads src/plugins/$folder (Strapi skips an unbuilt plugin silently)', ({ name }) => {
    expect(app.strapi.plugin(name)).toBeDefined();
    expect(Object.keys(app.strapi.plugins)).toContain(name);
  });
});

describe('errors', () => {
  it.each([
    ['get', '/api/does-not-exist', 404],
    ['get', '/does-not-exist', 404],
    ['post', '/api/core/health', 405],
    ['delete', '/admin/does-not-exist', 405],
  ] as const)('%s %s answers %i with the JSON error shape, never HTML', async (method, url, status) => {
    const response = await app.http()[method](url).set('Accept', 'text/html');
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.body).toMatchObject({
      data: null,
      error: { status, name: expect.stringMatching(/Error$/), message: expect.any(String) },
    });
    expect(response.text).not.toMatch(/<html|at .*\.js:\d+/i);
  });

  it('answers malformed JSON with a 400, not a stack trace', async () => {
    const response = await app
      .http()
      .post('/api/core/health')
      .set('Content-Type', 'application/json')
      .send('{"status": ');
    expect(response.status).toBe(400);
    expect(response.body.error.status).toBe(400);
    expect(response.text).not.toMatch(/at .*\.js:\d+/);
  });
});

describe('demo seed', () => {
  it('creates the demo centre once, however many times it runs', async () => {
    await app.strapi.plugin('core').service('demo').seed();
    const centres = await app.strapi.documents('plugin::core.centre').findMany({ filters: { slug: 'demonstration' } });
    expect(centres.map((centre) => centre.name)).toEqual(['Centre social de démonstration']);
  });

  it('creates a super-admin from the environment, in French, who can log in', async () => {
    const login = await app.http().post('/admin/login').send(DEMO).expect(200);
    expect(login.body.data.user).toMatchObject({ email: DEMO.email, preferedLanguage: 'fr' });
    const me = await app
      .http()
      .get('/admin/users/me')
      .set('Authorization', `Bearer ${login.body.data.token}`)
      .expect(200);
    expect(me.body.data.roles.map((role: { code: string }) => role.code)).toContain('strapi-super-admin');
  });

  it('refuses a wrong password for the demo super-admin', async () => {
    const response = await app
      .http()
      .post('/admin/login')
      .send({ ...DEMO, password: 'wrong-Password-1' });
    expect(response.status).toBe(400);
    expect(response.body.error.status).toBe(400);
  });
});
