import crypto from 'node:crypto';

/** HKDF label: this key signs unsubscribe links and nothing else. */
const LABEL = 'csc/pense-bete/unsubscribe-link/v1';
const TOKEN = /^([a-z0-9]{10,40})\.([0-9a-z]{1,10})\.([A-Za-z0-9_-]{43})$/;

export type TokenCheck = { ok: true; person: string; expiresAt: Date } | { ok: false; reason: 'invalid' | 'expired' };

const keyOf = (appKey: string) => Buffer.from(crypto.hkdfSync('sha256', appKey, Buffer.alloc(0), LABEL, 32));

const macOf = (key: Buffer, person: string, expires: string) =>
  crypto.createHmac('sha256', key).update(`${person}.${expires}`).digest('base64url');

/**
 * `<person documentId>.<expiry, unix seconds in base 36>.<HMAC>`: the link names the person and
 * when it stops working, and only this installation (its `server.app.keys`) can make one.
 */
export function signUnsubscribeToken(appKeys: string[], person: string, expiresAt: Date): string {
  const expires = Math.floor(expiresAt.getTime() / 1000).toString(36);
  return `${person}.${expires}.${macOf(keyOf(appKeys[0]), person, expires)}`;
}

/** Checked against every app key, so that a key rotation does not break links already sent. */
export function checkUnsubscribeToken(appKeys: string[], token: string, now: Date): TokenCheck {
  const parts = TOKEN.exec(token);
  if (!parts) return { ok: false, reason: 'invalid' };
  const [, person, expires, mac] = parts;
  const given = Buffer.from(mac);
  const signed = appKeys.some((appKey) => {
    const expected = Buffer.from(macOf(keyOf(appKey), person, expires));
    return expected.length === given.length && crypto.timingSafeEqual(expected, given);
  });
  if (!signed) return { ok: false, reason: 'invalid' };
  const expiresAt = new Date(parseInt(expires, 36) * 1000);
  if (expiresAt <= now) return { ok: false, reason: 'expired' };
  return { ok: true, person, expiresAt };
}
