import crypto from 'node:crypto';
import { errors } from '@strapi/utils';

/**
 * Correction links: `v1.<structure documentId>.<expiry, seconds, base 36>.<HMAC-SHA256, base64url>`.
 * The key is derived with HKDF from the app keys (APP_KEYS) under a label of its own, so it
 * signs nothing else and needs no new secret. The first app key signs; every key verifies, so
 * rotating APP_KEYS (new key first) keeps the links already sent working until they expire.
 */
const VERSION = 'v1';
const LABEL = 'csc:directory:correction-link:v1';

export const CORRECTION_LINK_DAYS = 30;

function keyOf(appKey: string): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', appKey, Buffer.alloc(0), LABEL, 32));
}

function signature(key: Buffer, body: string): Buffer {
  return crypto.createHmac('sha256', key).update(body).digest();
}

export function signCorrectionToken(appKeys: string[], structure: string, expiresAt: Date): string {
  if (!appKeys[0]) throw new Error('correction links need server.app.keys (APP_KEYS)');
  const body = `${VERSION}.${structure}.${Math.floor(expiresAt.getTime() / 1000).toString(36)}`;
  return `${body}.${signature(keyOf(appKeys[0]), body).toString('base64url')}`;
}

const invalid = () =>
  new errors.ValidationError('Ce lien de correction n’est pas valide. Demandez un nouveau lien au centre.', {
    errors: [
      {
        path: ['token'],
        message: 'Ce lien de correction n’est pas valide. Demandez un nouveau lien au centre.',
        name: 'ValidationError',
      },
    ],
  });

/**
 * The structure a token names, or a 400 in French: `ValidationError` (forged, altered, cut) or
 * `ExpiredLinkError`.
 * The signature is checked before the expiry is read: an altered date is "not valid".
 */
export function verifyCorrectionToken(
  appKeys: string[],
  token: string,
  now = Date.now(),
): { structure: string; expiresAt: Date } {
  const parts = token.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION || !/^[a-z0-9]{10,64}$/.test(parts[1])) throw invalid();
  const body = parts.slice(0, 3).join('.');
  const given = Buffer.from(parts[3], 'base64url');
  const valid = appKeys.some((appKey) => {
    const expected = signature(keyOf(appKey), body);
    return given.length === expected.length && crypto.timingSafeEqual(given, expected);
  });
  if (!valid) throw invalid();
  const expiresAt = Number.parseInt(parts[2], 36) * 1000;
  if (!Number.isFinite(expiresAt) || expiresAt <= now) {
    const message = 'Ce lien de correction a expiré. Demandez un nouveau lien au centre.';
    const error = new errors.ApplicationError(message, {
      errors: [{ path: ['token'], message, name: 'ExpiredLinkError' }],
    });
    // A 400 like a bad link, named apart so that a site can offer to ask for a new one.
    (error as Error).name = 'ExpiredLinkError';
    throw error;
  }
  return { structure: parts[1], expiresAt: new Date(expiresAt) };
}
