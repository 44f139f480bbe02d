import type { TestApp } from './strapi';

export interface StaffAccount {
  id: number;
  email: string;
  token: string;
}

/**
 * An admin-panel account with the given roles (by name, or the super-admin), logged in through
 * the real /admin/login route so its token carries exactly what the user would have.
 */
export async function createStaff(
  app: TestApp,
  email: string,
  roleNames: Array<'super-admin' | string>,
): Promise<StaffAccount> {
  const password = 'Centre-social-2026';
  const roleService = app.strapi.service('admin::role');
  const roleIds: number[] = [];
  for (const name of roleNames) {
    const role =
      name === 'super-admin'
        ? await roleService.getSuperAdmin()
        : await app.strapi.db.query('admin::role').findOne({ where: { name } });
    if (!role) throw new Error(`No admin role named ${name}`);
    roleIds.push(role.id);
  }
  const user = await app.strapi.service('admin::user').create({
    email,
    firstname: email.split('@')[0],
    password,
    isActive: true,
    roles: roleIds,
  });
  const login = await app.http().post('/admin/login').send({ email, password });
  if (login.status !== 200) throw new Error(`Login of ${email} failed with ${login.status}`);
  return { id: user.id, email, token: login.body.data.token };
}
