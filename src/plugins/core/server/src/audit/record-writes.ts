import type { Core } from '@strapi/strapi';
import { AUDIT_UID, CENTRE_UID } from '../../../shared/permissions';
import { getService } from '../utils/get-service';
import { actorOfRequest } from './actor';

const AUDITED_ACTIONS = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);
// Framework internals (media, translations, releases, workflows) are not the centre's content.
const IGNORED_PREFIXES = ['plugin::upload.', 'plugin::i18n.', 'plugin::content-releases.', 'plugin::review-workflows.'];

function isAudited(strapi: Core.Strapi, uid: string): boolean {
  if (uid === AUDIT_UID || IGNORED_PREFIXES.some((prefix) => uid.startsWith(prefix))) return false;
  if (!uid.startsWith('api::') && !uid.startsWith('plugin::')) return false;
  const contentType = strapi.contentTypes[uid as keyof typeof strapi.contentTypes];
  const options = contentType?.pluginOptions as { 'content-manager'?: { visible?: boolean } } | undefined;
  return options?.['content-manager']?.visible !== false;
}

async function centreOf(strapi: Core.Strapi, uid: string, documentId: string | undefined): Promise<number | null> {
  if (!documentId) return null;
  if (uid === CENTRE_UID) {
    const centre = await strapi.db.query(CENTRE_UID).findOne({ where: { documentId }, select: ['id'] });
    return centre?.id ?? null;
  }
  const attributes = strapi.contentTypes[uid as keyof typeof strapi.contentTypes]?.attributes as Record<
    string,
    unknown
  >;
  if (!attributes?.centre) return null;
  const entry = await strapi.db
    .query(uid as never)
    .findOne({ where: { documentId }, populate: { centre: { select: ['id'] } } });
  return (entry as { centre?: { id: number } | null } | null)?.centre?.id ?? null;
}

/**
 * Every write a person makes through the admin or the API on the centre's content lands in the
 * audit log: who, which action, which entry, which centre. Seeds and jobs (no request) do not;
 * the services that act on their own behalf (moderation, GDPR) record explicitly.
 */
export function recordWrites(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (!AUDITED_ACTIONS.has(context.action) || !isAudited(strapi, context.uid)) return next();
    const actor = actorOfRequest(strapi);
    if (actor.type === 'system') return next();
    const params = context.params as { documentId?: string };
    const centreBefore = context.action === 'delete' ? await centreOf(strapi, context.uid, params.documentId) : null;
    const result = await next();
    const documentId = (result as { documentId?: string } | null)?.documentId ?? params.documentId;
    const centre = context.action === 'delete' ? centreBefore : await centreOf(strapi, context.uid, documentId);
    await getService(strapi, 'audit').record({
      action: `entry.${context.action}`,
      actor,
      subject: { uid: context.uid, id: documentId ?? null },
      centre,
    });
    return result;
  });
}
