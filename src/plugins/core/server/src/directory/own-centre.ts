import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CENTRE_UID } from '../../../shared/permissions';
import { DIRECTORY_UIDS } from '../../../shared/contracts/directory';
import { getService } from '../utils/get-service';

type Ref = number | string | { id?: number | string; documentId?: string };

/** The centres named by a relation value: `3`, `"docId"`, `{ connect: [{ id }] }`, `{ set: […] }`. */
function referencedCentres(value: unknown): Ref[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'number' || typeof value === 'string') return [value];
  if (Array.isArray(value)) return value as Ref[];
  if (typeof value === 'object') {
    const relation = value as { connect?: Ref[]; set?: Ref[]; id?: number; documentId?: string };
    if (relation.connect || relation.set) return [...(relation.connect ?? []), ...(relation.set ?? [])];
    return [relation as Ref];
  }
  return [];
}

async function centreIdOf(strapi: Core.Strapi, ref: Ref): Promise<number | null> {
  const key = typeof ref === 'object' ? (ref.id ?? ref.documentId) : ref;
  if (key === undefined) return null;
  if (typeof key === 'number' || /^\d+$/.test(String(key))) return Number(key);
  const row = await strapi.db.query(CENTRE_UID).findOne({ where: { documentId: String(key) }, select: ['id'] });
  return row ? (row.id as number) : null;
}

/**
 * A centre's team files directory entries under its own centres only: the "same centre"
 * condition limits what staff read and change, not which centre a new entry names. Super-admins
 * and accounts attached to no centre (federation staff given wider permissions) are not limited.
 */
export function keepDirectoryEntriesInOwnCentres(strapi: Core.Strapi): void {
  const uids = new Set<string>(DIRECTORY_UIDS);
  strapi.documents.use(async (context, next) => {
    if (!uids.has(context.uid) || (context.action !== 'create' && context.action !== 'update')) return next();
    const data = (context.params as { data?: Record<string, unknown> }).data;
    const refs = referencedCentres(data?.centre);
    if (refs.length === 0) return next();
    const ctx = strapi.requestContext.get() as
      | { state?: { user?: { id: number; roles?: { code?: string }[] }; auth?: { strategy?: { name?: string } } } }
      | undefined;
    const user = ctx?.state?.auth?.strategy?.name === 'admin' ? ctx.state.user : undefined;
    if (!user) return next();
    const scope = getService(strapi, 'scope');
    if (scope.isSuperAdmin(user)) return next();
    const own = await scope.centreIdsOf(user.id);
    if (own.length === 0) return next();
    for (const ref of refs) {
      const id = await centreIdOf(strapi, ref);
      if (id === null || !own.includes(id)) {
        const message = 'Vous ne pouvez classer une fiche que dans un centre dont vous faites partie.';
        // A 400 on the field, so that the content manager shows it next to the centre.
        throw new errors.ValidationError(message, {
          errors: [{ path: ['centre'], message, name: 'ValidationError' }],
        });
      }
    }
    return next();
  });
}
