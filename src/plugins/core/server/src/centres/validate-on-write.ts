import type { Core } from '@strapi/strapi';
import { CENTRE_UID } from '../../../shared/permissions';
import { assertValidCentre } from './validation';

/**
 * Checks a centre's fields on every write, whoever writes (content manager, seed, product code),
 * before anything reaches the database.
 */
export function validateCentresOnWrite(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid === CENTRE_UID && (context.action === 'create' || context.action === 'update')) {
      assertValidCentre((context.params as { data?: unknown }).data);
    }
    return next();
  });
}
