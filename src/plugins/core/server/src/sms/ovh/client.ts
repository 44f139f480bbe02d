import createOvhClient from '@ovhcloud/node-ovh';

/** OVH API names the official client knows; anything else must be an https:// address. */
export const OVH_ENDPOINTS = ['ovh-eu', 'ovh-ca', 'ovh-us'] as const;

export interface OvhSettings {
  appKey: string;
  appSecret: string;
  consumerKey: string;
  /** `ovh-eu`, `ovh-ca`, `ovh-us`, or a full address such as `https://127.0.0.1:18443/1.0`. */
  endpoint: string;
  timeoutMs: number;
}

export type OvhFailureKind = 'http' | 'timeout' | 'network';

/**
 * A failed OVH call. `message` is OVH's own text and may quote request data: it never goes to
 * logs as is (see `redact` in the SMS service).
 */
export class OvhApiError extends Error {
  constructor(
    readonly kind: OvhFailureKind,
    readonly status: number | null,
    readonly providerMessage: string | null,
  ) {
    super(
      kind === 'http' ? `OVH API answered ${status}` : `OVH API ${kind === 'timeout' ? 'timed out' : 'unreachable'}`,
    );
    this.name = 'OvhApiError';
  }

  /** Short code recorded on receipts: `http-503`, `timeout`, `network`. */
  get code(): string {
    return this.kind === 'http' ? `http-${this.status}` : this.kind;
  }

  /** Worth trying again later: the network, a timeout, OVH overloaded or down. */
  get transient(): boolean {
    if (this.kind !== 'http' || this.status === null) return true;
    return this.status >= 500 || this.status === 429 || this.status === 408;
  }
}

export interface OvhApi {
  get<T>(path: string, query?: Record<string, string | number>): Promise<T>;
  post<T>(path: string, body: Record<string, unknown>): Promise<T>;
  put<T>(path: string, body: Record<string, unknown>): Promise<T>;
}

function location(endpoint: string): Pick<createOvhClient.Options, 'endpoint' | 'host' | 'port' | 'basePath'> {
  if (!endpoint.startsWith('https://')) return { endpoint };
  const url = new URL(endpoint);
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : 443,
    basePath: url.pathname.replace(/\/$/, '') || '/1.0',
  };
}

function failure(rejection: unknown, elapsedMs: number, timeoutMs: number): OvhApiError {
  const { error, message } = (rejection ?? {}) as createOvhClient.Rejection;
  const text = typeof message === 'string' ? message.slice(0, 500) : null;
  if (typeof error === 'number' && error >= 100) return new OvhApiError('http', error, text);
  // The client aborts the request after `timeout` ms of silence; Node reports a hang-up.
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ECONNRESET' && elapsedMs >= timeoutMs) return new OvhApiError('timeout', null, null);
  return new OvhApiError('network', null, null);
}

/**
 * The official `@ovhcloud/node-ovh` client behind a typed, promise-based surface whose failures
 * are {@link OvhApiError}s. The client signs every call, and asks OVH's clock once.
 */
export function createOvhApi(settings: OvhSettings): OvhApi {
  const client = createOvhClient({
    appKey: settings.appKey,
    appSecret: settings.appSecret,
    consumerKey: settings.consumerKey,
    timeout: settings.timeoutMs,
    ...location(settings.endpoint),
    // The client prints requests and bodies when debugging; phone numbers never reach a console.
    debug: false,
    warn: () => undefined,
  });

  async function call<T>(method: string, path: string, params: Record<string, unknown>): Promise<T> {
    const started = Date.now();
    try {
      // The client mutates its params (removes nulls, path placeholders): give it a copy.
      return (await client.requestPromised(method, path, { ...params })) as T;
    } catch (rejection) {
      throw failure(rejection, Date.now() - started, settings.timeoutMs);
    }
  }

  return {
    get: (path, query = {}) => call('GET', path, query),
    post: (path, body) => call('POST', path, body),
    put: (path, body) => call('PUT', path, body),
  };
}
