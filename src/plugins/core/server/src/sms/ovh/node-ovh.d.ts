/**
 * Types for `@ovhcloud/node-ovh` 3.x, which ships none: only the part this project uses
 * (application-key authentication and `requestPromised`).
 */
declare module '@ovhcloud/node-ovh' {
  namespace createOvhClient {
    interface Options {
      appKey: string;
      appSecret: string;
      consumerKey?: string;
      /** A preconfigured API (`ovh-eu`, `ovh-ca`, `ovh-us`…); wins over host, port and basePath. */
      endpoint?: string;
      host?: string;
      port?: number;
      basePath?: string;
      /** Socket inactivity timeout in milliseconds; the request is aborted after it. */
      timeout?: number;
      /** Seconds between OVH's clock and ours; when unset (or 0) the client asks `/auth/time` once. */
      apiTimeDiff?: number;
      debug?: boolean | ((...args: unknown[]) => void);
      warn?: (...args: unknown[]) => void;
    }

    /**
     * What a failed call rejects with: `error` is the HTTP status (a number ≥ 300), a network
     * error (a negative errno, or the Error itself) or a message of the client's own; `message`
     * is OVH's `message` field when there was one.
     */
    interface Rejection {
      error: unknown;
      message?: unknown;
    }

    interface Client {
      requestPromised(method: string, path: string, params?: Record<string, unknown>): PromiseLike<unknown>;
      signRequest(httpMethod: string, url: string, body: string | null, timestamp: number | string): string;
    }
  }

  function createOvhClient(options: createOvhClient.Options): createOvhClient.Client;
  export = createOvhClient;
}
