import { errors } from '@strapi/utils';

/** Strapi's 400 with one French message on one field. */
export function fieldError(field: string, message: string) {
  return new errors.ValidationError(message, { errors: [{ path: [field], message, name: 'ValidationError' }] });
}

/**
 * A 403 with its French message. Strapi's content-API authorisation step turns any
 * `ForbiddenError` thrown behind it into a bare "Forbidden", except a `PolicyError`: hence one,
 * named like the error it stands for.
 */
export function forbidden(message: string) {
  const error = new errors.PolicyError(message);
  (error as Error).name = 'ForbiddenError';
  return error;
}
