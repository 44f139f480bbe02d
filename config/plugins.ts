import path from 'node:path';
import { orExit, readEnvOrExit } from '../src/env';
import { CORE_PLUGIN, enabledLocalPlugins } from '../src/local-plugins';

export default () => {
  const env = readEnvOrExit();
  const local = orExit(() => enabledLocalPlugins(env.pluginsDisabled));
  return {
    // The admin bundle only includes a local plugin when `enabled: true` is explicit.
    ...Object.fromEntries(local.map((plugin) => [plugin.name, { enabled: true, resolve: plugin.resolve }])),
    [CORE_PLUGIN]: {
      enabled: true,
      resolve: local.find((plugin) => plugin.name === CORE_PLUGIN)?.resolve,
      // Core reports which local plugins run (health endpoint); it cannot see folders itself.
      config: { localPlugins: local.map((plugin) => plugin.name) },
    },
    ...(local.some((plugin) => plugin.name === 'site') && {
      site: {
        enabled: true,
        resolve: local.find((plugin) => plugin.name === 'site')?.resolve,
        config: {
          sitesDir: path.resolve(env.sites.dir),
          serve: env.sites.serve,
          rebuildDelaySeconds: env.sites.rebuildDelaySeconds,
          cmsUrl: env.sites.cmsUrl,
        },
      },
    }),
    'users-permissions': { config: { jwtSecret: env.secrets.jwtSecret } },
  };
};
