import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CENTRE_UID, PLUGIN_ID } from '../../../shared/permissions';

/**
 * A product declares that a content type belongs to a centre with one line in its schema:
 * `"pluginOptions": { "core": { "centreScoped": true } }`. Core then adds the `centre` relation,
 * fills it when the install has a single centre, and the "same centre" condition applies to it.
 */
export function centreScopedTypes(strapi: Core.Strapi): string[] {
  return Object.entries(strapi.contentTypes)
    .filter(([, contentType]) => {
      const options = (contentType.pluginOptions as Record<string, { centreScoped?: boolean }> | undefined)?.[
        PLUGIN_ID
      ];
      return options?.centreScoped === true;
    })
    .map(([uid]) => uid);
}

/** Runs in core's register, before the database models are built from the schemas. */
export function addCentreRelations(strapi: Core.Strapi): void {
  for (const uid of centreScopedTypes(strapi)) {
    strapi.get('content-types').extend(uid, (contentType: { attributes: Record<string, unknown> }) => {
      contentType.attributes.centre = { type: 'relation', relation: 'manyToOne', target: CENTRE_UID };
    });
  }
}

function hasCentre(data: Record<string, unknown>): boolean {
  const value = data.centre;
  if (value === undefined || value === null) return false;
  if (typeof value === 'object' && 'connect' in value) return (value as { connect: unknown[] }).connect?.length > 0;
  if (typeof value === 'object' && 'set' in value) return (value as { set: unknown[] }).set?.length > 0;
  return true;
}

/**
 * An entry of a centre-scoped type never exists without its centre: with one centre it is
 * filled in, with several the writer must choose.
 */
export function requireCentreOnCreate(strapi: Core.Strapi): void {
  let scoped: Set<string> | undefined;
  strapi.documents.use(async (context, next) => {
    scoped ??= new Set(centreScopedTypes(strapi));
    if (context.action !== 'create' || !scoped.has(context.uid)) return next();
    const params = context.params as { data?: Record<string, unknown> };
    const data = params.data ?? {};
    if (!hasCentre(data)) {
      const centres = await strapi.db.query(CENTRE_UID).findMany({ select: ['id'], limit: 2 });
      if (centres.length !== 1) {
        throw new errors.ValidationError('Choisissez le centre auquel cette fiche appartient.', {
          errors: [
            {
              path: ['centre'],
              message: 'Choisissez le centre auquel cette fiche appartient.',
              name: 'ValidationError',
            },
          ],
        });
      }
      params.data = { ...data, centre: centres[0].id };
    }
    return next();
  });
}
