import { startTestApp, type TestApp } from '../../../../tests/harness/strapi';
import { ACTIONS, PLUGIN_ID } from '../shared/permissions';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app?.stop();
});

describe(`plugin ${PLUGIN_ID}`, () => {
  it('is loaded and listed by the health endpoint', async () => {
    expect(app.strapi.plugin(PLUGIN_ID)).toBeDefined();
    const { body } = await app.http().get('/api/core/health').expect(200);
    expect(body.plugins).toContain(PLUGIN_ID);
  });

  it('declares its admin actions', () => {
    const registered = app.strapi.admin.services.permission.actionProvider
      .values()
      .map((action: { actionId: string }) => action.actionId);
    expect(registered).toEqual(expect.arrayContaining(Object.values(ACTIONS)));
  });

  it('keeps its admin routes for signed-in staff', async () => {
    const response = await app.http().get(`/${PLUGIN_ID}/summary`).expect(401);
    expect(response.body.error.status).toBe(401);
  });
});
