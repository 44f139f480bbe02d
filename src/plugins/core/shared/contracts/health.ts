export type DatabaseClient = 'sqlite' | 'postgres';

/** `GET /api/core/health`: public, so it names no secret and no dependency version. */
export interface HealthResponse {
  status: 'ok' | 'error';
  database: DatabaseClient;
  /** Local plugins (src/plugins) that this instance has actually loaded. */
  plugins: string[];
}
