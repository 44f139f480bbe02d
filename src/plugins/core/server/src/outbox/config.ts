/** Tunables of the outbox; the app sets them from the OUTBOX_* environment variables. */
export interface OutboxConfig {
  /** Run the worker and the recurring schedules in this instance. */
  worker: boolean;
  /** Pause between two looks at an idle queue. */
  pollIntervalMs: number;
  /** Jobs claimed at once. */
  batchSize: number;
  /** Jobs of a batch run at the same time. */
  concurrency: number;
  /** How long a claimed job stays reserved without news from its worker. */
  leaseSeconds: number;
  /** Attempts before a failing job is dead, unless the job or its handler says otherwise. */
  maxAttempts: number;
  /** First wait before a retry; doubles at each attempt, with jitter. */
  retryBaseSeconds: number;
  /** Longest wait between two attempts. */
  retryMaxSeconds: number;
  /** Finished jobs are deleted by the daily retention this many days after they finished. */
  keepDays: number;
}

export const DEFAULT_OUTBOX_CONFIG: OutboxConfig = {
  worker: true,
  pollIntervalMs: 1000,
  batchSize: 50,
  concurrency: 10,
  leaseSeconds: 60,
  maxAttempts: 5,
  retryBaseSeconds: 30,
  retryMaxSeconds: 3600,
  keepDays: 30,
};

export function validateOutboxConfig(config: OutboxConfig): void {
  if (typeof config?.worker !== 'boolean') throw new Error('core: outbox.worker must be true or false');
  const positive: (keyof OutboxConfig)[] = [
    'pollIntervalMs',
    'batchSize',
    'concurrency',
    'leaseSeconds',
    'maxAttempts',
    'retryBaseSeconds',
    'retryMaxSeconds',
    'keepDays',
  ];
  for (const key of positive) {
    const value = config[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      throw new Error(`core: outbox.${key} must be a whole number above 0`);
    }
  }
  if (config.retryMaxSeconds < config.retryBaseSeconds) {
    throw new Error('core: outbox.retryMaxSeconds must be at least outbox.retryBaseSeconds');
  }
}
