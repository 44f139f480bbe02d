import type { OffsetInput } from '../../../shared/contracts/pense-bete';
import { repeatOf, splitEnd } from './recurrence';
import type { Translate } from './translate';

/** « J-7 à 10:00 », « le jour même à 10:00 ». */
export const offsetLabel = (t: Translate, offset: OffsetInput) =>
  offset.daysBefore === 0
    ? t('offset.sameDay', { time: offset.time })
    : t('offset.before', { days: offset.daysBefore, time: offset.time });

/** « Chaque mois, jusqu’au 31/12/2027 », « Une seule fois ». */
export function repeatLabel(t: Translate, rule: string | null, day: (date: string) => string): string {
  const repeat = repeatOf(rule);
  const { until } = splitEnd(rule);
  const label = t(`repeat.${repeat}`);
  return until && repeat !== 'none' ? t('repeat.until', { repeat: label, date: day(until) }) : label;
}
