import { checkLinkToken, signLinkToken } from '@csc/plugin-core/toolkit';

/** HKDF label: this key signs unsubscribe links and nothing else. */
const LABEL = 'csc/pense-bete/unsubscribe-link/v1';

export type TokenCheck = { ok: true; person: string; expiresAt: Date } | { ok: false; reason: 'invalid' | 'expired' };

/** The link names the person and when it stops working; only this installation can make one. */
export function signUnsubscribeToken(appKeys: string[], person: string, expiresAt: Date): string {
  return signLinkToken(appKeys, LABEL, person, expiresAt);
}

export function checkUnsubscribeToken(appKeys: string[], token: string, now: Date): TokenCheck {
  const checked = checkLinkToken(appKeys, LABEL, token, now);
  return checked.ok ? { ok: true, person: checked.subject, expiresAt: checked.expiresAt } : checked;
}
