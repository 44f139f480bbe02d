import type { Core } from '@strapi/strapi';
import { ACTIONS } from '../../../../shared/permissions';
import { getService } from '../../utils/get-service';
import { CORRECTION_LINK_JOB } from './corrections';
import { registerDirectoryModeration } from './moderated-types';

/** Called from core's bootstrap: moderation of contributions, the correction e-mail job, the team's right to send links. */
export function bootstrapDirectoryContributions(strapi: Core.Strapi): void {
  registerDirectoryModeration(strapi);
  getService(strapi, 'outbox').handle(
    CORRECTION_LINK_JOB,
    async (payload) => {
      // A structure deleted or unpublished since, or without e-mail any more: nothing to send.
      await getService(strapi, 'directoryContributions').corrections.deliverLink(payload);
    },
    { label: 'Annuaire : lien de correction envoyé à une structure', publicFields: ['structure'], maxAttempts: 5 },
  );
  getService(strapi, 'staffRole').grant([
    { action: ACTIONS.sendCorrectionLink, subject: null, properties: {}, conditions: [] },
  ]);
}
