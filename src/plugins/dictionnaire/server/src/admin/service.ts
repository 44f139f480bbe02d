import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { coreService, listQuery, paginationOf, parseOrThrow } from '@csc/plugin-core/toolkit';
import type { AdminPage, AdminRequestRow, AdminStructureRow, AdminWordRow } from '../../../shared/contracts/admin';
import type { SummaryResponse } from '../../../shared/contracts/summary';
import { DEFINITION_UID, REQUEST_UID, REQUESTER_UID, STRUCTURE_UID, WORD_UID } from '../../../shared/permissions';
import { ensureContributorRole } from '../contributors/role';
import { getService } from '../utils/get-service';

const requestsQuery = listQuery({
  status: z.enum(['open', 'claimed', 'defined'], 'État inconnu : open, claimed ou defined.').optional(),
});
const structuresQuery = listQuery({
  status: z.enum(['pending', 'validated', 'refused'], 'État inconnu : pending, validated ou refused.').optional(),
});
const wordsQuery = listQuery({});
const structureId = z.string().regex(/^[a-z0-9]{10,64}$/);

const iso = (value: string | Date) => new Date(value).toISOString();

interface StructureRow {
  id: number;
  documentId: string;
  name: string;
  kind: string;
  commune: string;
  contact_email: string;
  status: 'pending' | 'validated' | 'refused';
  digest: string;
  createdAt: string | Date;
  accounts?: { id: number }[];
}

