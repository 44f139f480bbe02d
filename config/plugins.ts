import path from 'node:path';
import { orExit, readEnvOrExit } from '../src/env';
import { CORE_PLUGIN, enabledLocalPlugins, testPlugins } from '../src/local-plugins';

export default () => {
  const env = readEnvOrExit();
  const local = orExit(() => enabledLocalPlugins(env.pluginsDisabled));
  const { smtp } = env.mail;
  return {
    // The admin bundle only includes a local plugin when `enabled: true` is explicit.
    ...Object.fromEntries(local.map((plugin) => [plugin.name, { enabled: true, resolve: plugin.resolve }])),
    [CORE_PLUGIN]: {
      enabled: true,
      resolve: local.find((plugin) => plugin.name === CORE_PLUGIN)?.resolve,
      config: {
        // Core reports which local plugins run (health endpoint); it cannot see folders itself.
        localPlugins: local.map((plugin) => plugin.name),
        geocoding: env.geocoding,
        sms: env.sms,
        outbox: env.outbox,
        retention: env.retention,
        // In capture mode core keeps every e-mail in the admin instead of handing it to SMTP.
        mail: { mode: env.mail.mode },
        moderation: {
          ...env.moderation,
          // Keys the one-way fingerprints of people who report content (never stored in clear).
          reporterSecret: env.secrets.encryptionKey,
        },
        // Seals secrets stored in the database (a centre's own provider keys), AES-256-GCM.
        secretsKey: env.secrets.encryptionKey,
      },
    },
    // Test-only plugins (TEST_PLUGINS, refused in production): fixtures the test harness mounts.
    ...Object.fromEntries(
      orExit(() => testPlugins(env.testPlugins)).map((plugin) => [
        plugin.name,
        { enabled: true, resolve: plugin.resolve },
      ]),
    ),
    ...(local.some((plugin) => plugin.name === 'site') && {
      site: {
        enabled: true,
        resolve: local.find((plugin) => plugin.name === 'site')?.resolve,
        config: {
          sitesDir: path.resolve(env.sites.dir),
          autoRebuild: env.sites.autoRebuild,
          serve: env.sites.serve,
          rebuildDelaySeconds: env.sites.rebuildDelaySeconds,
          cmsUrl: env.sites.cmsUrl,
        },
      },
    }),
    ...(local.some((plugin) => plugin.name === 'emploi') && {
      emploi: {
        enabled: true,
        resolve: local.find((plugin) => plugin.name === 'emploi')?.resolve,
        config: env.emploi,
      },
    }),
    'users-permissions': { config: { jwtSecret: env.secrets.jwtSecret } },
    email: {
      config: {
        provider: 'nodemailer',
        providerOptions: {
          host: smtp.host,
          port: smtp.port,
          secure: smtp.secure,
          ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password } } : {}),
          // An unreachable server must fail within seconds, not nodemailer's two minutes.
          connectionTimeout: 10000,
          greetingTimeout: 10000,
          socketTimeout: 30000,
        },
        settings: { defaultFrom: env.mail.from, defaultReplyTo: env.mail.replyTo },
      },
    },
  };
};
