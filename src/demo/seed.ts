import type { Core } from '@strapi/strapi';
import type { Env } from '../env';
import { CORE_PLUGIN, enabledLocalPlugins } from '../local-plugins';

interface DemoService {
  seed(): Promise<void>;
}

/**
 * Demo data ships with each plugin (its `demo` service) so the demo and the tests build the
 * same data; core goes first because every product's data hangs off its centre.
 */
async function seedPlugins(strapi: Core.Strapi, env: Env): Promise<void> {
  const names = enabledLocalPlugins(env.pluginsDisabled)
    .map((plugin) => plugin.name)
    .sort((a, b) => Number(b === CORE_PLUGIN) - Number(a === CORE_PLUGIN));
  for (const name of names) {
    const service = strapi.plugin(name)?.service('demo') as DemoService | undefined;
    if (service) await service.seed();
  }
}

/**
 * The demo super-admin follows `.env`: the password is reset on every demo start so the
 * credentials printed by `npm run demo` always work, and French is chosen for the admin.
 */
async function seedSuperAdmin(strapi: Core.Strapi, env: Env): Promise<void> {
  const users = strapi.service('admin::user');
  const roles = strapi.service('admin::role');
  const superAdmin = await roles.getSuperAdmin();
  if (!superAdmin) throw new Error('The super-admin role is missing');
  const email = env.demo.adminEmail.toLowerCase();
  const existing = await strapi.db.query('admin::user').findOne({ where: { email } });
  const attributes = {
    firstname: 'Admin',
    lastname: 'Démo',
    password: env.demo.adminPassword,
    isActive: true,
    blocked: false,
    preferedLanguage: 'fr',
    roles: [superAdmin.id],
  };
  if (existing) await users.updateById(existing.id, attributes);
  else await users.create({ ...attributes, email, registrationToken: null });
}

export async function seedDemo(strapi: Core.Strapi, env: Env): Promise<void> {
  await seedPlugins(strapi, env);
  await seedSuperAdmin(strapi, env);
  strapi.log.info('Demo data is in place');
}
