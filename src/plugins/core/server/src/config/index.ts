export interface CoreConfig {
  /** Names of the local plugins this install runs; set by config/plugins.ts. */
  localPlugins: string[];
  /** `capture`: every e-mail is kept in the admin and never sent; set from EMAIL_MODE. */
  mail: { mode: 'smtp' | 'capture' };
  moderation: {
    /** Different people whose reports hide a published entry until a moderator decides. */
    reportThreshold: number;
    /** Days after which a waiting item is flagged as pending too long. */
    pendingDays: number;
    /** Keys the fingerprints of reporters; from the environment's encryption key. */
    reporterSecret: string;
  };
}

const positiveInteger = (value: unknown) => Number.isInteger(value) && (value as number) > 0;

export default {
  default: {
    localPlugins: [],
    mail: { mode: 'capture' },
    moderation: { reportThreshold: 3, pendingDays: 7, reporterSecret: '' },
  } satisfies CoreConfig,
  validator(config: CoreConfig) {
    if (!Array.isArray(config.localPlugins) || config.localPlugins.some((name) => typeof name !== 'string')) {
      throw new Error('core: localPlugins must be a list of plugin names');
    }
    if (!['smtp', 'capture'].includes(config.mail?.mode)) {
      throw new Error('core: mail.mode must be smtp or capture');
    }
    const { reportThreshold, pendingDays, reporterSecret } = config.moderation ?? {};
    if (!positiveInteger(reportThreshold) || !positiveInteger(pendingDays)) {
      throw new Error('core: moderation.reportThreshold and moderation.pendingDays must be positive whole numbers');
    }
    if (typeof reporterSecret !== 'string' || reporterSecret.length < 8) {
      throw new Error('core: moderation.reporterSecret must be set (config/plugins.ts passes ENCRYPTION_KEY)');
    }
  },
};
