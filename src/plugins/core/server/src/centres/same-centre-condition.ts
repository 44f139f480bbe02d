import type { Core } from '@strapi/strapi';
import { CENTRE_UID, PLUGIN_ID, SAME_CENTRE_CONDITION } from '../../../shared/permissions';
import { getService } from '../utils/get-service';

/**
 * The admin RBAC condition "Même centre": a role's permission on a centre-scoped type (one with
 * a `centre` relation) or on the centres themselves applies only to the user's own centres.
 */
export async function registerSameCentreCondition(strapi: Core.Strapi): Promise<void> {
  await strapi.admin.services.permission.conditionProvider.register({
    displayName: 'Même centre',
    name: SAME_CENTRE_CONDITION.split('.').pop(),
    plugin: PLUGIN_ID,
    category: 'Centres',
    async handler(user: { id: number; permission?: { subject?: string } }) {
      const ids = await getService(strapi, 'scope').centreIdsOf(user.id);
      // No centre, no access: the permission is dropped rather than turned into an empty filter.
      if (ids.length === 0) return false;
      return user.permission?.subject === CENTRE_UID ? { id: { $in: ids } } : { 'centre.id': { $in: ids } };
    },
  });
}
