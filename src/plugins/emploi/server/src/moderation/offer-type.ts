import type { Core } from '@strapi/strapi';
import { OFFER_UID } from '../../../shared/permissions';
import { coreService } from '../core-services';
import { OFFER_FIELD_LABELS } from '../labels';

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/**
 * Offers from employers' and partners' accounts wait in core moderation as drafts until the
 * centre accepts them; staff writing in the content manager publish directly. Two proposals of
 * the same job at the same employer are flagged side by side, never merged.
 */
export function registerOfferModeration(strapi: Core.Strapi): void {
  coreService(strapi, 'moderation').register({
    uid: OFFER_UID,
    label: 'Offre d’emploi',
    mode: 'pre',
    titleOf: (entry) => [text(entry.title), text(entry.employerName), text(entry.commune)].filter(Boolean).join(' — '),
    duplicateKey: (entry) => `${text(entry.title)} ${text(entry.employerName)}`,
    submitterEmailOf: (entry) => (typeof entry.posterEmail === 'string' ? entry.posterEmail : null),
    fieldLabels: OFFER_FIELD_LABELS,
  });
}
