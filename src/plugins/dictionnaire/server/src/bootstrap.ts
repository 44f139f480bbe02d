import type { Core } from '@strapi/strapi';
import { applyFieldLabels, registerAdminActions, coreService } from '@csc/plugin-core/toolkit';
import {
  ACTIONS,
  ACTION_LABELS,
  DEFINITION_UID,
  PLUGIN_ID,
  REQUEST_UID,
  STRUCTURE_UID,
  WORD_UID,
} from '../../shared/permissions';
import { DEFINITION_LABELS, REQUEST_LABELS, STRUCTURE_LABELS, WORD_LABELS } from './labels';
import { registerDefinitionModeration } from './moderation/definition-type';
import { personalDataTypes } from './privacy/personal-data';
import { getService } from './utils/get-service';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerAdminActions(strapi, PLUGIN_ID, ACTION_LABELS);
  await applyFieldLabels(strapi, WORD_UID, WORD_LABELS);
  await applyFieldLabels(strapi, DEFINITION_UID, DEFINITION_LABELS);
  await applyFieldLabels(strapi, STRUCTURE_UID, STRUCTURE_LABELS);
  await applyFieldLabels(strapi, REQUEST_UID, REQUEST_LABELS);
  registerDefinitionModeration(strapi);
  for (const type of personalDataTypes(strapi)) coreService(strapi, 'gdpr').register(type);
  getService(strapi, 'notices').registerJobs();
  // The dictionary is the whole install's: the team reads it and validates contributors.
  coreService(strapi, 'staffRole').grant(
    [ACTIONS.read, ACTIONS.manageStructures].map((action) => ({
      action,
      subject: null,
      properties: {},
      conditions: [],
    })),
  );
};

export default bootstrap;
