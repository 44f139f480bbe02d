import type { Core } from '@strapi/strapi';
import type { DatabaseClient, HealthResponse } from '../../../shared/contracts/health';

const createHealthService = ({ strapi }: { strapi: Core.Strapi }) => ({
  localPlugins(): string[] {
    const names = strapi.plugin('core').config<string[]>('localPlugins') ?? [];
    return names.filter((name) => Boolean(strapi.plugin(name)));
  },

  databaseClient(): DatabaseClient {
    return strapi.db.dialect.client === 'postgres' ? 'postgres' : 'sqlite';
  },

  async check(): Promise<HealthResponse> {
    let status: HealthResponse['status'] = 'ok';
    try {
      await strapi.db.connection.raw('select 1');
    } catch {
      status = 'error';
    }
    return { status, database: this.databaseClient(), plugins: this.localPlugins() };
  },
});

export type HealthService = ReturnType<typeof createHealthService>;
export default createHealthService;
