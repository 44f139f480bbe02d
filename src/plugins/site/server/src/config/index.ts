export interface SiteConfig {
  /** Absolute folder holding `<centre>/current` and its builds. */
  sitesDir: string;
  /** Rebuild after each publication (off in most tests: builds are slow and run in the background). */
  autoRebuild: boolean;
  /** Serve the built sites under /sites/<centre>/ from the CMS (the demo). */
  serve: boolean;
  /** Edits within this window make one rebuild. */
  rebuildDelaySeconds: number;
  /** Where the build reads the CMS; unset: this instance's own address. */
  cmsUrl?: string;
}

export default {
  default: { sitesDir: '.tmp/sites', autoRebuild: true, serve: true, rebuildDelaySeconds: 15 } satisfies SiteConfig,
  validator(config: SiteConfig) {
    if (typeof config.sitesDir !== 'string' || config.sitesDir === '') throw new Error('site: sitesDir is required');
    if (!Number.isInteger(config.rebuildDelaySeconds) || config.rebuildDelaySeconds < 1) {
      throw new Error('site: rebuildDelaySeconds must be a whole number of seconds');
    }
  },
};
