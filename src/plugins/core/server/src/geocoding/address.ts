import { cleanText } from '../public-forms/hygiene';

export const ADDRESS_MIN = 3;
export const ADDRESS_MAX = 200;

/** The address as typed, cleaned: no control characters, NFC, single spaces. */
export function tidyAddress(input: string): string {
  return cleanText(input).replace(/\s+/g, ' ');
}

/**
 * The key an address is remembered and overridden by: accents, case and punctuation do not
 * count, so "12, Rue des Écoles 59000 LILLE" and "12 rue des ecoles 59000 Lille" are one address.
 */
export function addressKey(input: string): string {
  return tidyAddress(input)
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** What the BAN accepts: 3 to 200 characters, starting with a letter or a digit. */
export function isSearchable(address: string): boolean {
  return address.length >= ADDRESS_MIN && address.length <= ADDRESS_MAX && /^[\p{L}\p{N}]/u.test(address);
}
