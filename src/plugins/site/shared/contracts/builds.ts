/** `GET /site/builds` (admin): the state of each centre's site the user may see. */
export interface SiteBuildStatus {
  centre: { id: number; name: string; slug: string };
  /** Where the CMS serves it when it serves the sites itself. */
  path: string;
  served: boolean;
  state: 'never' | 'waiting' | 'building' | 'ok' | 'failed';
  requestedAt: string | null;
  lastGoodAt: string | null;
  lastGoodDurationMs: number | null;
  finishedAt: string | null;
  /** The end of the failed build's output. */
  error: string | null;
}

export interface SiteBuildsResponse {
  data: SiteBuildStatus[];
}
