import type { Core } from '@strapi/strapi';
import { REQUEST_UID, REQUESTER_UID, STRUCTURE_UID } from '../../../shared/permissions';
import { coreService } from '@csc/plugin-core/toolkit';
import { DIGEST_MAIL, DIGEST_PLAN, REQUESTER_NOTICE, STRUCTURE_WELCOME } from './jobs';
import type { MailLayout } from '@csc/plugin-core/toolkit';
import { digestMail, requesterNotice, welcomeMail } from './mails';

/** Words listed in one digest: the most asked first. */
const DIGEST_SIZE = 30;

const parisDay = new Intl.DateTimeFormat('fr-CA', { timeZone: 'Europe/Paris', dateStyle: 'short' });
const parisWeekday = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', weekday: 'short' });

/**
 * E-mails of the dictionary, all through core's outbox: the digest of open requests, the one
 * notice to each requester once their word is defined, the welcome of a validated structure.
 */
const createNoticesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const outbox = () => coreService(strapi, 'outbox');
  const siteUrl = () => String(strapi.config.get('plugin::dictionnaire.siteUrl') ?? '');

  async function send(to: string, layout: MailLayout): Promise<void> {
    const mail = coreService(strapi, 'mail');
    await mail.send({ to, ...mail.compose(layout) });
  }

  const service = {
    /** Called from bootstrap: the handlers and the morning schedule. */
    registerJobs(): void {
      const box = outbox();
      box.handle(
        REQUESTER_NOTICE,
        async ({ requester, slug }) => {
          const row = (await strapi.db.query(REQUESTER_UID).findOne({
            where: { id: requester },
            populate: { request: { select: ['word'] } },
          })) as { id: number; email: string; request: { word: string } | null } | null;
          // Gone: told already (the address is deleted right after), or erased on request.
          if (!row) return;
          await send(row.email, requesterNotice(row.request?.word ?? slug, slug, siteUrl()));
          await strapi.db.query(REQUESTER_UID).delete({ where: { id: row.id } });
        },
        {
          label: 'Dictionnaire : prévenir une personne que son mot est défini',
          publicFields: ['slug'],
          maxAttempts: 5,
        },
      );
      box.handle(
        DIGEST_PLAN,
        async (_payload, ctx) => {
          await service.planDigests(ctx.runAt);
        },
        {
          label: 'Dictionnaire : préparer les récapitulatifs des mots demandés',
        },
      );
      box.handle(
        DIGEST_MAIL,
        async ({ structure, day }) => {
          await service.sendDigest(structure, day);
        },
        { label: 'Dictionnaire : récapitulatif des mots demandés', publicFields: ['structure', 'day'], maxAttempts: 5 },
      );
      box.handle(
        STRUCTURE_WELCOME,
        async ({ structure }) => {
          const row = (await strapi.db.query(STRUCTURE_UID).findOne({ where: { id: structure } })) as {
            name: string;
            contact_email: string;
            status: string;
          } | null;
          if (!row || row.status !== 'validated') return;
          await send(row.contact_email, welcomeMail(row.name, row.contact_email));
        },
        { label: 'Dictionnaire : bienvenue à une structure validée', publicFields: ['structure'], maxAttempts: 5 },
      );
      box.schedule({ name: 'dictionnaire.digest', job: DIGEST_PLAN.name, every: 'day', at: '07:30' });
    },

    /**
     * The digests due on `now`'s Paris day: daily ones every day, weekly ones on Mondays. One job
     * per structure and day (idempotency key), however often this runs.
     */
    async planDigests(now: Date): Promise<number> {
      const day = parisDay.format(now);
      const monday = parisWeekday.format(now) === 'Mon';
      const rows = (await strapi.db.query(STRUCTURE_UID).findMany({
        where: { status: 'validated', digest: monday ? { $in: ['daily', 'weekly'] } : 'daily' },
        select: ['id'],
      })) as { id: number }[];
      if (rows.length === 0) return 0;
      await outbox().enqueueMany(
        DIGEST_MAIL,
        rows.map((row) => ({
          payload: { structure: row.id, day },
          idempotencyKey: `dictionnaire.digest:${row.id}:${day}`,
        })),
      );
      return rows.length;
    },

    /** One structure's digest; nothing is sent when no word waits or the structure opted out. */
    async sendDigest(structureId: number, _day: string): Promise<boolean> {
      const structure = (await strapi.db.query(STRUCTURE_UID).findOne({ where: { id: structureId } })) as {
        name: string;
        contact_email: string;
        status: string;
        digest: 'daily' | 'weekly' | 'none';
      } | null;
      if (!structure || structure.status !== 'validated' || structure.digest === 'none') return false;
      const open = (await strapi.db.query(REQUEST_UID).findMany({
        where: { status: 'open' },
        select: ['word', 'count'],
        orderBy: [{ count: 'desc' }, { id: 'asc' }],
        limit: DIGEST_SIZE,
      })) as { word: string; count: number }[];
      if (open.length === 0) return false;
      await send(structure.contact_email, digestMail(structure.name, open, structure.digest));
      return true;
    },

    /** Once per requester (idempotency key): the job sends, then deletes the address. */
    async notifyRequesters(requestIds: number[], slug: string): Promise<void> {
      if (requestIds.length === 0) return;
      const rows = (await strapi.db.query(REQUESTER_UID).findMany({
        where: { request: { id: { $in: requestIds } } },
        select: ['id'],
      })) as { id: number }[];
      if (rows.length === 0) return;
      await outbox().enqueueMany(
        REQUESTER_NOTICE,
        rows.map((row) => ({
          payload: { requester: row.id, slug },
          idempotencyKey: `dictionnaire.requester-notice:${row.id}`,
        })),
      );
    },

    async welcome(structureId: number): Promise<void> {
      await outbox().enqueue(
        STRUCTURE_WELCOME,
        { structure: structureId },
        { idempotencyKey: `dictionnaire.structure-welcome:${structureId}` },
      );
    },
  };
  return service;
};

export type NoticesService = ReturnType<typeof createNoticesService>;
export default createNoticesService;
