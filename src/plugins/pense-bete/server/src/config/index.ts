/** Settings of the plugin (`config/plugins.ts`, key `pense-bete`), all optional. */
export interface PenseBeteConfig {
  /** Days after which a reminder's number, address and text are dropped (the row stays). */
  anonymiseAfterDays: number;
  /** Days after which a finished reminder is deleted. */
  deleteAfterDays: number;
  /** Days an e-mail's unsubscribe link keeps working after the e-mail was sent. */
  unsubscribeLinkDays: number;
}

export const DEFAULT_CONFIG: PenseBeteConfig = {
  anonymiseAfterDays: 183,
  deleteAfterDays: 730,
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
  },
};
