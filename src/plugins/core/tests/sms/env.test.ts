import { ConfigError, readEnv } from '../../../../env';

/** SMS_* variables: the demo needs none; OVH needs its credentials, never the example ones in production. */

const STRONG_SECRETS = {
  APP_KEYS: 'k1Zr8nYQ0vXw==,p2Lm5sT9aB==',
  API_TOKEN_SALT: 'b0c4b1b5e7f3a9d2',
  ADMIN_JWT_SECRET: 'c6a7e8f9d0b1a2c3',
  TRANSFER_TOKEN_SALT: 'd1e2f3a4b5c6d7e8',
  JWT_SECRET: 'e9f8a7b6c5d4e3f2',
  ENCRYPTION_KEY: 'f0a1b2c3d4e5f6a7',
};

const OVH = {
  SMS_PROVIDER: 'ovh',
  SMS_OVH_APP_KEY: 'realAppKey123',
  SMS_OVH_APP_SECRET: 'realAppSecret456',
  SMS_OVH_CONSUMER_KEY: 'realConsumerKey789',
  SMS_OVH_SERVICE_NAME: 'sms-xy98765-1',
  SMS_DELIVERY_REPORT_TOKEN: 'realReportToken0',
};

function errorOf(source: Record<string, string>): ConfigError {
  try {
    readEnv(source);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('readEnv accepted the environment');
}

describe('SMS environment', () => {
  it('runs the demo with the console provider and nothing set', () => {
    expect(readEnv({}).sms).toEqual({ provider: 'console', deliveryReportToken: 'exampleSmsReportToken', ovh: null });
  });

  it('runs a production install without SMS without asking for OVH credentials', () => {
    expect(readEnv({ NODE_ENV: 'production', ...STRONG_SECRETS }).sms).toEqual({
      provider: 'console',
      deliveryReportToken: undefined,
      ovh: null,
    });
  });

  it('reads the OVH credentials, endpoint and sender', () => {
    const env = readEnv({ NODE_ENV: 'production', ...STRONG_SECRETS, ...OVH, SMS_OVH_SENDER: 'CS Oliviers' });
    expect(env.sms).toEqual({
      provider: 'ovh',
      deliveryReportToken: 'realReportToken0',
      ovh: {
        endpoint: 'ovh-eu',
        appKey: 'realAppKey123',
        appSecret: 'realAppSecret456',
        consumerKey: 'realConsumerKey789',
        serviceName: 'sms-xy98765-1',
        sender: 'CS Oliviers',
        timeoutMs: 15000,
      },
    });
    expect(readEnv({ ...OVH, SMS_OVH_ENDPOINT: 'https://127.0.0.1:18443/1.0' }).sms.ovh?.endpoint).toBe(
      'https://127.0.0.1:18443/1.0',
    );
  });

  it.each([
    [{ SMS_PROVIDER: 'twilio' }, 'SMS_PROVIDER', 'expected one of console, ovh'],
    [{ ...OVH, SMS_OVH_APP_SECRET: '' }, 'SMS_OVH_APP_SECRET', 'is required when SMS_PROVIDER=ovh'],
    [{ ...OVH, SMS_OVH_SERVICE_NAME: '' }, 'SMS_OVH_SERVICE_NAME', 'is required when SMS_PROVIDER=ovh'],
    [{ ...OVH, SMS_OVH_SERVICE_NAME: 'sms ab/1' }, 'SMS_OVH_SERVICE_NAME', 'expected the SMS account name'],
    [{ ...OVH, SMS_OVH_ENDPOINT: 'ovh-mars' }, 'SMS_OVH_ENDPOINT', 'expected one of ovh-eu, ovh-ca, ovh-us'],
    [{ ...OVH, SMS_OVH_ENDPOINT: 'http://127.0.0.1/1.0' }, 'SMS_OVH_ENDPOINT', 'expected one of ovh-eu'],
    [{ ...OVH, SMS_OVH_SENDER: '0612345678' }, 'SMS_OVH_SENDER', 'expected a sender name'],
    [{ ...OVH, SMS_OVH_SENDER: 'Centre Social des Oliviers' }, 'SMS_OVH_SENDER', 'expected a sender name'],
    [{ ...OVH, SMS_OVH_TIMEOUT_MS: '10' }, 'SMS_OVH_TIMEOUT_MS', 'between 500 and 120000'],
  ])('names the variable at fault (case %#)', (source, variable, problem) => {
    const error = errorOf(source);
    expect(error.subject).toBe(variable);
    expect(error.message).toContain(problem);
  });

  it('refuses the example credentials and token in production, without repeating them', () => {
    for (const [name, example] of [
      ['SMS_OVH_APP_KEY', 'exampleOvhAppKey'],
      ['SMS_OVH_APP_SECRET', 'exampleOvhAppSecret'],
      ['SMS_OVH_CONSUMER_KEY', 'exampleOvhConsumerKey'],
      ['SMS_DELIVERY_REPORT_TOKEN', 'exampleSmsReportToken'],
    ]) {
      const error = errorOf({ NODE_ENV: 'production', ...STRONG_SECRETS, ...OVH, [name]: example });
      expect([error.subject, error.message.includes('example value'), error.message.includes(example)]).toEqual([
        name,
        true,
        false,
      ]);
    }
    const missingToken = errorOf({ NODE_ENV: 'production', ...STRONG_SECRETS, ...OVH, SMS_DELIVERY_REPORT_TOKEN: '' });
    expect(missingToken.subject).toBe('SMS_DELIVERY_REPORT_TOKEN');
  });
});
