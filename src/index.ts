import type { Core } from '@strapi/strapi';
import { readEnvOrExit } from './env';
import { assertLocalPluginsLoaded, enabledLocalPlugins } from './local-plugins';
import { seedDemo } from './demo/seed';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    const env = readEnvOrExit();
    assertLocalPluginsLoaded(enabledLocalPlugins(env.pluginsDisabled), (name) => Boolean(strapi.plugin(name)));
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const env = readEnvOrExit();
    if (env.demo.seed) await seedDemo(strapi, env);
  },
};
