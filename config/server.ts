import { readEnvOrExit } from '../src/env';

export default () => {
  const env = readEnvOrExit();
  return {
    host: env.host,
    port: env.port,
    ...(env.publicUrl ? { url: env.publicUrl } : {}),
    app: { keys: env.secrets.appKeys },
    // X-Forwarded-For is read only behind trusted proxies, and only the entries they appended
    // (the last TRUSTED_PROXIES ones): a visitor cannot pick their own address for rate limits.
    proxy: { koa: env.trustedProxies > 0, maxIpsCount: env.trustedProxies },
    // Scheduled work goes through the core outbox; Strapi cron only wakes it up.
    cron: { enabled: true },
  };
};
