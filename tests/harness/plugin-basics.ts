import { startTestApp, type TestApp } from './strapi';

interface PluginBasics {
  /** The plugin's id, as in `config/plugins.ts`. */
  pluginId: string;
  /** Every admin action the plugin declares (its `ACTIONS`). */
  actions: Record<string, string>;
  /** One of its admin routes (GET, after the plugin's prefix): it must refuse anyone not signed in. */
  adminRoute: string;
}

/**
 * What every plugin must do once installed: load (Strapi skips an unbuilt local plugin silently),
 * register its admin actions, and keep its admin API behind the staff login.
 */
export function describePluginBasics({ pluginId, actions, adminRoute }: PluginBasics): void {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app?.stop();
  });

  describe(`plugin ${pluginId}`, () => {
    it('is loaded and listed by the health endpoint', async () => {
      expect(app.strapi.plugin(pluginId)).toBeDefined();
      const { body } = await app.http().get('/api/core/health').expect(200);
      expect(body.plugins).toContain(pluginId);
    });

    it('declares its admin actions', () => {
      const registered = app.strapi.admin.services.permission.actionProvider
        .values()
        .map((action: { actionId: string }) => action.actionId);
      expect(Object.values(actions).length).toBeGreaterThan(0);
      expect(registered).toEqual(expect.arrayContaining(Object.values(actions)));
    });

    it('keeps its admin routes for signed-in staff', async () => {
      const response = await app.http().get(`/${pluginId}${adminRoute}`).expect(401);
      expect(response.body.error.status).toBe(401);
    });
  });
}
