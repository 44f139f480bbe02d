import { DEFAULT_OUTBOX_CONFIG, validateOutboxConfig, type OutboxConfig } from '../outbox/config';

export interface CoreConfig {
  /** Names of the local plugins this install runs; set by config/plugins.ts. */
  localPlugins: string[];
  /** Jobs outbox tunables; set by config/plugins.ts from the OUTBOX_* variables. */
  outbox: OutboxConfig;
  /** Retention of core's own data; set by config/plugins.ts. */
  retention: { auditDays: number };
}

export default {
  default: {
    localPlugins: [],
    outbox: DEFAULT_OUTBOX_CONFIG,
    retention: { auditDays: 1095 },
  } satisfies CoreConfig,
  validator(config: CoreConfig) {
    if (!Array.isArray(config.localPlugins) || config.localPlugins.some((name) => typeof name !== 'string')) {
      throw new Error('core: localPlugins must be a list of plugin names');
    }
    validateOutboxConfig(config.outbox);
    if (!Number.isInteger(config.retention?.auditDays) || config.retention.auditDays < 1) {
      throw new Error('core: retention.auditDays must be a whole number of days');
    }
  },
};
