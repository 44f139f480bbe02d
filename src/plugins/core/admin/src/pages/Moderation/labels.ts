import type { ModerationDecision, ModerationItemDetail } from '../../../../shared/contracts/moderation';

/** Badge colours of the reasons an item is in the queue. */
export const REASON_VARIANTS = {
  new: 'primary',
  edit: 'secondary',
  reported: 'danger',
  'pending-too-long': 'warning',
  'possible-duplicate': 'alternative',
} as const;

export const STATUS_VARIANTS = {
  pending: 'neutral',
  accepted: 'success',
  refused: 'danger',
  'changes-requested': 'warning',
} as const;

/** The translation key saying what a decision will do to this item's content. */
export function effectKey(decision: ModerationDecision, item: ModerationItemDetail): string {
  if (decision === 'request-changes') return 'moderation.effect.changes';
  if (item.kind === 'report') {
    if (decision === 'refuse') return 'moderation.effect.refuse.report';
    return item.published ? 'moderation.effect.accept.report.online' : 'moderation.effect.accept.report.hidden';
  }
  return `moderation.effect.${decision}.${item.kind}.${item.mode}`;
}

/** Whether the person will get an e-mail about this decision. */
export function notifies(decision: ModerationDecision, item: ModerationItemDetail): boolean {
  return Boolean(item.submitterEmail) && !(decision === 'accept' && item.kind === 'report');
}

/** A field value as staff read it. */
export function shown(value: unknown, yes: string, no: string, empty: string): string {
  if (value === null || value === undefined || value === '') return empty;
  if (typeof value === 'boolean') return value ? yes : no;
  if (typeof value === 'object') return JSON.stringify(value, null, 2);
  return String(value);
}
