import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { fieldError, parseOrThrow } from '@csc/plugin-core/toolkit';
import { isWithinSendingWindow, maskPhone, nextSendingTime, smsCost, smsLengthProblem } from '@csc/plugin-core/shared';
import { CONSENT_PURPOSES, PERSON_UID } from '../../../shared/permissions';
import { NEWS_DELIVERY_UID, NEWS_UID, groupConsentPurpose } from '../../../shared/news';
import type { NewsExcluded, NewsPreview, NewsRow, NewsSent } from '../../../shared/contracts/news';
import { penseBeteConfig } from '../config';
import { coreService, sendingWindow, type StaffUser } from '../core-services';
import { CONFIRMATION_MINUTES, NEWS_JOB, NEWS_MAX_ATTEMPTS, NEWS_VALID_HOURS } from '../news/job';
import { startOfParisMonth } from '../news/month';
import { newsPreviewRequest, newsSendRequest } from '../news/requests';
import { renderTemplate } from '../planning/template';
import { getService } from '../utils/get-service';
import type { GroupRecord, MemberRecord } from './groups';

type Person = NonNullable<MemberRecord['person']>;

interface Recipient {
  person: Person;
  channel: 'sms' | 'email';
  to: string;
  text: string;
  parts: number;
}

interface Audience {
  recipients: Recipient[];
  excluded: NewsExcluded[];
  parts: number;
  centre: { id: number; name: string; phone: string };
}

const EXCLUDED_MESSAGES: Record<NewsExcluded['reason'], string> = {
  'no-consent': 'N’a pas accepté (ou ne veut plus) recevoir les nouvelles de ce groupe par ce canal.',
  blacklisted: 'A répondu STOP : aucun SMS ne lui est envoyé.',
  'no-contact': 'Pas de numéro ou d’adresse pour son canal.',
};

/** Row of a delivery as the job reads it. */
interface DeliveryRecord {
  id: number;
  key: string;
  status: 'planned' | 'sending' | 'sent' | 'failed' | 'cancelled' | 'dropped';
  channel: 'sms' | 'email';
  news: {
    id: number;
    documentId: string;
    template: string;
    group: { id: number; documentId: string; name: string } | null;
  } | null;
  person: Person | null;
  centre: { id: number; name: string; phone: string | null } | null;
}

/**
 * News to one group: a preview that lists exactly who will receive what and what it costs, and a
 * send that only goes through with that preview's confirmation, within the caps, one outbox job
 * per recipient keyed so that nothing is ever sent twice.
 */
const createNewsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const now = () => getService(strapi, 'clock').now();
  const deliveries = () => strapi.db.query(NEWS_DELIVERY_UID);
  const consent = () => coreService(strapi, 'consent');

  async function audience(group: GroupRecord, template: string): Promise<Audience> {
    const centre = group.centre
      ? { id: group.centre.id, ...(await getService(strapi, 'sending').centreOf(group.centre.id)) }
      : { id: 0, name: '', phone: '' };
    const rows = await getService(strapi, 'groups').membersOf(group);
    const recipients: Recipient[] = [];
    const excluded: NewsExcluded[] = [];
    const sms = coreService(strapi, 'sms');
    for (const { person } of rows) {
      if (!person) continue;
      const exclude = (reason: NewsExcluded['reason']) =>
        excluded.push({
          id: person.documentId,
          firstName: person.firstName,
          reason,
          message: EXCLUDED_MESSAGES[reason],
        });
      const subject = { uid: PERSON_UID, id: person.documentId };
      // Both: this group's news, and messages by the person's channel (withdrawn = stops everything).
      const consents =
        (await consent().isGiven(subject, groupConsentPurpose(group.documentId))) &&
        (await consent().isGiven(subject, CONSENT_PURPOSES[person.channel]));
      if (!consents) {
        exclude('no-consent');
        continue;
      }
      const to = person.channel === 'sms' ? person.phone : person.email;
      if (!to) {
        exclude('no-contact');
        continue;
      }
      if (person.channel === 'sms' && (await sms.isBlacklisted(to, centre.id))) {
        exclude('blacklisted');
        continue;
      }
      const text = renderTemplate(template, {
        prenom: person.firstName,
        centre: centre.name,
        telephone_centre: centre.phone,
      });
      recipients.push({
        person,
        channel: person.channel,
        to,
        text,
        parts: person.channel === 'sms' ? smsCost(text).parts : 0,
      });
    }
    return { recipients, excluded, parts: recipients.reduce((sum, one) => sum + one.parts, 0), centre };
  }

  /** SMS (parts) of group news the centre has sent or queued this month. */
  async function usedThisMonth(centre: number): Promise<number> {
    const rows = (await strapi.db.query(NEWS_UID).findMany({
      where: { centre: { id: centre }, sentAt: { $gte: startOfParisMonth(now()) } },
      select: ['id', 'smsCount'],
    })) as { smsCount: number }[];
    return rows.reduce((sum, row) => sum + (Number(row.smsCount) || 0), 0);
  }

  function refusalOf(found: Audience, used: number): string | null {
    const config = penseBeteConfig(strapi);
    const count = found.recipients.length;
    if (count === 0) {
      return 'Personne dans ce groupe ne peut recevoir ce message : aucun membre n’a donné son consentement, ou tous ont répondu STOP.';
    }
    if (count > config.newsMaxRecipients) {
      return `Ce message irait à ${count} personnes : un message de groupe est limité à ${config.newsMaxRecipients} destinataires. Le Pense-bête n’est pas un outil d’envoi en masse : choisissez un groupe plus petit.`;
    }
    if (used + found.parts > config.newsMonthlySmsPerCentre) {
      return `Ce message compterait ${found.parts} SMS ; ce mois-ci, le centre en a déjà envoyé ${used} sur les ${config.newsMonthlySmsPerCentre} permis pour les nouvelles de groupe. Raccourcissez le message, choisissez un groupe plus petit ou attendez le mois prochain.`;
    }
    const tooLong = found.recipients.find((one) => one.channel === 'sms' && smsLengthProblem(one.text));
    return tooLong ? smsLengthProblem(tooLong.text) : null;
  }

  /** Signs who receives what: a stale preview (someone added, a message changed) cannot send. */
  function confirmationOf(group: GroupRecord, template: string, found: Audience, issuedAt: number): string {
    const data = JSON.stringify([
      group.documentId,
      template,
      issuedAt,
      found.recipients.map((one) => [one.person.documentId, one.channel, one.to, one.parts]),
    ]);
    return `${issuedAt}.${coreService(strapi, 'secrets').sign('pense-bete.news', data)}`;
  }

  function smsFigures(found: Audience) {
    return {
      messages: found.recipients.filter((one) => one.channel === 'sms').length,
      parts: found.parts,
      credits: found.parts,
    };
  }

  return {
    async preview(user: StaffUser, rawParams: unknown, raw: unknown): Promise<NewsPreview> {
      const group = await getService(strapi, 'groups').find(user, rawParams);
      const { template } = parseOrThrow(newsPreviewRequest, raw ?? {});
      const found = await audience(group, template);
      const used = group.centre ? await usedThisMonth(group.centre.id) : 0;
      const refusal = refusalOf(found, used);
      const config = penseBeteConfig(strapi);
      const sample =
        found.recipients[0]?.text ??
        renderTemplate(template, { prenom: 'Amina', centre: found.centre.name, telephone_centre: found.centre.phone });
      return {
        group: { id: group.documentId, name: group.name },
        text: sample,
        encoding: smsCost(sample).encoding,
        recipients: found.recipients.map((one) => ({
          id: one.person.documentId,
          firstName: one.person.firstName,
          channel: one.channel,
          to: one.channel === 'sms' ? maskPhone(one.to) : one.to,
          parts: one.parts,
        })),
        count: found.recipients.length,
        excluded: found.excluded,
        sms: smsFigures(found),
        caps: {
          perNews: config.newsMaxRecipients,
          monthly: { limit: config.newsMonthlySmsPerCentre, used, after: used + found.parts },
        },
        refusal,
        confirmation: refusal ? null : confirmationOf(group, template, found, Math.floor(now().getTime() / 1000)),
      };
    },

    /**
     * Sends what the preview showed, or nothing: the confirmation must match the recipients and
     * message as they are now, within the caps. The same confirmation twice sends nothing more.
     */
    async send(user: StaffUser, rawParams: unknown, raw: unknown): Promise<NewsSent> {
      const group = await getService(strapi, 'groups').find(user, rawParams);
      const data = parseOrThrow(newsSendRequest, raw ?? {});
      const already = await this.findSent(group, data.confirmation);
      if (already) return already;

      const issuedAt = Number(data.confirmation.split('.')[0]);
      const age = now().getTime() / 1000 - issuedAt;
      if (age > CONFIRMATION_MINUTES * 60 || age < -60) {
        throw fieldError(
          'confirmation',
          `L’aperçu date de plus de ${CONFIRMATION_MINUTES} minutes : refaites l’aperçu avant d’envoyer.`,
        );
      }
      const found = await audience(group, data.template);
      const expected = confirmationOf(group, data.template, found, issuedAt);
      const matches =
        expected.length === data.confirmation.length &&
        crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(data.confirmation));
      if (!matches || data.recipients !== found.recipients.length) {
        throw fieldError(
          'confirmation',
          'Le message ou les destinataires ont changé depuis l’aperçu : vérifiez le nouvel aperçu avant d’envoyer.',
        );
      }
      const centre = group.centre?.id;
      if (!centre) throw fieldError('group', 'Ce groupe n’est rattaché à aucun centre.');

      const at = now();
      const runAt = nextSendingTime(at, sendingWindow(strapi));
      const expiresAt = new Date(runAt.getTime() + NEWS_VALID_HOURS * 3_600_000);
      let created: { id: number; documentId: string };
      try {
        created = await strapi.db.transaction(async ({ trx }) => {
          // One send at a time per centre on PostgreSQL: two at once must not both pass the monthly cap.
          if (strapi.db.dialect.client === 'postgres') {
            await trx.raw('select pg_advisory_xact_lock(?, ?)', [711_001, centre]);
          }
          const refusal = refusalOf(found, await usedThisMonth(centre));
          if (refusal) throw fieldError('recipients', refusal);
          const news = (await strapi.db.query(NEWS_UID).create({
            data: {
              group: group.id,
              template: data.template,
              confirmation: data.confirmation,
              recipients: found.recipients.length,
              smsCount: found.parts,
              credits: found.parts,
              sentBy: `admin:${user.id}`,
              sentAt: at,
              centre,
            },
          })) as { id: number; documentId: string };
          const jobs = [];
          for (const one of found.recipients) {
            const key = `pbn:${news.documentId}:${one.person.documentId}`;
            const delivery = (await deliveries().create({
              data: {
                news: news.id,
                person: one.person.id,
                key,
                channel: one.channel,
                status: 'planned',
                parts: one.parts,
                centre,
              },
            })) as { id: number };
            jobs.push({
              payload: { deliveryId: delivery.id },
              runAt,
              expiresAt,
              idempotencyKey: key,
              centre,
              maxAttempts: NEWS_MAX_ATTEMPTS,
            });
          }
          await coreService(strapi, 'outbox').enqueueMany(NEWS_JOB, jobs);
          return news;
        });
      } catch (error) {
        // Two clicks at once: the confirmation is unique, the second finds the first's news.
        const raced = await this.findSent(group, data.confirmation);
        if (raced) return raced;
        throw error;
      }
      await coreService(strapi, 'audit').record({
        action: 'pense-bete.news.send',
        subject: { uid: NEWS_UID, id: created.documentId },
        centre,
        details: { recipients: found.recipients.length, parts: found.parts },
      });
      return {
        id: created.documentId,
        recipients: found.recipients.length,
        sms: { parts: found.parts, credits: found.parts },
        alreadySent: false,
      };
    },

    async findSent(group: GroupRecord, confirmation: string): Promise<NewsSent | null> {
      const existing = (await strapi.db.query(NEWS_UID).findOne({
        where: { confirmation },
        populate: { group: { select: ['id'] } },
      })) as {
        documentId: string;
        recipients: number;
        smsCount: number;
        credits: number;
        group: { id: number } | null;
      } | null;
      if (!existing) return null;
      if (existing.group?.id !== group.id)
        throw fieldError('confirmation', 'Cette confirmation concerne un autre groupe.');
      return {
        id: existing.documentId,
        recipients: existing.recipients,
        sms: { parts: existing.smsCount, credits: Number(existing.credits) },
        alreadySent: true,
      };
    },

    /** The group's news, newest first, with where each stands. */
    async list(user: StaffUser, rawParams: unknown): Promise<NewsRow[]> {
      const group = await getService(strapi, 'groups').find(user, rawParams);
      const rows = (await strapi.db.query(NEWS_UID).findMany({
        where: { group: { id: group.id } },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        limit: 100,
      })) as {
        id: number;
        documentId: string;
        template: string;
        recipients: number;
        credits: number;
        createdAt: string;
      }[];
      const result: NewsRow[] = [];
      for (const row of rows) {
        const states = (await deliveries().findMany({
          where: { news: { id: row.id } },
          select: ['id', 'status'],
        })) as { status: keyof NewsRow['deliveries'] }[];
        const counts: NewsRow['deliveries'] = { planned: 0, sending: 0, sent: 0, failed: 0, cancelled: 0, dropped: 0 };
        for (const state of states) counts[state.status] += 1;
        result.push({
          id: row.documentId,
          template: row.template,
          recipients: row.recipients,
          credits: Number(row.credits),
          createdAt: new Date(row.createdAt).toISOString(),
          deliveries: counts,
        });
      }
      return result;
    },

    /** The job of one recipient: re-checks consent, claims the delivery, sends once. */
    async deliver(deliveryId: number): Promise<string> {
      const delivery = (await deliveries().findOne({
        where: { id: deliveryId },
        populate: {
          news: {
            select: ['id', 'documentId', 'template'],
            populate: { group: { select: ['id', 'documentId', 'name'] } },
          },
          person: { select: ['id', 'documentId', 'firstName', 'channel', 'phone', 'email'] },
          centre: { select: ['id', 'name', 'phone'] },
        },
      })) as DeliveryRecord | null;
      if (!delivery || !['planned', 'sending'].includes(delivery.status)) return 'skipped';
      const finish = async (data: Record<string, unknown>) => {
        await deliveries().update({ where: { id: delivery.id }, data });
      };
      const { news, person, centre } = delivery;
      if (!news?.group || !person || !centre) {
        await finish({ status: 'cancelled', errorCode: 'gone' });
        return 'cancelled';
      }
      if (delivery.status === 'planned' && !isWithinSendingWindow(now(), sendingWindow(strapi))) {
        // A retry landed at night: the outbox tries again later, until the news expires.
        throw new Error('Nouvelle en attente des heures d’envoi');
      }
      const subject = { uid: PERSON_UID, id: person.documentId };
      const consents =
        (await consent().isGiven(subject, groupConsentPurpose(news.group.documentId))) &&
        (await consent().isGiven(subject, CONSENT_PURPOSES[person.channel]));
      if (!consents) {
        await finish({ status: 'cancelled', errorCode: 'no-consent' });
        return 'cancelled';
      }
      const channel = person.channel;
      const to = channel === 'sms' ? person.phone : person.email;
      if (!to) {
        await finish({ status: 'failed', errorCode: channel === 'sms' ? 'no-phone' : 'no-email' });
        return 'failed';
      }
      if (delivery.status === 'sending' && channel === 'email') {
        // Whether an interrupted e-mail left is unknown: never send it twice.
        await finish({ status: 'failed', errorCode: 'interrupted' });
        return 'failed';
      }
      const text = renderTemplate(news.template, {
        prenom: person.firstName,
        centre: centre.name,
        telephone_centre: centre.phone ?? '',
      });
      const { count } = await deliveries().updateMany({
        where: { id: delivery.id, status: delivery.status },
        data: { status: 'sending', channel, recipient: to, message: text, errorCode: null },
      });
      if (count === 0) return 'skipped';

      if (channel === 'email') {
        try {
          await coreService(strapi, 'mail').send({
            to,
            subject: `Nouvelles : ${news.group.name}`,
            text,
            centre: centre.id,
          });
        } catch (error) {
          await finish({ status: 'planned', errorCode: 'mail' });
          throw error;
        }
        await finish({ status: 'sent', sentAt: now() });
        return 'sent';
      }
      let result;
      try {
        result = await coreService(strapi, 'sms').send({
          to,
          body: text,
          centre: centre.id,
          tag: delivery.key,
          hours: 'any',
        });
      } catch (error) {
        if ((error as { name?: string }).name === 'ValidationError') {
          await finish({ status: 'failed', errorCode: 'invalid' });
          return 'failed';
        }
        await finish({ status: 'planned', errorCode: 'network' });
        throw error;
      }
      const receipt = { smsReceiptId: result.receiptId };
      if (result.outcome === 'sent' || result.outcome === 'already-sent') {
        await finish({ status: 'sent', sentAt: now(), ...receipt });
        return 'sent';
      }
      if (result.outcome === 'refused' || result.outcome === 'too-late') {
        await finish({
          status: result.outcome === 'refused' ? 'failed' : 'dropped',
          errorCode: result.reason ?? result.outcome,
          ...receipt,
        });
        return 'failed';
      }
      // Temporary: the receipt stays `sending`/`error` at core, which resumes it under the same tag.
      await finish({ errorCode: result.reason ?? result.outcome, ...receipt });
      strapi.log.warn(`Pense-bête: news delivery ${delivery.id} not sent yet (${result.reason ?? result.outcome})`);
      throw new Error(`Nouvelle non envoyée, nouvel essai prévu (${result.reason ?? result.outcome})`);
    },
  };
};

export type NewsService = ReturnType<typeof createNewsService>;
export default createNewsService;
