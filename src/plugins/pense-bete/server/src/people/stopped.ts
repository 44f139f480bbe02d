import type { Core } from '@strapi/strapi';
import { PERSON_UID } from '../../../shared/permissions';

export interface StoppedPerson {
  documentId: string;
  firstName: string;
  phone: string;
  smsStoppedAt: string | Date;
}

/** Persons of these centres whose number is on the SMS provider's blacklist (STOP), SMS channel only. */
export async function stoppedPersons(strapi: Core.Strapi, centres: number[]): Promise<StoppedPerson[]> {
  return (await strapi.db.query(PERSON_UID).findMany({
    where: {
      centre: { id: { $in: centres } },
      channel: 'sms',
      smsStoppedAt: { $notNull: true },
      phone: { $notNull: true },
    },
    select: ['documentId', 'firstName', 'phone', 'smsStoppedAt'],
    orderBy: [{ smsStoppedAt: 'desc' }, { id: 'desc' }],
    limit: 2000,
  })) as StoppedPerson[];
}
