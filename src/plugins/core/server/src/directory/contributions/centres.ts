import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CENTRE_UID } from '../../../../shared/permissions';

/** Strapi's 400 with one French message on one field. */
export function fieldError(field: string, message: string) {
  return new errors.ValidationError(message, { errors: [{ path: [field], message, name: 'ValidationError' }] });
}

/** The id of the centre with this slug, or a 400 on `centre`. */
export async function centreIdBySlug(strapi: Core.Strapi, slug: string): Promise<number> {
  const row = (await strapi.db.query(CENTRE_UID).findOne({ where: { slug }, select: ['id'] })) as { id: number } | null;
  if (!row) throw fieldError('centre', 'Ce centre n’existe pas.');
  return row.id;
}