/** What the team sees and decides in the plugin's admin pages. */
const createAdminService = ({ strapi }: { strapi: Core.Strapi }) => {
  const structures = () => strapi.db.query(STRUCTURE_UID);

  async function structureOrThrow(documentId: unknown): Promise<StructureRow> {
    const parsed = structureId.safeParse(documentId);
    const row = parsed.success
      ? ((await structures().findOne({
          where: { documentId: parsed.data },
          populate: { accounts: { select: ['id'] } },
        })) as StructureRow | null)
      : null;
    if (!row) throw new errors.NotFoundError('Cette structure n’existe pas.');
    return row;
  }

  /** The adult's account: the existing one with that address, else a new contributor account. */
  async function accountFor(email: string): Promise<number> {
    const users = strapi.db.query('plugin::users-permissions.user');
    const existing = (await users.findOne({ where: { email }, select: ['id'] })) as { id: number } | null;
    if (existing) return existing.id;
    const role = await ensureContributorRole(strapi);
    // A password nobody knows: the adult chooses theirs with « Mot de passe oublié ».
    const user = (await strapi
      .plugin('users-permissions')
      .service('user')
      .add({
        username: email,
        email,
        password: crypto.randomBytes(24).toString('base64url'),
        provider: 'local',
        confirmed: true,
        blocked: false,
        role,
      })) as { id: number };
    return user.id;
  }

  return {
    async summary(): Promise<SummaryResponse> {
      const [words, openRequests, claimedRequests, pendingStructures] = await Promise.all([
        strapi.db.query(WORD_UID).count({ where: { publishedAt: { $notNull: true } } }),
        strapi.db.query(REQUEST_UID).count({ where: { status: 'open' } }),
        strapi.db.query(REQUEST_UID).count({ where: { status: 'claimed' } }),
        structures().count({ where: { status: 'pending' } }),
      ]);
      return { words, openRequests, claimedRequests, pendingStructures };
    },

    async requests(rawQuery: unknown): Promise<AdminPage<AdminRequestRow>> {
      const query = parseOrThrow(requestsQuery, rawQuery ?? {});
      const where = query.status ? { status: query.status } : {};
      const [rows, total] = await Promise.all([
        strapi.db.query(REQUEST_UID).findMany({
          where,
          populate: { claimed_by: { select: ['name'] } },
          orderBy: [{ count: 'desc' }, { id: 'asc' }],
          offset: (query.page - 1) * query.pageSize,
          limit: query.pageSize,
        }) as Promise<
          {
            id: number;
            documentId: string;
            word: string;
            count: number;
            status: 'open' | 'claimed' | 'defined';
            contexts: string[] | null;
            updatedAt: string;
            claimed_by?: { name: string } | null;
          }[]
        >,
        strapi.db.query(REQUEST_UID).count({ where }),
      ]);
      const waiting = (await strapi.db.query(REQUESTER_UID).findMany({
        where: { request: { id: { $in: rows.map((row) => row.id) } } },
        select: ['id'],
        populate: { request: { select: ['id'] } },
      })) as { request?: { id: number } | null }[];
      const waitingOf = (id: number) => waiting.filter((row) => row.request?.id === id).length;
      return {
        results: rows.map((row) => ({
          id: row.documentId,
          word: row.word,
          count: row.count,
          status: row.status,
          claimedBy: row.claimed_by?.name ?? null,
          contexts: row.contexts ?? [],
          waiting: waitingOf(row.id),
          updatedAt: iso(row.updatedAt),
        })),
        pagination: paginationOf(query, total),
      };
    },

    async structures(rawQuery: unknown): Promise<AdminPage<AdminStructureRow>> {
      const query = parseOrThrow(structuresQuery, rawQuery ?? {});
      const where = query.status ? { status: query.status } : {};
      const [rows, total] = await Promise.all([
        structures().findMany({
          where,
          populate: { accounts: { select: ['id'] } },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          offset: (query.page - 1) * query.pageSize,
          limit: query.pageSize,
        }) as Promise<StructureRow[]>,
        structures().count({ where }),
      ]);
      return {
        results: rows.map((row) => ({
          id: row.documentId,
          name: row.name,
          kind: row.kind,
          commune: row.commune,
          email: row.contact_email,
          status: row.status,
          digest: row.digest,
          accounts: row.accounts?.length ?? 0,
          createdAt: iso(row.createdAt),
        })),
        pagination: paginationOf(query, total),
      };
    },

    /** Validates a structure: its adult gets a contributor account and a welcome e-mail. */
    async validate(documentId: unknown): Promise<AdminStructureRow> {
      const row = await structureOrThrow(documentId);
      await strapi.db.transaction(async () => {
        const account = await accountFor(row.contact_email);
        const accounts = [...new Set([...(row.accounts ?? []).map((link) => link.id), account])];
        await structures().update({ where: { id: row.id }, data: { status: 'validated', accounts } });
        if (row.status !== 'validated') await getService(strapi, 'notices').welcome(row.id);
        await coreService(strapi, 'audit').record({
          action: 'dictionnaire.structure-validated',
          subject: { uid: STRUCTURE_UID, id: row.documentId },
          details: { structure: row.id },
        });
      });
      return (await this.structures({ pageSize: 100 })).results.find(
        (item) => item.id === row.documentId,
      ) as AdminStructureRow;
    },

    async refuse(documentId: unknown): Promise<void> {
      const row = await structureOrThrow(documentId);
      await structures().update({ where: { id: row.id }, data: { status: 'refused' } });
      await coreService(strapi, 'audit').record({
        action: 'dictionnaire.structure-refused',
        subject: { uid: STRUCTURE_UID, id: row.documentId },
        details: { structure: row.id },
      });
    },

    async words(rawQuery: unknown): Promise<AdminPage<AdminWordRow>> {
      const query = parseOrThrow(wordsQuery, rawQuery ?? {});
      const where = { publishedAt: { $null: true } };
      const [rows, total] = await Promise.all([
        strapi.db.query(WORD_UID).findMany({
          where,
          select: ['documentId', 'slug', 'term', 'category'],
          orderBy: [{ search_key: 'asc' }, { id: 'asc' }],
          offset: (query.page - 1) * query.pageSize,
          limit: query.pageSize,
        }) as Promise<{ documentId: string; slug: string; term: string; category: string }[]>,
        strapi.db.query(WORD_UID).count({ where }),
      ]);
      const ids = rows.map((row) => row.documentId);
      const [published, definitions] = await Promise.all([
        strapi.db.query(WORD_UID).findMany({
          where: { documentId: { $in: ids }, publishedAt: { $notNull: true } },
          select: ['documentId'],
        }) as Promise<{ documentId: string }[]>,
        strapi.db.query(DEFINITION_UID).findMany({
          where: { publishedAt: { $notNull: true }, word: { documentId: { $in: ids } } },
          select: ['id'],
          populate: { word: { select: ['documentId'] } },
        }) as Promise<{ word?: { documentId: string } | null }[]>,
      ]);
      const online = new Set(published.map((row) => row.documentId));
      return {
        results: rows.map((row) => ({
          id: row.documentId,
          slug: row.slug,
          term: row.term,
          category: row.category,
          published: online.has(row.documentId),
          definitions: definitions.filter((definition) => definition.word?.documentId === row.documentId).length,
        })),
        pagination: paginationOf(query, total),
      };
    },
  };
};

export type AdminService = ReturnType<typeof createAdminService>;
export default createAdminService;
