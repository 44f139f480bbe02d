import crypto from 'node:crypto';

/**
 * Secrets kept in the database (a centre's own provider keys) are sealed with AES-256-GCM: the
 * row alone reveals nothing, and a tampered or foreign row is refused instead of decrypted wrong.
 * The 256-bit key is derived (HKDF-SHA256) from the install's ENCRYPTION_KEY, with a label of its
 * own so that it never equals a key used for anything else.
 */
const VERSION = 'v1';
const LABEL = 'csc-secrets-v1';

/** The stored value cannot be opened: another install's key, a changed key, or a damaged row. */
export class SecretKeyError extends Error {
  constructor() {
    super(
      'Ce secret enregistré ne peut pas être déchiffré : la clé de chiffrement (ENCRYPTION_KEY) a changé ou la valeur est abîmée. Saisissez-le à nouveau.',
    );
    this.name = 'SecretKeyError';
  }
}

export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
  /** Whether a stored value looks sealed by this format (never a clear secret). */
  isSealed(value: string): boolean;
  /** An HMAC-SHA256 of `data` (base64url) under a key of its own per `label`: tokens nobody can forge. */
  sign(label: string, data: string): string;
}

export function createSecretBox(keyMaterial: string): SecretBox {
  if (typeof keyMaterial !== 'string' || keyMaterial.length < 16) {
    throw new Error('secrets: the encryption key (ENCRYPTION_KEY) must hold at least 16 characters');
  }
  const key = Buffer.from(crypto.hkdfSync('sha256', keyMaterial, Buffer.alloc(0), LABEL, 32));
  const isSealed = (value: string) => /^v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]*$/.test(value);
  return {
    isSealed,
    sign(label, data) {
      const signing = Buffer.from(crypto.hkdfSync('sha256', keyMaterial, Buffer.alloc(0), `csc-sign-${label}`, 32));
      return crypto.createHmac('sha256', signing).update(data).digest('base64url');
    },
    seal(plain) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [
        VERSION,
        iv.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
        data.toString('base64url'),
      ].join(':');
    },
    open(sealed) {
      if (!isSealed(sealed)) throw new SecretKeyError();
      const [, iv, tag, data] = sealed.split(':');
      try {
        const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretKeyError();
      }
    },
  };
}
