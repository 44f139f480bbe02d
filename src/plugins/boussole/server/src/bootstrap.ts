import type { Core } from '@strapi/strapi';
import { applyFieldLabels, registerAdminActions } from '@csc/plugin-core/toolkit';
import {
  ACTION_LABELS,
  ACTIONS,
  GLOSSARY_TERM_UID,
  PARTNER_ACTIONS,
  PLUGIN_ID,
  RESOURCE_UID,
} from '../../shared/permissions';
import { coreService } from './core-services';
import { GLOSSARY_LABELS, RESOURCE_LABELS, registerModeratedTypes } from './moderation/types';

const labels = (names: Record<string, string>) =>
  Object.fromEntries(Object.entries(names).map(([field, label]) => [field, { label }]));

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerAdminActions(strapi, PLUGIN_ID, ACTION_LABELS);
  registerModeratedTypes(strapi);
  // The centre's team runs its compasses and writes resources and the glossary of its centres.
  const staffRole = coreService(strapi, 'staffRole');
  staffRole.grant(Object.values(ACTIONS).map((action) => ({ action, subject: null, properties: {}, conditions: [] })));
  staffRole.grantContentTypes([RESOURCE_UID, GLOSSARY_TERM_UID]);
  coreService(strapi, 'directoryContributions').grantPartnerActions([...PARTNER_ACTIONS]);
  await applyFieldLabels(strapi, RESOURCE_UID, labels(RESOURCE_LABELS));
  await applyFieldLabels(strapi, GLOSSARY_TERM_UID, labels(GLOSSARY_LABELS));
};

export default bootstrap;
