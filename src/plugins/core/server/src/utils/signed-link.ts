import crypto from 'node:crypto';

/**
 * Tokens for links sent by e-mail that work without an account (a correction form, an
 * unsubscribe page): `<subject>.<expiry, unix seconds in base 36>.<HMAC-SHA256, base64url>`.
 * The key is derived with HKDF from the app keys (APP_KEYS) under the link's own label, so a key
 * signs one kind of link and nothing else, and no new secret is needed. The first app key signs;
 * every key verifies, so rotating APP_KEYS (new key first) keeps links already sent working.
 */
export type SignedLinkCheck =
  { ok: true; subject: string; expiresAt: Date } | { ok: false; reason: 'invalid' | 'expired' };

const SUBJECT = /^[a-z0-9]{10,64}$/;
const TOKEN = /^([a-z0-9]{10,64})\.([0-9a-z]{1,10})\.([A-Za-z0-9_-]{43})$/;

const keyOf = (appKey: string, label: string) =>
  Buffer.from(crypto.hkdfSync('sha256', appKey, Buffer.alloc(0), label, 32));

const macOf = (key: Buffer, subject: string, expires: string) =>
  crypto.createHmac('sha256', key).update(`${subject}.${expires}`).digest('base64url');

export function signLinkToken(appKeys: readonly string[], label: string, subject: string, expiresAt: Date): string {
  if (!appKeys[0]) throw new Error(`signed links (${label}) need server.app.keys (APP_KEYS)`);
  if (!SUBJECT.test(subject)) throw new Error(`signed links (${label}) name a document id`);
  const expires = Math.floor(expiresAt.getTime() / 1000).toString(36);
  return `${subject}.${expires}.${macOf(keyOf(appKeys[0], label), subject, expires)}`;
}

/** The signature is checked before the expiry is read: an altered date is "invalid". */
export function checkLinkToken(appKeys: readonly string[], label: string, token: string, now: Date): SignedLinkCheck {
  const parts = TOKEN.exec(token);
  if (!parts) return { ok: false, reason: 'invalid' };
  const [, subject, expires, mac] = parts;
  const given = Buffer.from(mac);
  const signed = appKeys.some((appKey) => {
    const expected = Buffer.from(macOf(keyOf(appKey, label), subject, expires));
    return expected.length === given.length && crypto.timingSafeEqual(expected, given);
  });
  if (!signed) return { ok: false, reason: 'invalid' };
  const expiresAt = new Date(parseInt(expires, 36) * 1000);
  if (expiresAt <= now) return { ok: false, reason: 'expired' };
  return { ok: true, subject, expiresAt };
}
