import type { Core } from '@strapi/strapi';
import { SMS_RECEIPT_UID } from '../../../shared/permissions';
import type { PersonalDataType } from '../gdpr/registry';
import { getService } from '../utils/get-service';

/** SMS receipts hold a number and a text: found by phone; erasing a person anonymises them. */
export function smsReceipts(strapi: Core.Strapi): PersonalDataType {
  return {
    uid: SMS_RECEIPT_UID,
    label: 'SMS envoyés',
    centreScoped: true,
    async find(person) {
      if (!person.phone) return [];
      const rows = await getService(strapi, 'sms').findByPhone(person.phone);
      return rows.map((row) => ({
        ref: { uid: SMS_RECEIPT_UID, documentId: row.documentId, centre: row.centre?.id ?? null },
        record: {
          centre: row.centre?.name ?? null,
          le: new Date(row.createdAt).toISOString(),
          numero: row.phone,
          message: row.body,
          etat: row.status,
          nombre_de_sms: row.segments,
        },
      }));
    },
    async erase(refs) {
      const { count } = await getService(strapi, 'sms').anonymise(refs.map((ref) => ref.documentId));
      // The receipt stays (counts, status) without the number and the text.
      return { erased: 0, anonymised: count };
    },
  };
}
