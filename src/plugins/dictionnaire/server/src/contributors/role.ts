import type { Core } from '@strapi/strapi';
import { CONTRIBUTOR_ACTIONS, CONTRIBUTOR_ROLE } from '../../../shared/permissions';

const ROLE_UID = 'plugin::users-permissions.role';
const PERMISSION_UID = 'plugin::users-permissions.permission';

/**
 * The Users & Permissions role « Contributeur du dictionnaire », created with its permissions
 * the first time a structure is validated (Users & Permissions has made its default roles by
 * then, whatever the boot order), and left alone afterwards: an administrator's changes stay.
 */
export async function ensureContributorRole(strapi: Core.Strapi): Promise<number> {
  const roles = strapi.db.query(ROLE_UID);
  const existing = (await roles.findOne({ where: { type: CONTRIBUTOR_ROLE.type }, select: ['id'] })) as {
    id: number;
  } | null;
  if (existing) return existing.id;
  const role = (await roles.create({ data: { ...CONTRIBUTOR_ROLE } })) as { id: number };
  for (const action of CONTRIBUTOR_ACTIONS) {
    await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
  }
  return role.id;
}
