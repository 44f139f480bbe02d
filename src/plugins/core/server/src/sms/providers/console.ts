import crypto from 'node:crypto';
import type { SmsProvider } from './types';

/**
 * The demo provider: nothing leaves the machine. The receipt written by the SMS service holds
 * the number and the text, which staff read in the admin (Socle › SMS); the logs never do.
 */
export function createConsoleProvider(): SmsProvider {
  return {
    name: 'console',
    async send() {
      return { providerId: `console-${crypto.randomUUID()}`, credits: null, delivered: true };
    },
    // Nothing went anywhere, so there is nothing to find: an interrupted message is recorded again.
    async findByTag() {
      return null;
    },
    async isBlacklisted() {
      return false;
    },
    async blacklist() {
      return [];
    },
    async creditsLeft() {
      return null;
    },
  };
}
