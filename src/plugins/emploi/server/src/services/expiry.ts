import type { Core } from '@strapi/strapi';
import { OFFER_UID } from '../../../shared/permissions';
import { coreService } from '../core-services';
import { addDays, dayOf, parisDay } from '../offers/days';
import { CLOSED_NOTICE, EXPIRING_NOTICE, OFFER_EXPIRY } from '../notices/jobs';
import type { MailLayout } from '@csc/plugin-core/toolkit';
import { closedMail, expiringMail } from '../notices/mails';
import { getService } from '../utils/get-service';

type Row = {
  id: number;
  documentId: string;
  title: string;
  validUntil: string;
  state: string;
  posterEmail: string | null;
  expiryNoticeFor: string | null;
  closingNoticeSentAt: string | null;
  centre: { id: number; name: string } | null;
};

export interface ExpiryOutcome {
  closed: number;
  warned: number;
}

/**
 * Offers close by themselves on the day after their last day, through core's outbox: a daily job
 * closes them and plans one e-mail to each poster about a week before, and one at closing. Each
 * notice has its own job (an idempotency key per offer, per last day for the warning) and a mark
 * on the offer, so a poster is told once even if the job runs again.
 */
const createExpiryService = ({ strapi }: { strapi: Core.Strapi }) => {
  const outbox = () => coreService(strapi, 'outbox');
  const now = () => getService(strapi, 'clock').now();
  const noticeDays = () => Number(strapi.config.get('plugin::emploi.noticeDaysBefore'));

  const published = async (documentId: string): Promise<Row | null> =>
    (await strapi.db.query(OFFER_UID).findOne({
      where: { documentId, publishedAt: { $notNull: true } },
      select: [
        'id',
        'documentId',
        'title',
        'validUntil',
        'state',
        'posterEmail',
        'expiryNoticeFor',
        'closingNoticeSentAt',
      ],
      populate: { centre: { select: ['id', 'name'] } },
    })) as Row | null;

  async function send(row: Row, layout: MailLayout): Promise<void> {
    const mail = coreService(strapi, 'mail');
    await mail.send({ to: row.posterEmail as string, ...mail.compose(layout), centre: row.centre?.id ?? null });
  }

  const service = {
    /** Called from bootstrap: the handlers and the morning schedule. */
    registerJobs(): void {
      const box = outbox();
      box.handle(
        OFFER_EXPIRY,
        async () => {
          await service.run();
        },
        { label: 'Emploi : clore les offres arrivées à leur date de fin' },
      );
      box.handle(
        EXPIRING_NOTICE,
        async ({ offer, validUntil }) => {
          const row = await published(offer);
          // Extended, closed or already told since the job was planned: nothing to say.
          if (!row || !row.posterEmail || row.state !== 'open') return;
          const day = dayOf(row.validUntil);
          if (day !== validUntil || dayOf(row.expiryNoticeFor) === day) return;
          await send(row, expiringMail(row.title, validUntil, row.centre?.name ?? null));
          await strapi.db.query(OFFER_UID).updateMany({ where: { documentId: offer }, data: { expiryNoticeFor: day } });
        },
        {
          label: 'Emploi : prévenir qu’une offre se termine bientôt',
          publicFields: ['offer', 'validUntil'],
          maxAttempts: 5,
        },
      );
      box.handle(
        CLOSED_NOTICE,
        async ({ offer }) => {
          const row = await published(offer);
          if (!row || !row.posterEmail || row.state !== 'closed' || row.closingNoticeSentAt) return;
          await send(row, closedMail(row.title, dayOf(row.validUntil) ?? '', row.centre?.name ?? null));
          await strapi.db
            .query(OFFER_UID)
            .updateMany({ where: { documentId: offer }, data: { closingNoticeSentAt: now() } });
        },
        { label: 'Emploi : prévenir qu’une offre est close', publicFields: ['offer'], maxAttempts: 5 },
      );
      box.schedule({ name: 'emploi.expiry', job: OFFER_EXPIRY.name, every: 'day', at: '06:00' });
    },

    /** Closes what is past its last day and plans the notices; safe to run any number of times. */
    async run(): Promise<ExpiryOutcome> {
      const instant = now();
      const today = parisDay(instant);
      const offers = strapi.db.query(OFFER_UID);
      // Drafts close with their published version, so that publishing one later does not revive it.
      const expired = (await offers.findMany({
        where: { state: 'open', validUntil: { $lt: today } },
        select: ['documentId', 'publishedAt'],
      })) as { documentId: string; publishedAt: string | null }[];
      const ids = [...new Set(expired.map((row) => row.documentId))];
      if (ids.length > 0) {
        await offers.updateMany({ where: { documentId: { $in: ids } }, data: { state: 'closed', closedAt: instant } });
      }
      const wasLive = [...new Set(expired.filter((row) => row.publishedAt).map((row) => row.documentId))];
      if (wasLive.length > 0) {
        await outbox().enqueueMany(
          CLOSED_NOTICE,
          wasLive.map((offer) => ({ payload: { offer }, idempotencyKey: `emploi.closed-notice:${offer}` })),
        );
      }
      const soon = (await offers.findMany({
        where: {
          state: 'open',
          publishedAt: { $notNull: true },
          validUntil: { $gte: today, $lte: addDays(today, noticeDays()) },
          posterEmail: { $notNull: true },
        },
        select: ['documentId', 'validUntil', 'expiryNoticeFor'],
      })) as { documentId: string; validUntil: string; expiryNoticeFor: string | null }[];
      const toWarn = soon
        .map((row) => ({
          offer: row.documentId,
          validUntil: dayOf(row.validUntil) as string,
          told: dayOf(row.expiryNoticeFor),
        }))
        .filter((row) => row.told !== row.validUntil);
      if (toWarn.length > 0) {
        await outbox().enqueueMany(
          EXPIRING_NOTICE,
          toWarn.map(({ offer, validUntil }) => ({
            payload: { offer, validUntil },
            idempotencyKey: `emploi.expiring-notice:${offer}:${validUntil}`,
          })),
        );
      }
      return { closed: wasLive.length, warned: toWarn.length };
    },
  };
  return service;
};

export type ExpiryService = ReturnType<typeof createExpiryService>;
export default createExpiryService;
