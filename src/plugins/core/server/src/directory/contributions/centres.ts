import type { Core } from '@strapi/strapi';
import { CENTRE_UID } from '../../../../shared/permissions';
import { fieldError } from '../../utils/errors';

/** The id of the centre with this slug, or a 400 on `centre`. */
export async function centreIdBySlug(strapi: Core.Strapi, slug: string): Promise<number> {
  const row = (await strapi.db.query(CENTRE_UID).findOne({ where: { slug }, select: ['id'] })) as { id: number } | null;
  if (!row) throw fieldError('centre', 'Ce centre n’existe pas.');
  return row.id;
}
