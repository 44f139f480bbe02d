import type { Core } from '@strapi/strapi';
import { CAPTURED_EMAIL_UID } from '../../../shared/permissions';
import type { PersonalDataType } from '../gdpr/registry';

/** The bare addresses of a `to` header such as `a@b.fr, Nom <c@d.fr>`, lower-cased. */
function recipients(to: string): string[] {
  return to.split(',').map((part) => (/<([^<>]+)>/.exec(part)?.[1] ?? part).trim().toLowerCase());
}

/** Captured e-mails hold the recipient's address and the words written to them. */
export function capturedEmails(strapi: Core.Strapi): PersonalDataType {
  return {
    uid: CAPTURED_EMAIL_UID,
    label: 'E-mails capturés',
    centreScoped: true,
    async find(person) {
      if (!person.email) return [];
      const email = person.email.toLowerCase();
      const rows = await strapi.db.query(CAPTURED_EMAIL_UID).findMany({
        where: { to: { $containsi: email } },
        populate: { centre: { select: ['id', 'name'] } },
        orderBy: { id: 'asc' },
      });
      return rows
        .filter((row: { to: string }) => recipients(row.to).includes(email))
        .map((row: Record<string, unknown> & { documentId: string; centre?: { id: number; name: string } | null }) => ({
          ref: { uid: CAPTURED_EMAIL_UID, documentId: row.documentId, centre: row.centre?.id ?? null },
          record: {
            centre: row.centre?.name ?? null,
            le: row.createdAt,
            a: row.to,
            objet: row.subject,
            texte: row.text,
          },
        }));
    },
    async erase(refs) {
      const { count } = await strapi.db
        .query(CAPTURED_EMAIL_UID)
        .deleteMany({ where: { documentId: { $in: refs.map((ref) => ref.documentId) } } });
      return { erased: count, anonymised: 0 };
    },
  };
}
