/** `GET /pense-bete/summary` (admin): what the plugin's home page needs to know about the user. */
export interface SummaryResponse {
  plugin: string;
  /** The user's centres, by name: the form asks for one only when there are several. */
  centres: { id: number; name: string }[];
}
