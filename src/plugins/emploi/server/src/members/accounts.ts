import type { Core } from '@strapi/strapi';
import { fieldError } from '@csc/plugin-core/toolkit';

const USER_UID = 'plugin::users-permissions.user';
const ROLE_UID = 'plugin::users-permissions.role';

/** A Users & Permissions role of the members' spaces, created the first time it is needed. */
export async function roleId(
  strapi: Core.Strapi,
  role: { name: string; description: string; type: string },
): Promise<number> {
  const found = (await strapi.db.query(ROLE_UID).findOne({ where: { type: role.type }, select: ['id'] })) as {
    id: number;
  } | null;
  if (found) return found.id;
  return ((await strapi.db.query(ROLE_UID).create({ data: { ...role } })) as { id: number }).id;
}

/** A member's account; an address already taken is a French error on `email`. */
export async function createUser(strapi: Core.Strapi, email: string, password: string, role: number): Promise<number> {
  const taken = await strapi.db.query(USER_UID).count({ where: { $or: [{ email }, { username: email }] } });
  if (taken > 0) throw fieldError('email', 'Un compte existe déjà avec cette adresse : connectez-vous.');
  const user = (await strapi
    .plugin('users-permissions')
    .service('user')
    .add({ username: email, email, password, provider: 'local', confirmed: true, blocked: false, role })) as {
    id: number;
  };
  return user.id;
}

/** The centre chosen by its slug, or the only one of the install. */
export async function centreOf(strapi: Core.Strapi, slug: string | undefined): Promise<number> {
  const centres = strapi.db.query('plugin::core.centre');
  if (slug) {
    const centre = (await centres.findOne({ where: { slug }, select: ['id'] })) as { id: number } | null;
    if (!centre) throw fieldError('centre', 'Ce centre n’existe pas.');
    return centre.id;
  }
  const all = (await centres.findMany({ select: ['id'], limit: 2 })) as { id: number }[];
  if (all.length !== 1) throw fieldError('centre', 'Indiquez votre centre social.');
  return all[0].id;
}
