export interface CoreConfig {
  /** Names of the local plugins this install runs; set by config/plugins.ts. */
  localPlugins: string[];
  /** `capture`: every e-mail is kept in the admin and never sent; set from EMAIL_MODE. */
  mail: { mode: 'smtp' | 'capture' };
}

export default {
  default: { localPlugins: [], mail: { mode: 'capture' } } satisfies CoreConfig,
  validator(config: CoreConfig) {
    if (!Array.isArray(config.localPlugins) || config.localPlugins.some((name) => typeof name !== 'string')) {
      throw new Error('core: localPlugins must be a list of plugin names');
    }
    if (!['smtp', 'capture'].includes(config.mail?.mode)) {
      throw new Error('core: mail.mode must be smtp or capture');
    }
  },
};
