import { CONTRACTS, SECTORS, type Contract, type Sector } from '@csc/plugin-emploi/shared';
import { longDate } from '@csc/site-shared/lib/dates';
import { t } from '@csc/site-shared/i18n/t';

const CONTRACT_LABELS = new Map<string, string>(CONTRACTS.map((item) => [item.value, item.label]));
const SECTOR_LABELS = new Map<string, string>(SECTORS.map((item) => [item.value, item.label]));

export const contractLabel = (contract: Contract) => CONTRACT_LABELS.get(contract) ?? contract;
export const sectorLabel = (sector: Sector | null) => (sector ? (SECTOR_LABELS.get(sector) ?? sector) : null);

/** French full time is 35 hours a week, as in the JobPosting's employment type. */
const FULL_TIME_HOURS = 35;

/** « CDD, 24 heures par semaine (temps partiel) ». */
export function contractInWords(contract: Contract, hoursPerWeek: number | null): string {
  if (hoursPerWeek === null) return contractLabel(contract);
  const hours = hoursPerWeek.toLocaleString('fr-FR', { maximumFractionDigits: 1 });
  const time = hoursPerWeek >= FULL_TIME_HOURS ? t('emploi.hours.full') : t('emploi.hours.part');
  return `${contractLabel(contract)}, ${t('emploi.hours.perWeek', { hours })} (${time})`;
}

/** « mardi 3 décembre 2026 » for a calendar day (YYYY-MM-DD), whatever the build machine's zone. */
export const dayInWords = (day: string) => longDate(`${day}T12:00:00Z`);

/** « 1 offre », « 12 offres », « aucune offre ». */
export function offerCount(total: number): string {
  if (total === 0) return t('emploi.count.none');
  return total === 1 ? t('emploi.count.one') : t('emploi.count.many', { count: total });
}
