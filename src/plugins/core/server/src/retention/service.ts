import type { Core } from '@strapi/strapi';
import { describeFailure } from '../outbox/errors';
import { getService } from '../utils/get-service';
import { coreRetentionRules } from './core-rules';
import type { RetentionOutcome, RetentionRule } from './registry';

/** The outbox job that runs every rule, once a day. */
export const RETENTION_JOB = 'core.retention';
export const RETENTION_TIME = '03:30';

/**
 * Retention rules of every plugin, run together by the daily `core.retention` job. Each run of a
 * rule writes an audit entry `retention.run` with its counts, even when they are zero: the log
 * then shows that the retention policy is applied.
 */
const createRetentionService = ({ strapi }: { strapi: Core.Strapi }) => {
  const rules = new Map<string, RetentionRule>();
  const add = (rule: RetentionRule) => {
    if (!/^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)+$/.test(rule.name)) {
      throw new Error(`Retention rule name "${rule.name}" must look like <plugin>.<what>`);
    }
    if (rules.has(rule.name)) throw new Error(`Retention rule ${rule.name} is already registered`);
    rules.set(rule.name, rule);
  };
  for (const rule of coreRetentionRules(strapi)) add(rule);

  return {
    /** Products declare their rules here, in their register or bootstrap. */
    register(rule: RetentionRule): void {
      add(rule);
    },

    list(): { name: string; label: string }[] {
      return [...rules.values()].map(({ name, label }) => ({ name, label }));
    },

    /**
     * Runs every rule (one failing does not stop the others) and audits each; throws at the end
     * if any failed, so that the job is retried (rules are idempotent: what is gone stays gone).
     */
    async runAll(now: Date = new Date()): Promise<RetentionOutcome[]> {
      const outcomes: RetentionOutcome[] = [];
      for (const rule of rules.values()) {
        let outcome: RetentionOutcome;
        try {
          const { anonymised, deleted } = await rule.run(now);
          outcome = { name: rule.name, label: rule.label, anonymised, deleted };
        } catch (error) {
          outcome = { name: rule.name, label: rule.label, anonymised: 0, deleted: 0, error: describeFailure(error) };
        }
        outcomes.push(outcome);
        await getService(strapi, 'audit').record({
          action: 'retention.run',
          actor: { type: 'system', id: null },
          details: {
            rule: rule.name,
            anonymised: outcome.anonymised,
            deleted: outcome.deleted,
            ...(outcome.error ? { failed: true } : {}),
          },
        });
      }
      const failed = outcomes.filter((outcome) => outcome.error);
      if (failed.length > 0) {
        throw new Error(`Règles de conservation en échec : ${failed.map((o) => `${o.name} (${o.error})`).join(' ; ')}`);
      }
      return outcomes;
    },
  };
};

export type RetentionService = ReturnType<typeof createRetentionService>;
export default createRetentionService;
