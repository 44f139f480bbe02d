import { readEnvOrExit } from '../src/env';

export default () => {
  const env = readEnvOrExit();
  return {
    host: env.host,
    port: env.port,
    ...(env.publicUrl ? { url: env.publicUrl } : {}),
    app: { keys: env.secrets.appKeys },
    // Scheduled work goes through the core outbox; Strapi cron only wakes it up.
    cron: { enabled: true },
  };
};
