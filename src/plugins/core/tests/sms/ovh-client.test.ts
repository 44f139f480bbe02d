import { createOvhApi, OvhApiError } from '../../server/src/sms/ovh/client';
import { createOvhProvider } from '../../server/src/sms/providers/ovh';
import { SmsProviderError } from '../../server/src/sms/providers/types';
import { trustInThisProcess } from './fake-ovh/certificate';
import { FakeOvh } from './fake-ovh/server';

/** The real `@ovhcloud/node-ovh` client, through the project's wrapper, against the fake API. */

const CREDENTIALS = {
  appKey: 'testAppKey0001',
  appSecret: 'testAppSecret0000000000000000001',
  consumerKey: 'testConsumerKey00000000000000001',
  serviceName: 'sms-ab12345-1',
};

let fake: FakeOvh;
let untrust: () => void;

const settings = (overrides: Partial<typeof CREDENTIALS & { timeoutMs: number }> = {}) => ({
  ...CREDENTIALS,
  endpoint: fake.endpoint,
  timeoutMs: 10_000,
  ...overrides,
});

beforeAll(async () => {
  fake = await FakeOvh.start(CREDENTIALS);
  untrust = trustInThisProcess(fake.cert);
});

afterAll(async () => {
  untrust?.();
  await fake?.stop();
});

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('the official client against the fake OVH API', () => {
  it('asks OVH’s clock once, then signs calls the fake accepts', async () => {
    fake.clockSkew = 40;
    const api = createOvhApi(settings());
    const account = await api.get<{ creditsLeft: number }>(`/sms/${CREDENTIALS.serviceName}`);
    expect(account.creditsLeft).toBe(fake.creditsLeft);
    await api.get(`/sms/${CREDENTIALS.serviceName}/outgoing`, { tag: 'nothing-yet' });
    const paths = fake.calls.map((call) => `${call.method} ${call.path} ${call.status}`);
    expect(paths).toEqual([
      'GET /1.0/auth/time 200',
      `GET /1.0/sms/${CREDENTIALS.serviceName} 200`,
      `GET /1.0/sms/${CREDENTIALS.serviceName}/outgoing?tag=nothing-yet 200`,
    ]);
    fake.clockSkew = 0;
  });

  it('signs the body exactly as sent: accents escaped as \\uXXXX', async () => {
    const provider = createOvhProvider(settings());
    const accepted = await provider.send({
      to: '+33612345678',
      body: 'Rappel : rendez-vous à la CAF jeudi — n’oubliez pas votre pièce d’identité',
      tag: 'cscsignedbody000001',
      sender: 'Oliviers',
      stopClause: false,
      validityMinutes: null,
    });
    expect(accepted.providerId).toMatch(/^\d+$/);
    const post = fake.calls.find((call) => call.method === 'POST' && call.status === 200);
    expect(post?.body).toContain('\\u2014 n\\u2019oubliez');
    expect([...(post?.body ?? '')].every((character) => character.charCodeAt(0) < 0x80)).toBe(true);
    expect(fake.sentWithTag('cscsignedbody000001')).toEqual([
      expect.objectContaining({
        receiver: '+33612345678',
        message: 'Rappel : rendez-vous à la CAF jeudi — n’oubliez pas votre pièce d’identité',
        sender: 'Oliviers',
        numberOfSms: 2,
        noStopClause: true,
      }),
    ]);
  });

  it('is refused with INVALID_SIGNATURE when it signs with the wrong secret', async () => {
    const api = createOvhApi(settings({ appSecret: 'notTheRightSecret000000000000000' }));
    const error = (await failureOf(api.get(`/sms/${CREDENTIALS.serviceName}`))) as OvhApiError;
    expect(error).toBeInstanceOf(OvhApiError);
    expect([error.code, error.transient, error.providerMessage]).toEqual(['http-400', false, 'Invalid signature']);
    expect(fake.calls.at(-1)?.status).toBe(400);
  });

  it('is refused when the application or consumer key is unknown', async () => {
    const wrongKey = (await failureOf(
      createOvhApi(settings({ appKey: 'unknown' })).get(`/sms/${CREDENTIALS.serviceName}`),
    )) as OvhApiError;
    expect([wrongKey.code, wrongKey.providerMessage]).toEqual(['http-403', 'Invalid application key']);
  });

  it('reports OVH outages, timeouts and unreachable hosts as temporary', async () => {
    const api = createOvhApi(settings({ timeoutMs: 800 }));
    fake.failNext(
      { kind: 'http', status: 503, errorCode: 'SERVICE_UNAVAILABLE', message: 'Service unavailable' },
      /sms/,
    );
    const outage = (await failureOf(api.get(`/sms/${CREDENTIALS.serviceName}`))) as OvhApiError;
    expect([outage.code, outage.transient]).toEqual(['http-503', true]);

    fake.failNext({ kind: 'silence' }, /sms/);
    const timeout = (await failureOf(api.get(`/sms/${CREDENTIALS.serviceName}`))) as OvhApiError;
    expect([timeout.code, timeout.transient]).toEqual(['timeout', true]);

    const closed = createOvhApi(settings({ endpoint: 'https://127.0.0.1:1/1.0' } as never));
    const unreachable = (await failureOf(closed.get(`/sms/${CREDENTIALS.serviceName}`))) as OvhApiError;
    expect([unreachable.code, unreachable.transient]).toEqual(['network', true]);
  });
});

