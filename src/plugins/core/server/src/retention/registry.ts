/** One kind of data kept only for a while: what to delete or anonymise once its time is up. */
export interface RetentionRule {
  /** Unique, e.g. `core.audit-entries`. */
  name: string;
  /** French, shown in the audit log, e.g. « Journal d’activité de plus de 3 ans ». */
  label: string;
  /** Deletes or anonymises what is older than its limit at `now`; returns the counts (no personal data). */
  run(now: Date): Promise<{ anonymised: number; deleted: number }>;
}

export interface RetentionOutcome {
  name: string;
  label: string;
  anonymised: number;
  deleted: number;
  /** Set when the rule failed; the others still ran. */
  error?: string;
}
