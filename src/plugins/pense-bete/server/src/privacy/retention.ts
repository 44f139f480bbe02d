import type { Core } from '@strapi/strapi';
import type { RetentionRule } from '@csc/plugin-core/toolkit';
import { PLUGIN_ID, REMINDER_UID } from '../../../shared/permissions';
import type { PenseBeteConfig } from '../config';

const DAY_MS = 86_400_000;
const SETTLED = ['sent', 'delivered', 'failed', 'cancelled', 'dropped'];

/**
 * Reminders keep the number, address and text for six months, then only what happened, and are
 * deleted after two years (RDV-Solidarités' practice; both configurable).
 */
export function reminderRetention(strapi: Core.Strapi): RetentionRule {
  return {
    name: 'pense-bete.reminders',
    label: 'Rappels du Pense-bête : texte et numéro effacés après 6 mois, rappels supprimés après 2 ans',
    async run(now: Date) {
      const config = strapi.plugin(PLUGIN_ID).config as unknown as <K extends keyof PenseBeteConfig>(
        key: K,
      ) => PenseBeteConfig[K];
      const anonymiseBefore = new Date(now.getTime() - config('anonymiseAfterDays') * DAY_MS);
      const deleteBefore = new Date(now.getTime() - config('deleteAfterDays') * DAY_MS);
      const { count: deleted } = await strapi.db
        .query(REMINDER_UID)
        .deleteMany({ where: { status: { $in: SETTLED }, sendAt: { $lt: deleteBefore } } });
      const { count: anonymised } = await strapi.db.query(REMINDER_UID).updateMany({
        where: { status: { $in: SETTLED }, sendAt: { $lt: anonymiseBefore }, anonymisedAt: { $null: true } },
        data: { recipient: null, message: null, anonymisedAt: now },
      });
      return { anonymised, deleted };
    },
  };
}
