import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parseOrThrow } from '@csc/plugin-core/toolkit';
import { MESSAGE_UID, POSITIONING_UID } from '../../../shared/permissions';
import { coreService } from '../core-services';
import { messageBody } from '../members/fields';
import type { Member } from '../members/session';
import { MESSAGE_NOTICE } from '../notices/jobs';
import { getService } from '../utils/get-service';
import { ofName } from '../notices/french';

interface Thread {
  id: number;
  documentId: string;
  state: string;
  centre: { id: number } | null;
  candidate: {
    id: number;
    firstName: string;
    email: string | null;
    account: { id: number } | null;
    referent: { id: number } | null;
  } | null;
  employer: { id: number; name: string; contactEmail: string | null } | null;
}

const LIMIT = 500;

/**
 * Messages between a candidate and an employer, once the candidate accepted its positioning:
 * stored in the space, with an e-mail notice to the other side through the outbox. The notice
 * never carries the message, and neither do job payloads or logs.
 */
const createMessagesService = ({ strapi }: { strapi: Core.Strapi }) => {
  async function thread(member: Member, documentId: string): Promise<Thread> {
    const row = (await strapi.db.query(POSITIONING_UID).findOne({
      where: { documentId },
      populate: {
        centre: { select: ['id'] },
        candidate: {
          select: ['id', 'firstName', 'email'],
          populate: { account: { select: ['id'] }, referent: { select: ['id'] } },
        },
        employer: { select: ['id', 'name', 'contactEmail'] },
      },
    })) as Thread | null;
    const mine =
      row &&
      (member.kind === 'candidate'
        ? row.candidate?.account?.id === member.id
        : member.kind === 'referent'
          ? row.candidate?.referent?.id === member.id
          : row.employer?.id === (await getService(strapi, 'employers').ofAccount(member.id)).id);
    if (!row || !mine) throw new errors.NotFoundError('Cette conversation n’existe pas.');
    if (row.state !== 'accepted') {
      throw new errors.PolicyError('Vous pourrez écrire quand le candidat aura accepté le positionnement.');
    }
    return row;
  }

  const service = {
    registerJobs(): void {
      coreService(strapi, 'outbox').handle(
        MESSAGE_NOTICE,
        async ({ message }) => {
          const row = (await strapi.db.query(MESSAGE_UID).findOne({
            where: { documentId: message },
            select: ['id', 'author', 'noticeSentAt'],
            populate: {
              positioning: {
                populate: {
                  centre: { select: ['id'] },
                  candidate: { select: ['firstName', 'email'], populate: { referent: { select: ['email'] } } },
                  employer: { select: ['name', 'contactEmail'] },
                },
              },
            },
          })) as {
            id: number;
            author: 'candidate' | 'employer' | 'referent';
            noticeSentAt: string | null;
            positioning:
              | (Omit<Thread, 'candidate'> & {
                  candidate: { firstName: string; email: string | null; referent: { email: string } | null } | null;
                })
              | null;
          } | null;
          const positioning = row?.positioning;
          if (!row || row.noticeSentAt || !positioning?.candidate || !positioning.employer) return;
          const { candidate, employer } = positioning;
          // The employer's messages reach the candidate and her referent; theirs reach the employer.
          const to =
            row.author === 'employer'
              ? [candidate.email, candidate.referent?.email].filter((address): address is string => Boolean(address))
              : employer.contactEmail
                ? [employer.contactEmail]
                : [];
          const from =
            row.author === 'employer'
              ? employer.name
              : row.author === 'referent'
                ? `le référent de ${candidate.firstName}`
                : candidate.firstName;
          const mail = coreService(strapi, 'mail');
          for (const address of to) {
            await mail.send({
              to: address,
              centre: positioning.centre?.id ?? null,
              ...mail.compose({
                subject: `Nouveau message ${ofName(from)}`,
                paragraphs: [
                  `${from.charAt(0).toUpperCase()}${from.slice(1)} vous a écrit sur le portail emploi.`,
                  'Lisez le message et répondez dans votre espace.',
                ],
                signature: 'Le portail emploi du centre social',
              }),
            });
          }
          await strapi.db
            .query(MESSAGE_UID)
            .update({ where: { id: row.id }, data: { noticeSentAt: getService(strapi, 'clock').now() } });
        },
        { label: 'Emploi : prévenir d’un nouveau message', publicFields: ['message'], maxAttempts: 5 },
      );
    },

    async list(member: Member, positioning: string) {
      const row = await thread(member, positioning);
      const messages = (await strapi.db.query(MESSAGE_UID).findMany({
        where: { positioning: { id: row.id } },
        select: ['documentId', 'author', 'body', 'createdAt'],
        orderBy: { id: 'asc' },
        limit: LIMIT,
      })) as { documentId: string; author: string; body: string; createdAt: string }[];
      return messages.map((message) => ({
        id: message.documentId,
        mine: message.author === member.kind,
        from: message.author,
        body: message.body,
        sentAt: message.createdAt,
      }));
    },

    async send(member: Member, positioning: string, body: unknown) {
      const input = parseOrThrow(messageBody, body ?? {});
      const row = await thread(member, positioning);
      const created = (await strapi.db.query(MESSAGE_UID).create({
        data: { positioning: row.id, author: member.kind, body: input.body },
      })) as { documentId: string };
      await coreService(strapi, 'outbox').enqueue(
        MESSAGE_NOTICE,
        { message: created.documentId },
        { idempotencyKey: `emploi.message-notice:${created.documentId}` },
      );
      return { id: created.documentId };
    },
  };
  return service;
};

export type MessagesService = ReturnType<typeof createMessagesService>;
export default createMessagesService;
