import type { HealthResponse } from './health';

/** `GET /core/overview` (admin): what staff see on the core page. */
export interface OverviewResponse {
  health: HealthResponse;
  centres: number;
}