describe('the OVH provider', () => {
  it('tells an invalid receiver from a temporary failure', async () => {
    const provider = createOvhProvider(settings());
    fake.invalidReceivers.add('+33699999999');
    const message = {
      to: '+33699999999',
      body: 'Bonjour',
      tag: 'cscinvalid000000001',
      sender: 'Oliviers',
      stopClause: false,
      validityMinutes: 60,
    };
    const invalid = (await failureOf(provider.send(message))) as SmsProviderError;
    expect([invalid.kind, invalid.code]).toEqual(['invalid-receiver', 'invalid-receiver']);

    fake.failNext({ kind: 'http', status: 500, errorCode: 'INTERNAL', message: 'Internal server error' });
    const down = (await failureOf(provider.send({ ...message, to: '+33612345670' }))) as SmsProviderError;
    expect(down).toBeInstanceOf(SmsProviderError);
    expect([down.kind, down.code]).toEqual(['transient', 'http-500']);

    const unknownSender = (await failureOf(
      provider.send({ ...message, to: '+33612345670', sender: 'Inconnu' }),
    )) as SmsProviderError;
    expect([unknownSender.kind, unknownSender.code]).toEqual(['rejected', 'http-400']);
  });

  it('finds a message by its tag, and reads the blacklist', async () => {
    const provider = createOvhProvider(settings());
    await provider.send({
      to: '+33612345671',
      body: 'Bonjour',
      tag: 'cscfindme0000000001',
      sender: null,
      stopClause: true,
      validityMinutes: null,
    });
    const found = await provider.findByTag('cscfindme0000000001');
    expect(found).toEqual({ providerId: expect.stringMatching(/^\d+$/), credits: 1, delivered: false });
    expect(await provider.findByTag('cscnever00000000001')).toBeNull();
    expect(fake.sentWithTag('cscfindme0000000001')[0]).toMatchObject({ sender: null, noStopClause: false });

    fake.blacklist.add('0033612345672');
    expect(await provider.isBlacklisted('+33612345672')).toBe(true);
    expect(await provider.isBlacklisted('+33612345673')).toBe(false);
    expect(await provider.creditsLeft()).toBe(fake.creditsLeft);
  });

  it('reads the whole blacklist fresh, numbers in E.164 whatever form OVH stored them in', async () => {
    const provider = createOvhProvider(settings());
    fake.blacklist.clear();
    fake.blacklist.add('0033612345674');
    expect(await provider.blacklist()).toEqual(['+33612345674']);
    // A STOP received since the last read counts at once: the cache of isBlacklisted is not used.
    fake.blacklist.add('+33612345675');
    fake.blacklist.add('0612345676');
    expect((await provider.blacklist()).sort()).toEqual(['+33612345674', '+33612345675', '+33612345676']);
    expect(await provider.isBlacklisted('+33612345676')).toBe(true);
  });
});
