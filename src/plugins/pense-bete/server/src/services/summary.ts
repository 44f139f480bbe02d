import type { Core } from '@strapi/strapi';
import type { SummaryResponse } from '../../../shared/contracts/summary';
import { PLUGIN_ID } from '../../../shared/permissions';
import type { StaffUser } from '../core-services';
import { centresOf } from '../staff-scope';

const CENTRE_UID = 'plugin::core.centre';

const createSummaryService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async get(user: StaffUser): Promise<SummaryResponse> {
    const ids = await centresOf(strapi, user);
    const centres =
      ids.length === 0
        ? []
        : ((await strapi.db.query(CENTRE_UID).findMany({
            where: { id: { $in: ids } },
            select: ['id', 'name'],
            orderBy: [{ name: 'asc' }, { id: 'asc' }],
          })) as { id: number; name: string }[]);
    return { plugin: PLUGIN_ID, centres: centres.map(({ id, name }) => ({ id, name })) };
  },
});

export default createSummaryService;
