/** `GET /dictionnaire/summary` (admin): the counts the plugin's home page shows. */
export interface SummaryResponse {
  words: number;
  openRequests: number;
  claimedRequests: number;
  pendingStructures: number;
}
