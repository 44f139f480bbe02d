import { startTestApp, type TestApp } from '../../../../../../tests/harness/strapi';
import { trustInThisProcess } from './certificate';
import { FakeOvh } from './server';

/** The keys the fake OVH accepts, and the app is given. */
export const TEST_OVH_CREDENTIALS = {
  appKey: 'appKeyOfTheTests',
  appSecret: 'appSecretOfTheTests0000000000001',
  consumerKey: 'consumerKeyOfTheTests00000000001',
  serviceName: 'sms-cs12345-1',
};
export const TEST_REPORT_TOKEN = 'report-token-of-the-tests';

/** Jobs run within a tenth of a second and retry after a second: tests wait little. */
export const FAST_OUTBOX_ENV = {
  OUTBOX_POLL_INTERVAL_MS: '100',
  OUTBOX_RETRY_BASE_SECONDS: '1',
  OUTBOX_RETRY_MAX_SECONDS: '2',
};

export interface AppWithFakeOvh {
  app: TestApp;
  fake: FakeOvh;
  /** Stops the app, then the fake, and forgets its certificate. */
  stop(): Promise<void>;
}

/**
 * The booted app with SMS_PROVIDER=ovh: the real OVH client, over HTTPS, against the fake OVH on
 * loopback, whose self-signed certificate this process trusts until `stop`. `blacklisted` numbers
 * are on OVH's STOP list before the app starts: the app reads that list as it boots.
 */
export async function startAppWithFakeOvh(
  extraEnv: Record<string, string> = {},
  { blacklisted = [] }: { blacklisted?: string[] } = {},
): Promise<AppWithFakeOvh> {
  const fake = await FakeOvh.start(TEST_OVH_CREDENTIALS);
  for (const number of blacklisted) fake.blacklist.add(number);
  const untrust = trustInThisProcess(fake.cert);
  try {
    const app = await startTestApp({
      SMS_PROVIDER: 'ovh',
      SMS_OVH_ENDPOINT: fake.endpoint,
      SMS_OVH_APP_KEY: TEST_OVH_CREDENTIALS.appKey,
      SMS_OVH_APP_SECRET: TEST_OVH_CREDENTIALS.appSecret,
      SMS_OVH_CONSUMER_KEY: TEST_OVH_CREDENTIALS.consumerKey,
      SMS_OVH_SERVICE_NAME: TEST_OVH_CREDENTIALS.serviceName,
      SMS_OVH_SENDER: 'CSC Test',
      SMS_OVH_TIMEOUT_MS: '1500',
      SMS_DELIVERY_REPORT_TOKEN: TEST_REPORT_TOKEN,
      ...extraEnv,
    });
    return {
      app,
      fake,
      async stop() {
        await app.stop();
        untrust();
        await fake.stop();
      },
    };
  } catch (error) {
    untrust();
    await fake.stop();
    throw error;
  }
}
