/** `GET /emploi/summary` (admin): what the plugin's home page shows. */
export interface SummaryResponse {
  plugin: string;
  /** Offers online now. */
  live: number;
  /** Live offers whose last day is within the notice period. */
  closingSoon: number;
  /** Offers waiting for the team in core moderation. */
  pending: number;
  /** Employers waiting to be validated. */
  employersToValidate: number;
}
