import { errors } from '@strapi/utils';
import { checkLinkToken, signLinkToken } from '../../utils/signed-link';

/** Correction links (see utils/signed-link.ts): this label's key signs nothing else. */
const LABEL = 'csc:directory:correction-link:v1';

export const CORRECTION_LINK_DAYS = 30;

export function signCorrectionToken(appKeys: string[], structure: string, expiresAt: Date): string {
  return signLinkToken(appKeys, LABEL, structure, expiresAt);
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
 */
export function verifyCorrectionToken(
  appKeys: string[],
  token: string,
  now = Date.now(),
): { structure: string; expiresAt: Date } {
  const checked = checkLinkToken(appKeys, LABEL, token, new Date(now));
  if (checked.ok) return { structure: checked.subject, expiresAt: checked.expiresAt };
  if (checked.reason === 'invalid') throw invalid();
  const message = 'Ce lien de correction a expiré. Demandez un nouveau lien au centre.';
  const error = new errors.ApplicationError(message, {
    errors: [{ path: ['token'], message, name: 'ExpiredLinkError' }],
  });
  // A 400 like a bad link, named apart so that a site can offer to ask for a new one.
  (error as Error).name = 'ExpiredLinkError';
  throw error;
}
