import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parseOrThrow, coreService, fieldError, forbidden } from '@csc/plugin-core/toolkit';
import type { ContributorMe, OpenRequest, OwnDefinition } from '../../../shared/contracts/contributor';
import { DEFINITION_UID, REQUEST_UID, STRUCTURE_UID, WORD_UID } from '../../../shared/permissions';
import { wordKey } from '../../../shared/normalise';
import { definitionSubmission, digestChoice, type ContributorInput } from '../schemas';

/** A logged-in Users & Permissions account. */
export interface Account {
  id: number;
  email?: string | null;
}

interface StructureRow {
  id: number;
  documentId: string;
  name: string;
  commune: string;
  status: 'pending' | 'validated' | 'refused';
  digest: 'daily' | 'weekly' | 'none';
}

interface RequestRow {
  id: number;
  documentId: string;
  word: string;
  count: number;
  contexts: string[] | null;
  status: 'open' | 'claimed' | 'defined';
  createdAt: string | Date;
  claimed_by?: { id: number } | null;
}

const OPEN_LIMIT = 200;
const iso = (value: string | Date) => new Date(value).toISOString();

/**
 * What the accompanying adults do: register their structure (public form), then, once staff
 * validated it, claim requested words and submit their groups' definitions to moderation.
 */
const createContributorsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const structures = () => strapi.db.query(STRUCTURE_UID);
  const requests = () => strapi.db.query(REQUEST_UID);

  async function structuresOf(account: Account): Promise<StructureRow[]> {
    return (await structures().findMany({
      where: { accounts: { id: account.id } },
      select: ['id', 'documentId', 'name', 'commune', 'status', 'digest'],
      orderBy: { id: 'asc' },
    })) as StructureRow[];
  }

  /** The validated structure the account acts for: the one named, else its first. */
  async function actingStructure(account: Account, documentId?: string): Promise<StructureRow> {
    const own = (await structuresOf(account)).filter((row) => row.status === 'validated');
    if (documentId) {
      const chosen = own.find((row) => row.documentId === documentId);
      if (!chosen)
        throw fieldError('structure', 'Cette structure n’est pas rattachée à votre compte, ou pas encore validée.');
      return chosen;
    }
    if (own.length === 0) {
      throw forbidden(
        'Votre compte n’est rattaché à aucune structure validée : l’équipe doit d’abord valider votre inscription.',
      );
    }
    return own[0];
  }

  async function requestOrThrow(documentId: string): Promise<RequestRow> {
    const row = (await requests().findOne({
      where: { documentId },
      populate: { claimed_by: { select: ['id'] } },
    })) as RequestRow | null;
    if (!row) throw new errors.NotFoundError('Cette demande n’existe pas.');
    return row;
  }

  /** A word's draft found by its key, or a new draft: it is published with its first definition. */
  async function wordFor(term: string): Promise<string> {
    const key = wordKey(term);
    const existing = (await strapi.db.query(WORD_UID).findOne({
      where: { search_key: key, publishedAt: { $null: true } },
      select: ['documentId'],
    })) as { documentId: string } | null;
    if (existing) return existing.documentId;
    const created = (await strapi
      .documents(WORD_UID as UID.ContentType)
      .create({ data: { term: term.replace(/\s+/g, ' ').trim(), category: 'autre', variants: [] } } as never)) as {
      documentId: string;
    };
    return created.documentId;
  }

  const service = {
    /** « Devenir contributeur »: waits for the team's validation. */
    async register(input: ContributorInput): Promise<void> {
      await structures().create({
        data: {
          name: input.name,
          kind: input.kind,
          commune: input.commune,
          contact_email: input.email.toLowerCase(),
          status: 'pending',
          digest: input.digest ?? 'weekly',
        },
      });
    },

    async me(account: Account): Promise<ContributorMe> {
      return {
        structures: (await structuresOf(account)).map((row) => ({
          id: row.documentId,
          name: row.name,
          commune: row.commune,
          status: row.status,
          digest: row.digest,
        })),
      };
    },

    /** Open requests (most asked first) and those the account's structures claimed. */
    async openRequests(account: Account): Promise<OpenRequest[]> {
      await actingStructure(account);
      const own = (await structuresOf(account)).map((row) => row.id);
      const rows = (await requests().findMany({
        where: { $or: [{ status: 'open' }, { status: 'claimed', claimed_by: { id: { $in: own } } }] },
        populate: { claimed_by: { select: ['id'] } },
        orderBy: [{ count: 'desc' }, { id: 'asc' }],
        limit: OPEN_LIMIT,
      })) as RequestRow[];
      return rows.map((row) => ({
        id: row.documentId,
        word: row.word,
        count: row.count,
        contexts: row.contexts ?? [],
        status: row.status,
        mine: Boolean(row.claimed_by && own.includes(row.claimed_by.id)),
        createdAt: iso(row.createdAt),
      }));
    },

    /** Takes an open request: other groups see it is being worked on. */
    async claim(account: Account, documentId: string, structureId?: string): Promise<OpenRequest> {
      const structure = await actingStructure(account, structureId);
      const row = await requestOrThrow(documentId);
      if (row.status === 'defined') throw new errors.ApplicationError('Ce mot est déjà défini.');
      if (row.status === 'claimed' && row.claimed_by?.id !== structure.id) {
        throw new errors.ApplicationError('Un autre groupe s’occupe déjà de ce mot.');
      }
      // Conditional: of two groups claiming at once, one wins.
      const { count } = await requests().updateMany({
        where: { id: row.id, status: 'open' },
        data: { status: 'claimed', claimed_at: new Date() },
      });
      if (count !== 1 && row.status === 'open') {
        throw new errors.ApplicationError('Un autre groupe s’occupe déjà de ce mot.');
      }
      // updateMany writes columns only: the link to the structure is set by the winner.
      if (count === 1) await requests().update({ where: { id: row.id }, data: { claimed_by: structure.id } });
      return {
        id: row.documentId,
        word: row.word,
        count: row.count,
        contexts: row.contexts ?? [],
        status: 'claimed',
        mine: true,
        createdAt: iso(row.createdAt),
      };
    },

    /** A group's definition, into core moderation (nothing is public before a moderator accepts). */
    async submit(account: Account, body: unknown): Promise<{ id: string }> {
      const input = parseOrThrow(definitionSubmission, body ?? {});
      const structure = await actingStructure(account, input.structure);
      let term = input.term;
      let requestId: number | null = null;
      if (input.request) {
        const row = await requestOrThrow(input.request);
        if (row.status === 'defined') throw fieldError('request', 'Ce mot est déjà défini.');
        if (row.status === 'claimed' && row.claimed_by?.id !== structure.id) {
          throw fieldError('request', 'Un autre groupe s’occupe déjà de ce mot.');
        }
        if (row.status === 'open') {
          await requests().update({
            where: { id: row.id },
            data: { status: 'claimed', claimed_by: structure.id, claimed_at: new Date() },
          });
        }
        term = term ?? row.word;
        requestId = row.id;
      }
      const word = await wordFor(term as string);
      const created = await coreService(strapi, 'moderation').submit(
        DEFINITION_UID,
        {
          word,
          term: (term as string).replace(/\s+/g, ' ').trim(),
          text: input.text,
          example: input.example,
          group_label: input.group.label,
          group_commune: input.group.commune,
          group_year: input.group.year,
          structure: structure.id,
          ...(requestId ? { request: requestId } : {}),
          submitted_by: account.id,
        },
        { submitter: account.email ? { email: account.email } : undefined },
      );
      return { id: created.documentId };
    },

    /** The account's definitions, with the moderator's decision and message. */
    async definitions(account: Account): Promise<OwnDefinition[]> {
      const rows = (await strapi.db.query(DEFINITION_UID).findMany({
        where: { submitted_by: { id: account.id }, publishedAt: { $null: true } },
        select: ['documentId', 'term', 'group_label'],
        orderBy: { id: 'desc' },
        limit: OPEN_LIMIT,
      })) as { documentId: string; term: string; group_label: string }[];
      const ids = rows.map((row) => row.documentId);
      const published = new Set(
        (
          (await strapi.db.query(DEFINITION_UID).findMany({
            where: { documentId: { $in: ids }, publishedAt: { $notNull: true } },
            select: ['documentId'],
          })) as { documentId: string }[]
        ).map((row) => row.documentId),
      );
      const items = (await strapi.db.query('plugin::core.moderation-item' as UID.Schema).findMany({
        where: { subjectUid: DEFINITION_UID, subjectId: { $in: ids } },
        select: ['subjectId', 'status', 'message', 'createdAt', 'decidedAt'],
        orderBy: { id: 'desc' },
      })) as {
        subjectId: string;
        status: string;
        message: string | null;
        createdAt: string;
        decidedAt: string | null;
      }[];
      const latest = new Map<string, (typeof items)[number]>();
      for (const item of items) if (!latest.has(item.subjectId)) latest.set(item.subjectId, item);
      return rows.map((row) => {
        const item = latest.get(row.documentId);
        return {
          id: row.documentId,
          term: row.term,
          group: row.group_label,
          published: published.has(row.documentId),
          moderation: item
            ? {
                status: item.status,
                message: item.status === 'pending' ? null : item.message,
                at: iso(item.decidedAt ?? item.createdAt),
              }
            : null,
        };
      });
    },

    /** Daily, weekly or no digest of open requests, for one structure of the account. */
    async setDigest(account: Account, body: unknown): Promise<ContributorMe> {
      const input = parseOrThrow(digestChoice, body ?? {});
      const own = await structuresOf(account);
      const target = input.structure ? own.find((row) => row.documentId === input.structure) : own[0];
      if (!target) throw fieldError('structure', 'Cette structure n’est pas rattachée à votre compte.');
      await structures().update({ where: { id: target.id }, data: { digest: input.digest } });
      return service.me(account);
    },
  };
  return service;
};

export type ContributorsService = ReturnType<typeof createContributorsService>;
export default createContributorsService;
