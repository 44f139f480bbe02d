import type { Core } from '@strapi/strapi';
import { applyFieldLabels, registerAdminActions } from '@csc/plugin-core/toolkit';
import { ACTION_LABELS, ACTIVITY_UID, NEWS_UID, PAGE_UID, PLUGIN_ID } from '../../shared/permissions';
import { ACTIVITY_LABELS, NEWS_LABELS, PAGE_LABELS } from './labels';
import { getService } from './utils/get-service';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerAdminActions(strapi, PLUGIN_ID, ACTION_LABELS);
  await applyFieldLabels(strapi, ACTIVITY_UID, ACTIVITY_LABELS);
  await applyFieldLabels(strapi, NEWS_UID, NEWS_LABELS);
  await applyFieldLabels(strapi, PAGE_UID, PAGE_LABELS);
  getService(strapi, 'builds').registerJob();
};

export default bootstrap;
