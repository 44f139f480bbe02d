import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { coreService, type StaffUser } from './core-services';

const CENTRE_UID = 'plugin::core.centre';

/** The centres a staff member works for; every centre for a super-admin. */
export async function centresOf(strapi: Core.Strapi, user: StaffUser): Promise<number[]> {
  const scope = coreService(strapi, 'scope');
  if (scope.isSuperAdmin(user)) {
    const rows = (await strapi.db.query(CENTRE_UID).findMany({ select: ['id'] })) as { id: number }[];
    return rows.map((row) => row.id);
  }
  return scope.centreIdsOf(user.id);
}

/** Another centre's entry answers like a missing one: its existence is not the user's business. */
export function notFound(what: string): InstanceType<typeof errors.NotFoundError> {
  return new errors.NotFoundError(`${what} n’existe pas, ou ne concerne pas vos centres.`);
}
