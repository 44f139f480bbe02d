import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import type { AuditEntryView, AuditPage } from '../../../shared/contracts/audit';
import { AUDIT_UID } from '../../../shared/permissions';
import type { AdminUserLike } from '../centres/scope';
import { getService } from '../utils/get-service';
import { parseOrThrow } from '../utils/validation-error';
import { actorOfRequest, type Actor } from './actor';
import { centreFilter, listQuery, paginationOf } from '../utils/list-query';

export interface AuditRecord {
  /** Dotted verb, e.g. `entry.update`, `moderation.accept`, `gdpr.erase`. */
  action: string;
  /** Defaults to whoever is behind the current request. */
  actor?: Actor;
  subject?: { uid: string; id?: string | null };
  centre?: number | null;
  /** Identifiers and counts only: never names, contact details or message text. */
  details?: Record<string, unknown>;
}

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Une date s’écrit AAAA-MM-JJ.');
const auditQuery = listQuery({
  action: z
    .string()
    .max(80)
    .regex(/^[a-z][a-z.-]*$/, 'Action inconnue.')
    .optional(),
  from: date.optional(),
  to: date.optional(),
  centre: centreFilter,
});

interface EntryRow {
  id: number;
  createdAt: string | Date;
  action: string;
  actorType: AuditActorType;
  actorId: string | null;
  subjectUid: string | null;
  subjectId: string | null;
  details: Record<string, unknown> | null;
  centre?: { id: number; name: string } | null;
}
type AuditActorType = AuditEntryView['actor']['type'];

const createAuditService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Writes one entry; an audit failure is reported but never undoes or blocks the action. */
  async record(entry: AuditRecord): Promise<void> {
    const actor = entry.actor ?? actorOfRequest(strapi);
    try {
      await strapi.db.query(AUDIT_UID).create({
        data: {
          action: entry.action,
          actorType: actor.type,
          actorId: actor.id,
          subjectUid: entry.subject?.uid ?? null,
          subjectId: entry.subject?.id ?? null,
          details: entry.details ?? null,
          centre: entry.centre ?? null,
        },
      });
    } catch (error) {
      strapi.log.error(`Audit entry "${entry.action}" could not be written: ${(error as Error).message}`);
    }
  },

  /** A page of the log as `user` may see it: their centres only, unless super-admin. */
  async list(user: AdminUserLike, rawQuery: unknown): Promise<AuditPage> {
    const query = parseOrThrow(auditQuery, rawQuery ?? {});
    const scope = await getService(strapi, 'scope').filterFor(user, AUDIT_UID);
    const filters: Record<string, unknown>[] = [];
    if (scope) filters.push(scope);
    if (query.action) filters.push({ action: { $startsWith: query.action } });
    if (query.from) filters.push({ createdAt: { $gte: new Date(`${query.from}T00:00:00Z`) } });
    if (query.to)
      filters.push({ createdAt: { $lt: new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 86400000) } });
    if (query.centre) filters.push({ centre: { id: query.centre } });
    const where = filters.length > 0 ? { $and: filters } : {};
    const [rows, total] = await Promise.all([
      strapi.db.query(AUDIT_UID).findMany({
        where,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        offset: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
        populate: { centre: { select: ['id', 'name'] } },
      }) as Promise<EntryRow[]>,
      strapi.db.query(AUDIT_UID).count({ where }),
    ]);
    const staffIds = [
      ...new Set(rows.filter((row) => row.actorType === 'staff' && row.actorId).map((row) => row.actorId)),
    ];
    const staff = staffIds.length
      ? await strapi.db
          .query('admin::user')
          .findMany({ where: { id: { $in: staffIds } }, select: ['id', 'firstname', 'lastname'] })
      : [];
    const names = new Map(
      staff.map((person: { id: number; firstname?: string; lastname?: string }) => [
        String(person.id),
        [person.firstname, person.lastname].filter(Boolean).join(' ') || null,
      ]),
    );
    return {
      results: rows.map((row) => ({
        id: row.id,
        at: new Date(row.createdAt).toISOString(),
        action: row.action,
        actor: { type: row.actorType, id: row.actorId, name: row.actorId ? (names.get(row.actorId) ?? null) : null },
        subject: { uid: row.subjectUid, id: row.subjectId },
        centre: row.centre ? { id: row.centre.id, name: row.centre.name } : null,
        details: row.details,
      })),
      pagination: paginationOf(query, total),
    };
  },
});

export type AuditService = ReturnType<typeof createAuditService>;
export default createAuditService;
