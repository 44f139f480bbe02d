import type { Core } from '@strapi/strapi';
import type { OverviewResponse } from '../../../shared/contracts/overview';
import { CENTRE_UID } from '../../../shared/permissions';
import { getService } from '../utils/get-service';

const createOverviewService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async get(): Promise<OverviewResponse> {
    const [health, centres] = await Promise.all([
      getService(strapi, 'health').check(),
      strapi.documents(CENTRE_UID).count({}),
    ]);
    return { health, centres };
  },
});

export type OverviewService = ReturnType<typeof createOverviewService>;
export default createOverviewService;
