import type { Core } from '@strapi/strapi';
import { MODERATION_ITEM_UID } from '../../../shared/permissions';
import type { PersonalDataType } from '../gdpr/registry';

const STATUS_LABELS: Record<string, string> = {
  pending: 'en attente',
  accepted: 'acceptée',
  refused: 'refusée',
  'changes-requested': 'modifications demandées',
};

/**
 * Moderation items keep the submitter's address (to tell them about decisions) and what they
 * proposed. Erasing a person removes their waiting items and strips the decided ones, whose
 * decision stays (ids only) in the audit log.
 */
export function moderationItems(strapi: Core.Strapi): PersonalDataType {
  const items = () => strapi.db.query(MODERATION_ITEM_UID);
  return {
    uid: MODERATION_ITEM_UID,
    label: 'Contributions proposées',
    centreScoped: true,
    async find(person) {
      if (!person.email) return [];
      const rows = await items().findMany({
        where: { submitterEmail: person.email.toLowerCase() },
        populate: { centre: { select: ['id', 'name'] } },
        orderBy: { id: 'asc' },
      });
      return rows.map(
        (row: Record<string, unknown> & { documentId: string; centre?: { id: number; name: string } | null }) => ({
          ref: { uid: MODERATION_ITEM_UID, documentId: row.documentId, centre: row.centre?.id ?? null },
          record: {
            centre: row.centre?.name ?? null,
            le: row.createdAt,
            titre: row.title,
            statut: STATUS_LABELS[String(row.status)] ?? row.status,
            email: row.submitterEmail,
            proposition: row.proposedData ?? null,
            reponse: row.message ?? null,
          },
        }),
      );
    },
    async erase(refs) {
      const documentIds = refs.map((ref) => ref.documentId);
      const { count: erased } = await items().deleteMany({
        where: { documentId: { $in: documentIds }, status: 'pending' },
      });
      const { count: anonymised } = await items().updateMany({
        where: { documentId: { $in: documentIds } },
        data: { submitterEmail: null, proposedData: null, previousData: null },
      });
      return { erased, anonymised };
    },
  };
}
