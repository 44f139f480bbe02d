import type { Core } from '@strapi/strapi';
import type { SummaryResponse } from '../../../shared/contracts/summary';
import { PLUGIN_ID } from '../../../shared/permissions';

const createSummaryService = (_context: { strapi: Core.Strapi }) => ({
  async get(): Promise<SummaryResponse> {
    return { plugin: PLUGIN_ID };
  },
});

export default createSummaryService;
