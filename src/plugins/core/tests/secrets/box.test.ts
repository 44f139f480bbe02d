import { createSecretBox, SecretKeyError } from '../../server/src/secrets/box';

/** Secrets a plugin stores in the database: sealed with AES-256-GCM under the install's key. */
describe('secret box', () => {
  const box = createSecretBox('exampleEncryptionKeyOfThisInstall');
  const secret = 'centreOwnAppSecretVeryPrivate0001';

  it('seals a secret so that the stored value does not contain it, and opens it back', () => {
    const sealed = box.seal(secret);
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain(secret);
    expect(Buffer.from(sealed.split(':')[3], 'base64url').toString('utf8')).not.toContain(secret);
    expect(box.open(sealed)).toBe(secret);
    expect(box.isSealed(sealed)).toBe(true);
    expect(box.isSealed(secret)).toBe(false);
  });

  it('never gives the same stored value twice for one secret (random nonce)', () => {
    expect(box.seal(secret)).not.toBe(box.seal(secret));
    expect(box.open(box.seal(''))).toBe('');
    expect(box.open(box.seal('clé à accents €'))).toBe('clé à accents €');
  });

  it('refuses, with a French message, a value sealed under another key', () => {
    const other = createSecretBox('anotherInstallationKey0000000001');
    const sealed = other.seal(secret);
    expect(() => box.open(sealed)).toThrow(SecretKeyError);
    expect(() => box.open(sealed)).toThrow(/clé de chiffrement \(ENCRYPTION_KEY\) a changé/);
  });

  it('refuses a tampered, truncated or clear value instead of returning garbage', () => {
    const sealed = box.seal(secret);
    const parts = sealed.split(':');
    const flipped = Buffer.from(parts[3], 'base64url');
    flipped[0] ^= 1;
    const tampered = [parts[0], parts[1], parts[2], flipped.toString('base64url')].join(':');
    for (const value of [tampered, sealed.slice(0, -4), secret, '', 'v1:::', `v2:${sealed.slice(3)}`]) {
      expect(() => box.open(value)).toThrow(SecretKeyError);
    }
  });

  it('refuses a key too short to be one', () => {
    expect(() => createSecretBox('short')).toThrow(/at least 16 characters/);
  });

  it('signs with a key of its own per label, which another install cannot forge', () => {
    const signature = box.sign('pense-bete.news', 'data');
    expect(signature).toMatch(/^[\w-]{43}$/);
    expect(box.sign('pense-bete.news', 'data')).toBe(signature);
    expect(box.sign('another.label', 'data')).not.toBe(signature);
    expect(box.sign('pense-bete.news', 'other data')).not.toBe(signature);
    expect(createSecretBox('anotherInstallationKey0000000001').sign('pense-bete.news', 'data')).not.toBe(signature);
  });
});
