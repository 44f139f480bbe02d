import path from 'node:path';
import { createStrapi, type Core } from '@strapi/strapi';
import request from 'supertest';
import { createTestDatabase, ROOT, type TestDatabase } from './database';

export interface TestApp {
  strapi: Core.Strapi;
  database: TestDatabase;
  /** supertest bound to the running HTTP server. */
  http: () => ReturnType<typeof request>;
  /** http://127.0.0.1:<port> of the running server, for real HTTP clients. */
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * Boots the real app in-process on its own database. One per test file at most: a boot costs
 * 7–9 s on these machines.
 */
export async function startTestApp(extraEnv: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  // No test reaches the network: geocoding stays off unless a test points it at a loopback fake.
  // Sites are rebuilt only where a test asks: a build takes seconds of both cores.
  Object.assign(
    process.env,
    { LOG_LEVEL: 'warn', GEOCODING_ENABLED: 'false', SITES_AUTO_REBUILD: 'false' },
    database.env,
    extraEnv,
  );
  const strapi = await createStrapi({
    appDir: ROOT,
    distDir: path.join(ROOT, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  await strapi.server.mount();
  // An ephemeral loopback port, so test files running side by side never collide.
  await new Promise<void>((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  const address = strapi.server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    strapi,
    database,
    http: () => request(strapi.server.httpServer),
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      await strapi.destroy();
      await database.drop();
    },
  };
}
