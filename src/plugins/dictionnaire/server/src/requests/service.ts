import type { Core } from '@strapi/strapi';
import { REQUEST_UID, REQUESTER_UID } from '../../../shared/permissions';
import { isSameKey, wordKey } from '../../../shared/normalise';
import { REQUESTER_CONSENT_TEXT, type WordRequestInput } from '../schemas';

export interface RequestRow {
  id: number;
  documentId: string;
  key: string;
  word: string;
  count: number;
  contexts: string[] | null;
  status: 'open' | 'claimed' | 'defined';
}

/** Requests compared for merging: the open ones and recent others are enough. */
const MERGE_SCAN = 5000;
/** Contexts kept per request: enough for a contributor to see how the word is met. */
const MAX_CONTEXTS = 20;

/** A unique index refused the row: PostgreSQL, and SQLite through better-sqlite3. */
function isUniqueViolation(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    (typeof message === 'string' && /UNIQUE constraint failed|duplicate key value/i.test(message))
  );
}

/** « mot de passe » as the visitor typed it, on one line. */
const display = (word: string) => word.replace(/\s+/g, ' ').trim();

/**
 * « Ce mot manque »: requests for the same word (case, accents, plural, small typos) are one
 * request, counted; an optional e-mail is kept apart, with consent, until the person is told.
 */
const createRequestsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const requests = () => strapi.db.query(REQUEST_UID);
  const table = () => strapi.db.metadata.get(REQUEST_UID).tableName;

  async function findMatch(key: string): Promise<RequestRow | null> {
    const exact = (await requests().findOne({ where: { key } })) as RequestRow | null;
    if (exact) return exact;
    const rows = (await requests().findMany({
      select: ['id', 'documentId', 'key', 'word', 'count', 'contexts', 'status'],
      orderBy: [{ status: 'desc' }, { count: 'desc' }, { id: 'asc' }],
      limit: MERGE_SCAN,
    })) as RequestRow[];
    // An open request wins over a defined one spelt the same way.
    const matches = rows.filter((row) => isSameKey(key, row.key));
    return matches.find((row) => row.status !== 'defined') ?? matches[0] ?? null;
  }

  async function count(row: RequestRow, context: string | undefined): Promise<void> {
    // One atomic increment: two visitors asking at once are both counted.
    await strapi.db.connection(table()).where({ id: row.id }).increment('count', 1);
    if (context) {
      const contexts = [...(row.contexts ?? []), context].slice(-MAX_CONTEXTS);
      await requests().update({ where: { id: row.id }, data: { contexts } });
    }
  }

  return {
    async submit(input: WordRequestInput, now = new Date()): Promise<{ id: string; merged: boolean }> {
      const key = wordKey(input.word).slice(0, 120);
      let row = await findMatch(key);
      let merged = Boolean(row);
      if (row) {
        await count(row, input.context);
      } else {
        try {
          row = (await requests().create({
            data: {
              key,
              word: display(input.word),
              count: 1,
              contexts: input.context ? [input.context] : [],
              status: 'open',
            },
          })) as RequestRow;
        } catch (error) {
          // Someone asked for the same word at the same moment: count this one on theirs.
          if (!isUniqueViolation(error)) throw error;
          row = (await requests().findOne({ where: { key } })) as RequestRow;
          merged = true;
          await count(row, input.context);
        }
      }
      // A word already defined needs no one told later: its page exists.
      const requesters = strapi.db.query(REQUESTER_UID);
      if (
        input.email &&
        row.status !== 'defined' &&
        !(await requesters.findOne({ where: { request: row.id, email: input.email }, select: ['id'] }))
      ) {
        await requesters.create({
          data: { request: row.id, email: input.email, consent_text: REQUESTER_CONSENT_TEXT, consented_at: now },
        });
      }
      return { id: row.documentId, merged };
    },

    findMatch,
  };
};

export type RequestsService = ReturnType<typeof createRequestsService>;
export default createRequestsService;
