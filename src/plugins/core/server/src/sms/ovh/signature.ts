import crypto from 'node:crypto';

export interface SignedRequest {
  appSecret: string;
  consumerKey: string;
  method: string;
  /** `https://` + host (no port) + path with its query string, exactly as requested. */
  url: string;
  /** The request body as sent (JSON, non-ASCII escaped as \uXXXX), or '' when there is none. */
  body: string;
  timestamp: number | string;
}

/**
 * OVHcloud's request signature (`X-Ovh-Signature`):
 * `"$1$" + sha1hex(AS + "+" + CK + "+" + METHOD + "+" + URL + "+" + BODY + "+" + TIMESTAMP)`.
 * The official client computes it itself; this copy lets tests check it against OVH's published
 * vector, and lets the fake OVH API verify what the client sends.
 */
export function ovhSignature(request: SignedRequest): string {
  const text = [
    request.appSecret,
    request.consumerKey,
    request.method.toUpperCase(),
    request.url,
    request.body,
    String(request.timestamp),
  ].join('+');
  return `$1$${crypto.createHash('sha1').update(text).digest('hex')}`;
}

/** Compares two signatures in constant time. */
export function sameSignature(expected: string, received: unknown): boolean {
  if (typeof received !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(received);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
