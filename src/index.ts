import type { Core } from '@strapi/strapi';
import { describeConnectionFailure, readEnvOrExit } from './env';
import { assertLocalPluginsLoaded, enabledLocalPlugins } from './local-plugins';
import { seedDemo } from './demo/seed';

/**
 * Knex reports an unreachable database as a bare socket error with a stack trace; checking
 * once before the schema sync gives one line that says what to fix, and a non-zero exit.
 */
async function assertDatabaseReachable(strapi: Core.Strapi): Promise<void> {
  try {
    await strapi.db.connection.raw('select 1');
  } catch (error) {
    process.stderr.write(`Database error: ${describeConnectionFailure(readEnvOrExit().database, error)}\n`);
    process.exit(1);
  }
}

export default {
  async register({ strapi }: { strapi: Core.Strapi }) {
    const env = readEnvOrExit();
    assertLocalPluginsLoaded(enabledLocalPlugins(env.pluginsDisabled), (name) => Boolean(strapi.plugin(name)));
    await assertDatabaseReachable(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const env = readEnvOrExit();
    // Here rather than in core's bootstrap: it must follow the admin's default roles.
    await (strapi.plugin('core').service('staffRole') as { ensure(): Promise<void> }).ensure();
    // Likewise after Users & Permissions, which creates its default roles only when none exists.
    await (
      strapi.plugin('core').service('directoryContributions') as { ensurePartnerRole(): Promise<void> }
    ).ensurePartnerRole();
    if (env.demo.seed) await seedDemo(strapi, env);
  },
};
