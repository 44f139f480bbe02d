/** Settings of the plugin (`config/plugins.ts`, key `pense-bete`), all optional. */
export interface PenseBeteConfig {
  /** Days after which a reminder's number, address and text are dropped (the row stays). */
  anonymiseAfterDays: number;
  /** Days after which a finished reminder is deleted. */
  deleteAfterDays: number;
  /** Most recipients of one group news: this is not a mass-mailing tool. */
  newsMaxRecipients: number;
  /** Most SMS (parts) of group news per centre per calendar month (Paris). */
  newsMonthlySmsPerCentre: number;
  /** Below this many OVH credits, the budget shows a warning. */
  creditsWarningThreshold: number;
  /** Days an e-mail's unsubscribe link keeps working after the e-mail was sent. */
  unsubscribeLinkDays: number;
}

export const DEFAULT_CONFIG: PenseBeteConfig = {
  anonymiseAfterDays: 183,
  deleteAfterDays: 730,
  newsMaxRecipients: 200,
  newsMonthlySmsPerCentre: 1000,
  creditsWarningThreshold: 100,
  unsubscribeLinkDays: 365,
};

export default {
  default: DEFAULT_CONFIG,
  validator(config: Partial<PenseBeteConfig>) {
    for (const key of ['anonymiseAfterDays', 'deleteAfterDays'] as const) {
      const value = config[key];
      if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
        throw new Error(`pense-bete: ${key} must be a whole number of days above 0`);
      }
    }
    const linkDays = config.unsubscribeLinkDays;
    if (linkDays !== undefined && (!Number.isInteger(linkDays) || linkDays < 1)) {
      throw new Error('pense-bete: unsubscribeLinkDays must be a whole number of days above 0');
    }
    const anonymise = config.anonymiseAfterDays ?? DEFAULT_CONFIG.anonymiseAfterDays;
    const remove = config.deleteAfterDays ?? DEFAULT_CONFIG.deleteAfterDays;
    if (remove < anonymise) throw new Error('pense-bete: deleteAfterDays must be at least anonymiseAfterDays');
    for (const key of ['newsMaxRecipients', 'newsMonthlySmsPerCentre', 'creditsWarningThreshold'] as const) {
      const value = config[key];
      if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
        throw new Error(`pense-bete: ${key} must be a whole number, 0 or more`);
      }
    }
  },
};

/** The plugin's settings with their defaults, as services read them. */
export function penseBeteConfig(strapi: { plugin(name: string): { config<T>(key: string): T } }): PenseBeteConfig {
  const read = <K extends keyof PenseBeteConfig>(key: K) =>
    strapi.plugin('pense-bete').config<PenseBeteConfig[K] | undefined>(key) ?? DEFAULT_CONFIG[key];
  return {
    anonymiseAfterDays: read('anonymiseAfterDays'),
    deleteAfterDays: read('deleteAfterDays'),
    newsMaxRecipients: read('newsMaxRecipients'),
    newsMonthlySmsPerCentre: read('newsMonthlySmsPerCentre'),
    creditsWarningThreshold: read('creditsWarningThreshold'),
    unsubscribeLinkDays: read('unsubscribeLinkDays'),
  };
}
