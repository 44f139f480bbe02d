import { smsConfigProblem, type SmsConfig } from '../sms/config';

export interface CoreConfig {
  /** Names of the local plugins this install runs; set by config/plugins.ts. */
  localPlugins: string[];
  /** The SMS channel: provider and credentials (from the environment), sending hours. */
  sms?: Partial<SmsConfig>;
}

export default {
  default: { localPlugins: [] } satisfies CoreConfig,
  validator(config: CoreConfig) {
    if (!Array.isArray(config.localPlugins) || config.localPlugins.some((name) => typeof name !== 'string')) {
      throw new Error('core: localPlugins must be a list of plugin names');
    }
    const smsProblem = smsConfigProblem(config.sms);
    if (smsProblem) throw new Error(`core: ${smsProblem}`);
  },
};
