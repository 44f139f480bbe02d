import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parseOrThrow } from '@csc/plugin-core/toolkit';
import { CANDIDATE_UID, DELIVERY_UID, GROUP_MESSAGE_UID } from '../../../shared/permissions';
import { coreService } from '../core-services';
import { messageBody } from '../members/fields';
import type { Member } from '../members/session';
import { GROUP_NOTICE } from '../notices/jobs';
import { getService } from '../utils/get-service';

const LIMIT = 200;

interface DeliveryRow {
  id: number;
  documentId: string;
  noticeSentAt: string | null;
  message: { documentId: string; body: string; createdAt: string } | null;
  candidate: { firstName: string; email: string | null; centre: { id: number } | null } | null;
}

/**
 * Messages to a group a member belongs to: today, a referent to every candidate she follows who
 * has a space. Each recipient gets a delivery (what she reads in her space) and an e-mail notice
 * through the outbox, which never carries the message.
 */
const createGroupMessagesService = ({ strapi }: { strapi: Core.Strapi }) => ({
  registerJobs(): void {
    coreService(strapi, 'outbox').handle(
      GROUP_NOTICE,
      async ({ delivery }) => {
        const row = (await strapi.db.query(DELIVERY_UID).findOne({
          where: { documentId: delivery },
          select: ['id', 'noticeSentAt'],
          populate: {
            message: { select: ['documentId'] },
            candidate: { select: ['firstName', 'email'], populate: { centre: { select: ['id'] } } },
          },
        })) as DeliveryRow | null;
        if (!row || row.noticeSentAt || !row.candidate?.email) return;
        const mail = coreService(strapi, 'mail');
        await mail.send({
          to: row.candidate.email,
          centre: row.candidate.centre?.id ?? null,
          ...mail.compose({
            subject: 'Nouveau message de votre référent',
            paragraphs: [
              `Bonjour ${row.candidate.firstName}, votre référent a écrit aux candidats qu’il accompagne.`,
              'Lisez le message dans votre espace emploi.',
            ],
            signature: 'Le portail emploi du centre social',
          }),
        });
        await strapi.db
          .query(DELIVERY_UID)
          .update({ where: { id: row.id }, data: { noticeSentAt: getService(strapi, 'clock').now() } });
      },
      { label: 'Emploi : prévenir d’un message de groupe', publicFields: ['delivery'], maxAttempts: 5 },
    );
  },

  /** A referent writes to all her candidates who have a space; the answer says to how many. */
  async sendToCandidates(member: Member, body: unknown): Promise<{ id: string; recipients: number }> {
    const input = parseOrThrow(messageBody, body ?? {});
    const candidates = (await strapi.db.query(CANDIDATE_UID).findMany({
      where: { referent: { id: member.id }, account: { id: { $notNull: true } } },
      select: ['id'],
      limit: LIMIT,
    })) as { id: number }[];
    if (candidates.length === 0) {
      throw new errors.PolicyError(
        'Aucun des candidats que vous accompagnez n’a encore d’espace pour lire un message.',
      );
    }
    const deliveries: string[] = [];
    const message = await strapi.db.transaction(async () => {
      const created = (await strapi.db.query(GROUP_MESSAGE_UID).create({
        data: { author: member.id, group: 'referent-candidates', body: input.body },
      })) as { id: number; documentId: string };
      for (const candidate of candidates) {
        const delivery = (await strapi.db
          .query(DELIVERY_UID)
          .create({ data: { message: created.id, candidate: candidate.id } })) as { documentId: string };
        deliveries.push(delivery.documentId);
      }
      return created;
    });
    for (const delivery of deliveries) {
      await coreService(strapi, 'outbox').enqueue(
        GROUP_NOTICE,
        { delivery },
        { idempotencyKey: `emploi.group-notice:${delivery}` },
      );
    }
    return { id: message.documentId, recipients: deliveries.length };
  },

  /** What a candidate received, or what a referent sent to her candidates; newest first. */
  async list(member: Member): Promise<Record<string, unknown>[]> {
    if (member.kind === 'referent') {
      const sent = (await strapi.db.query(GROUP_MESSAGE_UID).findMany({
        where: { author: member.id },
        select: ['documentId', 'group', 'body', 'createdAt'],
        orderBy: { id: 'desc' },
        limit: LIMIT,
      })) as { documentId: string; group: string; body: string; createdAt: string }[];
      return sent.map((row) => ({
        id: row.documentId,
        group: row.group,
        mine: true,
        body: row.body,
        sentAt: row.createdAt,
      }));
    }
    if (member.kind !== 'candidate') return [];
    const received = (await strapi.db.query(DELIVERY_UID).findMany({
      where: { candidate: { account: { id: member.id } } },
      populate: { message: { select: ['documentId', 'group', 'body', 'createdAt'] } },
      orderBy: { id: 'desc' },
      limit: LIMIT,
    })) as (DeliveryRow & { message: { group: string } | null })[];
    return received.flatMap(({ message }) =>
      message
        ? [{ id: message.documentId, group: message.group, mine: false, body: message.body, sentAt: message.createdAt }]
        : [],
    );
  },
});

export type GroupMessagesService = ReturnType<typeof createGroupMessagesService>;
export default createGroupMessagesService;
