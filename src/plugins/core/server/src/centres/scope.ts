import type { Core } from '@strapi/strapi';
import { CENTRE_UID } from '../../../shared/permissions';

export const SUPER_ADMIN_CODE = 'strapi-super-admin';

export interface AdminUserLike {
  id: number | string;
  roles?: { code?: string }[];
}

/**
 * Which centres a staff member works for. Every place that lists, counts or exports centre data
 * for staff (content manager through the "same centre" condition, plugin admin pages, exports)
 * asks here, so the rule lives once.
 */
const createScopeService = ({ strapi }: { strapi: Core.Strapi }) => ({
  isSuperAdmin(user: AdminUserLike): boolean {
    return Boolean(user.roles?.some((role) => role.code === SUPER_ADMIN_CODE));
  },

  async centreIdsOf(userId: number | string): Promise<number[]> {
    const rows = await strapi.db.query(CENTRE_UID).findMany({ where: { staff: { id: userId } }, select: ['id'] });
    return rows.map((row: { id: number }) => row.id);
  },

  /**
   * A query filter limiting `uid` to the user's centres, or `undefined` for a super-admin, who
   * sees every centre. A staff member without a centre gets a filter that matches nothing.
   */
  async filterFor(user: AdminUserLike, uid: string): Promise<Record<string, unknown> | undefined> {
    if (this.isSuperAdmin(user)) return undefined;
    const ids = await this.centreIdsOf(user.id);
    return uid === CENTRE_UID ? { id: { $in: ids } } : { centre: { id: { $in: ids } } };
  },
});

export type ScopeService = ReturnType<typeof createScopeService>;
export default createScopeService;
