import type { Core } from '@strapi/strapi';
import { PERSON_UID } from '../../../shared/permissions';
import { coreService } from '../core-services';
import { getService } from '../utils/get-service';

/** Numbers compared per query: keeps each `IN (…)` well under every database's limit. */
const CHUNK = 500;

export interface BlacklistSyncResult {
  /** Numbers on the provider's blacklist. */
  numbers: number;
  /** Persons newly marked as having replied STOP. */
  stopped: number;
  /** Persons no longer on it (taken off by the provider, or their number changed). */
  cleared: number;
}

/**
 * Keeps each person's STOP mark in line with the SMS provider's blacklist. A marked person gets
 * no SMS at all (their reminders fail as `blacklisted` without calling the provider) and shows
 * in « À relancer ». The mark follows the number: a new number is tried again.
 */
const createBlacklistService = ({ strapi }: { strapi: Core.Strapi }) => {
  const people = () => strapi.db.query(PERSON_UID);
  const now = () => getService(strapi, 'clock').now();

  /** Marks and clears the persons of `scope` (a filter on their centre) against one STOP list. */
  async function apply(
    numbers: string[],
    scope: Record<string, unknown>,
  ): Promise<{ stopped: number; cleared: number }> {
    const at = now();
    let stopped = 0;
    for (let start = 0; start < numbers.length; start += CHUNK) {
      const chunk = numbers.slice(start, start + CHUNK);
      const newly = (await people().findMany({
        where: { $and: [scope, { phone: { $in: chunk }, smsStoppedAt: { $null: true } }] },
        select: ['id', 'documentId'],
        populate: { centre: { select: ['id'] } },
      })) as { id: number; documentId: string; centre: { id: number } | null }[];
      if (newly.length === 0) continue;
      const { count } = await people().updateMany({
        where: { id: { $in: newly.map((person) => person.id) }, smsStoppedAt: { $null: true } },
        data: { smsStoppedAt: at },
      });
      stopped += count;
      for (const person of newly) {
        await coreService(strapi, 'audit').record({
          action: 'pense-bete.person.sms-stop',
          subject: { uid: PERSON_UID, id: person.documentId },
          centre: person.centre?.id ?? null,
        });
      }
    }

    const listed = new Set(numbers);
    const marked = (await people().findMany({
      where: { $and: [scope, { smsStoppedAt: { $notNull: true } }] },
      select: ['id', 'phone'],
    })) as { id: number; phone: string | null }[];
    const lifted = marked.filter((person) => !person.phone || !listed.has(person.phone)).map((person) => person.id);
    let cleared = 0;
    for (let start = 0; start < lifted.length; start += CHUNK) {
      const { count } = await people().updateMany({
        where: { id: { $in: lifted.slice(start, start + CHUNK) } },
        data: { smsStoppedAt: null },
      });
      cleared += count;
    }
    return { stopped, cleared };
  }

  return {
    /**
     * Reads every STOP list that applies: the install's account for every person, and a centre's
     * own account for its persons.
     */
    async sync(): Promise<BlacklistSyncResult> {
      const lists = await coreService(strapi, 'sms').blacklistsByAccount();
      const own = lists.centres.map((entry) => entry.centre);
      const runs = [
        {
          numbers: [...new Set(lists.install)],
          scope:
            own.length > 0 ? { $or: [{ centre: { id: { $notIn: own } } }, { centre: { id: { $null: true } } }] } : {},
        },
        // A centre with its own account: a STOP on it, or one sent earlier to the install's number.
        ...lists.centres.map((entry) => ({
          numbers: [...new Set([...entry.numbers, ...lists.install])],
          scope: { centre: { id: entry.centre } },
        })),
      ];
      const total = { numbers: 0, stopped: 0, cleared: 0 };
      for (const run of runs) {
        const { stopped, cleared } = await apply(run.numbers, run.scope);
        total.numbers += run.numbers.length;
        total.stopped += stopped;
        total.cleared += cleared;
      }
      // Counts only: the numbers themselves never reach the logs.
      strapi.log.info(
        `Pense-bête: blacklist synchronised (${total.numbers} numbers, ${total.stopped} new STOP, ${total.cleared} lifted)`,
      );
      return total;
    },
  };
};

export type BlacklistService = ReturnType<typeof createBlacklistService>;
export default createBlacklistService;
