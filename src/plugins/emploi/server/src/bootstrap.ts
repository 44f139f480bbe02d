import type { Core } from '@strapi/strapi';
import { applyFieldLabels, registerAdminActions } from '@csc/plugin-core/toolkit';
import { ACTION_LABELS, ACTIONS, EMPLOYER_UID, OFFER_UID, PARTNER_ACTIONS, PLUGIN_ID } from '../../shared/permissions';
import { coreService } from './core-services';
import { EMPLOYER_LABELS, offerLabels } from './labels';
import { registerOfferModeration } from './moderation/offer-type';
import { personalDataTypes } from './privacy/personal-data';
import { getService } from './utils/get-service';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerAdminActions(strapi, PLUGIN_ID, ACTION_LABELS);
  registerOfferModeration(strapi);
  for (const type of personalDataTypes(strapi)) coreService(strapi, 'gdpr').register(type);
  getService(strapi, 'expiry').registerJobs();
  getService(strapi, 'profileExpiry').registerJobs();
  getService(strapi, 'members').registerJobs();
  getService(strapi, 'messages').registerJobs();
  getService(strapi, 'groupMessages').registerJobs();
  getService(strapi, 'passwords').registerJobs();
  if (!getService(strapi, 'passwords').siteUrl()) {
    // Said at start, where the install is set up: otherwise members would wait for a mail that never leaves.
    strapi.log.warn('emploi: set EMPLOI_SITE_URL or PUBLIC_URL, or no password link can be e-mailed to members.');
  }
  // The centre's team publishes offers directly and validates employers of its centres.
  const staffRole = coreService(strapi, 'staffRole');
  staffRole.grant(Object.values(ACTIONS).map((action) => ({ action, subject: null, properties: {}, conditions: [] })));
  staffRole.grantContentTypes([OFFER_UID, EMPLOYER_UID]);
  coreService(strapi, 'directoryContributions').grantPartnerActions([...PARTNER_ACTIONS]);
  const days = (key: string) => Number(strapi.config.get(`plugin::emploi.${key}`));
  await applyFieldLabels(strapi, OFFER_UID, offerLabels(days('offerDefaultDays'), days('offerMaxDays')));
  await applyFieldLabels(strapi, EMPLOYER_UID, EMPLOYER_LABELS);
};

export default bootstrap;
