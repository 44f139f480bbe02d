import type { Core } from '@strapi/strapi';
import { CONSENT_PURPOSES, PERSON_UID, PLUGIN_ID } from '../../../shared/permissions';
import type { Channel } from '../../../shared/contracts/pense-bete';
import { DEFAULT_CONFIG } from '../config';
import { coreService } from '../core-services';
import { checkUnsubscribeToken, signUnsubscribeToken } from '../opt-out/token';
import { getService } from '../utils/get-service';

const CONSENT_UID = 'plugin::core.consent';
const DAY_MS = 86_400_000;
/** Recorded as who withdrew the consent: the person, through the link of an e-mail. */
export const UNSUBSCRIBE_LINK_ACTOR = 'unsubscribe-link';

/**
 * What an unsubscribe link stands for: `invalid` (tampered or cut), `expired`, `gone` (the person
 * was erased), `subscribed` (e-mail reminders still allowed) or `unsubscribed`.
 */
export type UnsubscribeState =
  { kind: 'invalid' | 'expired' | 'gone' } | { kind: 'subscribed' | 'unsubscribed'; centre: string | null };

interface LinkedPerson {
  id: number;
  documentId: string;
  channel: Channel;
  centre: { id: number; name: string } | null;
}

/**
 * The e-mail unsubscribe link, which works without an account: each reminder e-mail carries a
 * signed link naming the person; opening it shows a confirmation page, confirming withdraws the
 * e-mail consent through core (audited) and cancels the e-mail reminders still planned.
 */
const createUnsubscribeService = ({ strapi }: { strapi: Core.Strapi }) => {
  const now = () => getService(strapi, 'clock').now();
  const appKeys = (): string[] => {
    const keys = strapi.config.get('server.app.keys') as string[] | undefined;
    if (!keys?.[0]) throw new Error('unsubscribe links need server.app.keys (APP_KEYS)');
    return keys;
  };
  const linkDays = () =>
    (strapi.plugin(PLUGIN_ID).config('unsubscribeLinkDays') as number | undefined) ??
    DEFAULT_CONFIG.unsubscribeLinkDays;

  async function personOf(token: string): Promise<LinkedPerson | UnsubscribeState> {
    const checked = checkUnsubscribeToken(appKeys(), token, now());
    if (!checked.ok) return { kind: checked.reason };
    const person = (await strapi.db.query(PERSON_UID).findOne({
      where: { documentId: checked.person },
      select: ['id', 'documentId', 'channel'],
      populate: { centre: { select: ['id', 'name'] } },
    })) as LinkedPerson | null;
    return person ?? { kind: 'gone' };
  }

  const isGiven = (person: LinkedPerson) =>
    coreService(strapi, 'consent').isGiven({ uid: PERSON_UID, id: person.documentId }, CONSENT_PURPOSES.email);

  return {
    /** The absolute address of a person's unsubscribe page, valid `unsubscribeLinkDays` days. */
    linkFor(personDocumentId: string): string {
      const token = signUnsubscribeToken(appKeys(), personDocumentId, new Date(now().getTime() + linkDays() * DAY_MS));
      const base = String(strapi.config.get('server.absoluteUrl') ?? '').replace(/\/+$/, '');
      return `${base}/api/pense-bete/unsubscribe/${token}`;
    },

    /** What the link's page shows; reading it changes nothing (mail scanners open links). */
    async inspect(token: string): Promise<UnsubscribeState> {
      const person = await personOf(token);
      if ('kind' in person) return person;
      return { kind: (await isGiven(person)) ? 'subscribed' : 'unsubscribed', centre: person.centre?.name ?? null };
    },

    /** Withdraws the e-mail consent; confirming twice is harmless. */
    async withdraw(token: string): Promise<UnsubscribeState> {
      const person = await personOf(token);
      if ('kind' in person) return person;
      const open = (await strapi.db.query(CONSENT_UID).findMany({
        where: {
          subjectUid: PERSON_UID,
          subjectId: person.documentId,
          purpose: CONSENT_PURPOSES.email,
          withdrawnAt: { $null: true },
        },
        select: ['documentId'],
      })) as { documentId: string }[];
      await strapi.db.transaction(async () => {
        for (const consent of open) {
          await coreService(strapi, 'consent').withdraw(consent.documentId, {
            method: 'online-form',
            by: UNSUBSCRIBE_LINK_ACTOR,
          });
        }
        // Reminders follow the person's channel: without the e-mail consent, none may go.
        if (person.channel === 'email') await getService(strapi, 'steps').cancelAllOf(person.id);
      });
      return { kind: 'unsubscribed', centre: person.centre?.name ?? null };
    },
  };
};

export type UnsubscribeService = ReturnType<typeof createUnsubscribeService>;
export default createUnsubscribeService;
