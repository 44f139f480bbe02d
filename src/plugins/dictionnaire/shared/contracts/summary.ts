/** `GET /dictionnaire/summary` (admin): what the plugin's home page shows. */
export interface SummaryResponse {
  plugin: string;
}
