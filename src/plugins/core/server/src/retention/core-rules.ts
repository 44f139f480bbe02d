import type { Core } from '@strapi/strapi';
import { AUDIT_UID, PLUGIN_ID } from '../../../shared/permissions';
import type { OutboxConfig } from '../outbox/config';
import { getService } from '../utils/get-service';
import type { RetentionRule } from './registry';

const DAY_MS = 86400000;
/** RDV-Solidarités practice: receipts lose the number and text after 6 months, go after 2 years. */
export const SMS_ANONYMISE_DAYS = 183;
export const SMS_DELETE_DAYS = 730;

/**
 * Core's own rules: the audit log (AUDIT_RETENTION_DAYS), finished jobs (OUTBOX_KEEP_DAYS) and SMS
 * receipts.
 */
export function coreRetentionRules(strapi: Core.Strapi): RetentionRule[] {
  return [
    {
      name: 'core.audit-entries',
      label: 'Journal d’activité ancien',
      async run(now) {
        const days = strapi.plugin(PLUGIN_ID).config<{ auditDays: number }>('retention').auditDays;
        const { count } = await strapi.db
          .query(AUDIT_UID)
          .deleteMany({ where: { createdAt: { $lt: new Date(now.getTime() - days * DAY_MS) } } });
        return { anonymised: 0, deleted: count };
      },
    },
    {
      name: 'core.jobs',
      label: 'Tâches terminées de la file d’attente',
      async run(now) {
        const days = strapi.plugin(PLUGIN_ID).config<OutboxConfig>('outbox').keepDays;
        const deleted = await getService(strapi, 'outbox').deleteFinishedBefore(
          new Date(now.getTime() - days * DAY_MS),
        );
        return { anonymised: 0, deleted };
      },
    },
    {
      name: 'core.sms-receipts',
      label: 'Accusés d’envoi des SMS',
      async run(now) {
        const sms = getService(strapi, 'sms');
        const deleted = await sms.deleteOlderThan(new Date(now.getTime() - SMS_DELETE_DAYS * DAY_MS));
        const anonymised = await sms.anonymiseOlderThan(new Date(now.getTime() - SMS_ANONYMISE_DAYS * DAY_MS));
        return { anonymised: anonymised.count, deleted: deleted.count };
      },
    },
  ];
}
