import crypto from 'node:crypto';
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import type {
  ContributionStatus,
  ModerationDecision,
  ModerationItemDetail,
  ModerationHint,
  ModerationItemSummary,
  ModerationKind,
  ModerationMode,
  ModerationQueuePage,
  ModerationReason,
  ModerationStatus,
  ReportReason,
} from '../../../shared/contracts/moderation';
import { CENTRE_UID, MODERATION_ITEM_UID, REPORT_UID } from '../../../shared/permissions';
import type { AdminUserLike } from '../centres/scope';
import type { CoreConfig } from '../config';
import { MailDeliveryError } from '../mail/service';
import { composeMail } from '../mail/templates';
import { getService } from '../utils/get-service';
import { paginationOf } from '../utils/list-query';
import { parseOrThrow } from '../utils/validation-error';
import { diff, editableFields, fieldLabels, normaliseKey, pick } from './fields';
import { decisionMail } from './notify';
import { decisionRequest, queueQuery, submitterSchema } from './queue-schemas';
import { createModerationRegistry, type Entry, type ModeratedType } from './registry';
import type { ParsedReportRequest } from './report-schema';

interface ItemRow {
  id: number;
  documentId: string;
  subjectUid: string;
  subjectId: string;
  kind: ModerationKind;
  mode: ModerationMode;
  status: ModerationStatus;
  title: string | null;
  duplicateKey: string | null;
  proposedData: Entry | null;
  previousData: Entry | null;
  submitterEmail: string | null;
  hiddenByReports: boolean | null;
  createdAt: string | Date;
  decidedAt: string | Date | null;
  decidedBy: string | null;
  message: string | null;
  note: string | null;
  centre?: { id: number; name: string } | null;
}

interface ReportRow {
  subjectUid: string;
  subjectId: string;
  reason: ReportReason;
  text: string | null;
  createdAt: string | Date;
  resolvedAt: string | Date | null;
}

export interface Submitter {
  /** Where decisions are sent; never logged, never in the audit log. */
  email?: string;
}

/** The queue is a working list, not an archive: it is read whole and filtered in memory. */
const QUEUE_LIMIT = 2000;
/** What the team reads on an item its contributor took back before any decision. */
const WITHDRAWN_NOTE = 'Retirée par la personne qui l’avait proposée, avant toute décision.';

const STATUS_OF: Record<ModerationDecision, ModerationStatus> = {
  accept: 'accepted',
  refuse: 'refused',
  'request-changes': 'changes-requested',
};

const itemId = z.coerce.number().int().positive();

function alreadyDecided() {
  return new errors.ApplicationError('Cet élément a déjà été traité. Rechargez la file de modération.');
}

/** A unique index refused the row: PostgreSQL, and SQLite through better-sqlite3. */
function isUniqueViolation(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    (typeof message === 'string' && /UNIQUE constraint failed|duplicate key value/i.test(message))
  );
}

const iso = (value: string | Date) => new Date(value).toISOString();

/**
 * Moderation shared by every product: submissions and proposed edits from outside wait in a
 * queue per centre, reports on published content add to it, and a moderator accepts, refuses or
 * asks for changes — the submitter told by e-mail, every decision in the audit log.
 */
const createModerationService = ({ strapi }: { strapi: Core.Strapi }) => {
  const registry = createModerationRegistry(strapi);
  const config = () => strapi.config.get('plugin::core.moderation') as CoreConfig['moderation'];
  const documents = (uid: string) => strapi.documents(uid as UID.ContentType);
  const items = () => strapi.db.query(MODERATION_ITEM_UID);
  const reports = () => strapi.db.query(REPORT_UID);

  function typeOrThrow(uid: string): ModeratedType {
    const type = registry.get(uid);
    if (!type) throw new Error(`moderation: ${uid} is not a moderated type; register it first`);
    return type;
  }

  const hasCentre = (uid: string) =>
    Boolean(
      (strapi.contentTypes[uid as keyof typeof strapi.contentTypes]?.attributes as Record<string, unknown>)?.centre,
    );

  async function centreOf(uid: string, documentId: string): Promise<number | null> {
    if (!hasCentre(uid)) return null;
    const row = (await strapi.db
      .query(uid as never)
      .findOne({ where: { documentId }, populate: { centre: { select: ['id'] } } })) as {
      centre?: { id: number } | null;
    } | null;
    return row?.centre?.id ?? null;
  }

  async function entryOf(uid: string, documentId: string, status: 'draft' | 'published'): Promise<Entry | null> {
    return ((await documents(uid).findOne({ documentId, status } as never)) as Entry | null) ?? null;
  }

  const titleOf = (type: ModeratedType, entry: Entry) => String(type.titleOf(entry) ?? '').slice(0, 255);
  const keyOf = (type: ModeratedType, entry: Entry) =>
    normaliseKey(type.duplicateKey ? type.duplicateKey(entry) : type.titleOf(entry));

  function emailOf(type: ModeratedType, entry: Entry | null): string | null {
    const value = entry && type.submitterEmailOf ? type.submitterEmailOf(entry) : null;
    const parsed = z.string().trim().toLowerCase().email().max(254).safeParse(value);
    return parsed.success ? parsed.data : null;
  }

  function hmac(...parts: string[]): string {
    return crypto.createHmac('sha256', config().reporterSecret).update(parts.join('\u0000')).digest('hex');
  }

  async function findInScope(user: AdminUserLike, rawId: unknown): Promise<ItemRow> {
    const parsed = itemId.safeParse(rawId);
    if (!parsed.success) throw new errors.NotFoundError('Cet élément n’existe pas.');
    const scope = await getService(strapi, 'scope').filterFor(user, MODERATION_ITEM_UID);
    const row = (await items().findOne({
      where: scope ? { $and: [{ id: parsed.data }, scope] } : { id: parsed.data },
      populate: { centre: { select: ['id', 'name'] } },
    })) as ItemRow | null;
    // Another centre's item is "not found": its existence is not revealed.
    if (!row) throw new errors.NotFoundError('Cet élément n’existe pas.');
    return row;
  }

  /** Groups of items about different entries with the same type, centre and key. */
  async function duplicatesAmong(rows: ItemRow[]): Promise<Map<number, ItemRow[]>> {
    const keys = [...new Set(rows.map((row) => row.duplicateKey).filter((key): key is string => Boolean(key)))];
    const found = new Map<number, ItemRow[]>();
    if (keys.length === 0) return found;
    const candidates = (await items().findMany({
      where: { duplicateKey: { $in: keys }, status: { $in: ['pending', 'accepted'] } },
      select: ['id', 'subjectUid', 'subjectId', 'duplicateKey', 'title', 'status'],
      populate: { centre: { select: ['id'] } },
      limit: QUEUE_LIMIT,
    })) as ItemRow[];
    const group = (row: ItemRow) => `${row.subjectUid}|${row.centre?.id ?? ''}|${row.duplicateKey}`;
    for (const row of rows) {
      if (!row.duplicateKey) continue;
      const seen = new Set<string>();
      // One line per other entry, whatever the number of items about it.
      const others = candidates.filter(
        (candidate) =>
          group(candidate) === group(row) &&
          candidate.subjectId !== row.subjectId &&
          !seen.has(candidate.subjectId) &&
          Boolean(seen.add(candidate.subjectId)),
      );
      if (others.length > 0) found.set(row.id, others);
    }
    return found;
  }

  /** Open reports per entry (`uid|documentId`). */
  async function openReportsOf(rows: ItemRow[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    if (rows.length === 0) return counts;
    const subjects = new Set(rows.map((row) => `${row.subjectUid}|${row.subjectId}`));
    // Two IN lists rather than one OR per entry: SQLite limits the depth of an expression.
    const found = (await reports().findMany({
      where: {
        resolvedAt: { $null: true },
        subjectUid: { $in: [...new Set(rows.map((row) => row.subjectUid))] },
        subjectId: { $in: [...new Set(rows.map((row) => row.subjectId))] },
      },
      select: ['subjectUid', 'subjectId'],
    })) as ReportRow[];
    for (const report of found) {
      const key = `${report.subjectUid}|${report.subjectId}`;
      if (subjects.has(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  }

  function reasonsOf(
    row: ItemRow,
    duplicates: Map<number, ItemRow[]>,
    openReports: Map<string, number>,
    cutoff: number,
  ): ModerationReason[] {
    const reasons: ModerationReason[] = [];
    if (row.kind === 'new') reasons.push('new');
    if (row.kind === 'edit') reasons.push('edit');
    if (row.status !== 'pending') return reasons;
    if (row.kind === 'report' || (openReports.get(`${row.subjectUid}|${row.subjectId}`) ?? 0) > 0) {
      reasons.push('reported');
    }
    if (new Date(row.createdAt).getTime() < cutoff) reasons.push('pending-too-long');
    if (duplicates.has(row.id)) reasons.push('possible-duplicate');
    return reasons;
  }

  function summaryOf(row: ItemRow, reasons: ModerationReason[], reportCount: number): ModerationItemSummary {
    const type = registry.get(row.subjectUid);
    return {
      id: row.id,
      kind: row.kind,
      mode: row.mode,
      status: row.status,
      reasons,
      type: { uid: row.subjectUid, label: type?.label ?? row.subjectUid },
      title: row.title ?? '',
      centre: row.centre ? { id: row.centre.id, name: row.centre.name } : null,
      createdAt: iso(row.createdAt),
      reportCount,
    };
  }

  async function openReportItem(type: ModeratedType, documentId: string, entry: Entry, centre: number | null) {
    const openKey = `report:${type.uid}:${documentId}`;
    const existing = (await items().findOne({ where: { openKey } })) as ItemRow | null;
    if (existing) return existing;
    // Who wrote the content, if known: the person told when it is removed.
    const origin = (await items().findOne({
      where: { subjectUid: type.uid, subjectId: documentId, submitterEmail: { $notNull: true } },
      orderBy: { id: 'desc' },
      select: ['submitterEmail'],
    })) as { submitterEmail: string } | null;
    try {
      return (await items().create({
        data: {
          subjectUid: type.uid,
          subjectId: documentId,
          kind: 'report',
          mode: type.mode,
          status: 'pending',
          title: titleOf(type, entry),
          duplicateKey: null,
          submitterEmail: origin?.submitterEmail ?? emailOf(type, entry),
          hiddenByReports: false,
          openKey,
          centre,
        },
      })) as ItemRow;
    } catch (error) {
      // Two first reports at the same moment: the other request created the item.
      if (!isUniqueViolation(error)) throw error;
      return (await items().findOne({ where: { openKey } })) as ItemRow;
    }
  }

  /** What the queue's filters offer this user. */
  async function facets(user: AdminUserLike) {
    const scope = getService(strapi, 'scope');
    const where = scope.isSuperAdmin(user) ? {} : { id: { $in: await scope.centreIdsOf(user.id) } };
    const centres = (await strapi.db
      .query(CENTRE_UID)
      .findMany({ where, select: ['id', 'name'], orderBy: { name: 'asc' } })) as { id: number; name: string }[];
    return {
      filters: {
        types: registry
          .all()
          .map((type) => ({ uid: type.uid, label: type.label }))
          .sort((a, b) => a.label.localeCompare(b.label, 'fr')),
        centres,
      },
      pendingDays: config().pendingDays,
    };
  }

  /** Changes the content as the decision says, inside the decision's transaction. */
  async function apply(item: ItemRow, decision: ModerationDecision): Promise<void> {
    const { subjectUid: uid, subjectId: documentId } = item;
    const isPublished = async () => Boolean(await entryOf(uid, documentId, 'published'));
    if (decision === 'accept') {
      if (item.mode === 'pre' && (item.kind === 'new' || item.kind === 'edit')) {
        if (!(await entryOf(uid, documentId, 'draft'))) {
          throw new errors.ApplicationError(
            'Ce contenu a été supprimé entre-temps : refusez la proposition pour la retirer de la file.',
          );
        }
        if (item.kind === 'edit') {
          await documents(uid).update({ documentId, data: item.proposedData ?? {}, status: 'published' } as never);
        } else {
          await documents(uid).publish({ documentId } as never);
        }
      }
      if (item.kind === 'report' && item.hiddenByReports && !(await isPublished())) {
        await documents(uid).publish({ documentId } as never);
      }
    }
    if (decision === 'refuse') {
      if (item.kind === 'edit' && item.mode === 'post' && item.previousData) {
        await documents(uid).update({ documentId, data: item.previousData, status: 'published' } as never);
      }
      if ((item.kind === 'report' || (item.kind === 'new' && item.mode === 'post')) && (await isPublished())) {
        await documents(uid).unpublish({ documentId } as never);
      }
    }
  }

  /** A product's advice on the content as it would go out; a failing hint function gives none. */
  function hintsOf(type: ModeratedType | undefined, row: ItemRow, entry: Entry | null): ModerationHint[] {
    if (!type?.hints || !entry) return [];
    try {
      return type.hints(row.kind === 'edit' ? { ...entry, ...(row.proposedData ?? {}) } : entry);
    } catch (error) {
      strapi.log.warn(`moderation: hints of ${type.uid} failed (${(error as Error).name})`);
      return [];
    }
  }

  /** One item with what a moderator needs to decide: the content, the changes, the reports. */
  async function detailOf(user: AdminUserLike, rawId: unknown): Promise<ModerationItemDetail> {
    const row = await findInScope(user, rawId);
    const type = registry.get(row.subjectUid);
    const [published, draft] = await Promise.all([
      entryOf(row.subjectUid, row.subjectId, 'published'),
      entryOf(row.subjectUid, row.subjectId, 'draft'),
    ]);
    const fields = editableFields(strapi, row.subjectUid);
    const labels = await fieldLabels(strapi, row.subjectUid, type);
    let changes;
    if (row.kind === 'edit') {
      const proposed = Object.keys(row.proposedData ?? {}).filter((field) => fields.includes(field));
      const current = row.mode === 'pre' && row.status === 'pending';
      changes = current
        ? diff(labels, proposed, published ?? row.previousData, row.proposedData, row.previousData)
        : diff(labels, proposed, row.previousData, row.proposedData);
    } else {
      changes = diff(labels, fields, null, published ?? draft);
    }
    const [subjectReports, duplicates, openReports] = await Promise.all([
      reports().findMany({
        where: { subjectUid: row.subjectUid, subjectId: row.subjectId },
        select: ['reason', 'text', 'createdAt', 'resolvedAt'],
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        limit: 200,
      }) as Promise<ReportRow[]>,
      row.status === 'pending' ? duplicatesAmong([row]) : Promise.resolve(new Map<number, ItemRow[]>()),
      openReportsOf([row]),
    ]);
    const cutoff = Date.now() - config().pendingDays * 86400000;
    const reportCount = openReports.get(`${row.subjectUid}|${row.subjectId}`) ?? 0;
    let decidedByName: string | null = null;
    if (row.decidedBy) {
      const staff = (await strapi.db
        .query('admin::user')
        .findOne({ where: { id: row.decidedBy }, select: ['firstname', 'lastname'] })) as {
        firstname?: string;
        lastname?: string;
      } | null;
      decidedByName = [staff?.firstname, staff?.lastname].filter(Boolean).join(' ') || null;
    }
    return {
      ...summaryOf(row, reasonsOf(row, duplicates, openReports, cutoff), reportCount),
      subject: { uid: row.subjectUid, documentId: row.subjectId },
      published: Boolean(published),
      hiddenByReports: Boolean(row.hiddenByReports),
      submitterEmail: row.submitterEmail,
      changes,
      reports: subjectReports.map((report) => ({
        reason: report.reason,
        text: report.text,
        at: iso(report.createdAt),
      })),
      duplicates: (duplicates.get(row.id) ?? []).map((other) => ({
        id: other.id,
        title: other.title ?? '',
        status: other.status,
      })),
      hints: hintsOf(type, row, published ?? draft),
      decision:
        row.status === 'pending' || !row.decidedAt
          ? null
          : { at: iso(row.decidedAt), by: decidedByName, message: row.message, note: row.note },
    };
  }

  return {
    /** Products declare each moderated type once, in their register or bootstrap. */
    register(type: ModeratedType): void {
      registry.register(type);
    },

    types(): ModeratedType[] {
      return registry.all();
    },

    /**
     * A new entry from outside, from a product's public endpoint (after its own validation).
     * Pre-moderated: created as a draft, published when accepted. Post-moderated: published at
     * once and queued for review. Entry and queue item are written together or not at all.
     */
    async submit(uid: string, data: Entry, options: { submitter?: Submitter } = {}) {
      const type = typeOrThrow(uid);
      const submitter = parseOrThrow(submitterSchema, options.submitter);
      return strapi.db.transaction(async () => {
        const created = (await documents(uid).create({
          data,
          ...(type.mode === 'post' ? { status: 'published' } : {}),
        } as never)) as Entry & { documentId: string };
        const centre = await centreOf(uid, created.documentId);
        const item = (await items().create({
          data: {
            subjectUid: uid,
            subjectId: created.documentId,
            kind: 'new',
            mode: type.mode,
            status: 'pending',
            title: titleOf(type, created),
            duplicateKey: keyOf(type, created),
            submitterEmail: submitter?.email ?? emailOf(type, created),
            hiddenByReports: false,
            centre,
          },
        })) as ItemRow;
        await getService(strapi, 'audit').record({
          action: 'moderation.submit',
          subject: { uid, id: created.documentId },
          centre,
          details: { item: item.id, kind: 'new', mode: type.mode },
        });
        return { documentId: created.documentId, item: item.id, published: type.mode === 'post' };
      });
    },

    /**
     * An edit proposed to a published entry. Pre-moderated: kept beside the entry (which stays
     * as it is) until accepted. Post-moderated: applied at once, the previous values kept so a
     * refusal puts them back.
     */
    async proposeEdit(uid: string, documentId: string, data: Entry, options: { submitter?: Submitter } = {}) {
      const type = typeOrThrow(uid);
      const submitter = parseOrThrow(submitterSchema, options.submitter);
      const allowed = editableFields(strapi, uid);
      const fields = Object.keys(data ?? {});
      const refused = fields.filter((field) => !allowed.includes(field));
      if (fields.length === 0 || refused.length > 0) {
        throw new errors.ValidationError(
          fields.length === 0
            ? 'La proposition ne modifie aucun champ.'
            : 'Ces champs ne peuvent pas être modifiés ici.',
          {
            errors:
              fields.length === 0
                ? [{ path: [], message: 'La proposition ne modifie aucun champ.', name: 'ValidationError' }]
                : refused.map((field) => ({
                    path: [field],
                    message: 'Ce champ ne peut pas être modifié ici.',
                    name: 'ValidationError',
                  })),
          },
        );
      }
      return strapi.db.transaction(async () => {
        const published = await entryOf(uid, documentId, 'published');
        if (!published) throw new errors.NotFoundError('Ce contenu n’existe pas ou n’est plus en ligne.');
        const previous = pick(published, fields);
        const merged = { ...published, ...data };
        if (type.mode === 'post') {
          await documents(uid).update({ documentId, data, status: 'published' } as never);
        }
        const centre = await centreOf(uid, documentId);
        const item = (await items().create({
          data: {
            subjectUid: uid,
            subjectId: documentId,
            kind: 'edit',
            mode: type.mode,
            status: 'pending',
            title: titleOf(type, merged),
            duplicateKey: keyOf(type, merged),
            proposedData: data,
            previousData: previous,
            submitterEmail: submitter?.email ?? emailOf(type, merged),
            hiddenByReports: false,
            centre,
          },
        })) as ItemRow;
        await getService(strapi, 'audit').record({
          action: 'moderation.submit',
          subject: { uid, id: documentId },
          centre,
          details: { item: item.id, kind: 'edit', mode: type.mode },
        });
        return { item: item.id, applied: type.mode === 'post' };
      });
    },

    /**
     * A report from the public form. One per person and entry: the person is a keyed one-way
     * fingerprint of their address and optional e-mail, held by a unique index so two requests
     * at once cannot both count. Hidden at the threshold, counted in different addresses.
     */
    async report(input: ParsedReportRequest, from: { address: string }): Promise<{ accepted: boolean }> {
      const type = registry.get(input.type);
      if (!type) {
        throw new errors.ValidationError('Ce type de contenu ne peut pas être signalé.', {
          errors: [
            { path: ['type'], message: 'Ce type de contenu ne peut pas être signalé.', name: 'ValidationError' },
          ],
        });
      }
      const entry = await entryOf(type.uid, input.documentId, 'published');
      if (!entry) throw new errors.NotFoundError('Ce contenu n’existe pas ou n’est plus en ligne.');
      const addressKey = hmac('address', type.uid, input.documentId, from.address);
      const fingerprint = hmac('reporter', type.uid, input.documentId, from.address, input.email ?? '');
      try {
        await reports().create({
          data: {
            subjectUid: type.uid,
            subjectId: input.documentId,
            reason: input.reason,
            text: input.text || null,
            fingerprint,
            addressKey,
            resolvedAt: null,
          },
        });
      } catch (error) {
        if (isUniqueViolation(error)) return { accepted: false };
        throw error;
      }
      const centre = await centreOf(type.uid, input.documentId);
      const item = await openReportItem(type, input.documentId, entry, centre);
      await getService(strapi, 'audit').record({
        action: 'moderation.report',
        subject: { uid: type.uid, id: input.documentId },
        centre,
        details: { item: item.id, reason: input.reason },
      });

      const open = (await reports().findMany({
        where: { subjectUid: type.uid, subjectId: input.documentId, resolvedAt: { $null: true } },
        select: ['addressKey'],
      })) as { addressKey: string }[];
      const people = new Set(open.map((report) => report.addressKey)).size;
      if (people >= config().reportThreshold) {
        // Only the request that flips the flag unpublishes.
        const { count } = await items().updateMany({
          where: { id: item.id, hiddenByReports: false },
          data: { hiddenByReports: true },
        });
        if (count === 1) {
          await documents(type.uid).unpublish({ documentId: input.documentId } as never);
          await getService(strapi, 'audit').record({
            action: 'moderation.auto-hide',
            actor: { type: 'system', id: null },
            subject: { uid: type.uid, id: input.documentId },
            centre,
            details: { item: item.id, reports: people },
          });
        }
      }
      return { accepted: true };
    },

    /**
     * The contributor takes back what still waits for review (a product's « withdraw » button):
     * its pending pre-moderation items leave the queue, marked refused with a note for the team.
     * Nothing is e-mailed, and the entry itself is the product's to close. Answers how many left.
     */
    async withdraw(uid: string, documentId: string): Promise<number> {
      typeOrThrow(uid);
      const { count } = await items().updateMany({
        where: {
          subjectUid: uid,
          subjectId: documentId,
          status: 'pending',
          mode: 'pre',
          kind: { $in: ['new', 'edit'] },
        },
        data: { status: 'refused', decidedAt: new Date(), note: WITHDRAWN_NOTE, openKey: null },
      });
      if (count > 0) {
        await getService(strapi, 'audit').record({
          action: 'moderation.withdraw',
          subject: { uid, id: documentId },
          centre: await centreOf(uid, documentId),
          details: { items: count },
        });
      }
      return count;
    },

    /**
     * Where each of a contributor's own entries stands, for their « my contributions » list: the
     * latest decision on it, or `published` once it is live with nothing pending.
     */
    async contributionStatuses(uid: string, documentIds: string[]): Promise<Map<string, ContributionStatus>> {
      const statuses = new Map<string, ContributionStatus>();
      if (documentIds.length === 0) return statuses;
      const [decisions, live] = await Promise.all([
        items().findMany({
          where: { subjectUid: uid, subjectId: { $in: documentIds } },
          select: ['subjectId', 'status', 'message'],
          orderBy: { id: 'desc' },
        }) as Promise<{ subjectId: string; status: ModerationStatus; message: string | null }[]>,
        strapi.db.query(uid as UID.ContentType).findMany({
          where: { documentId: { $in: documentIds }, publishedAt: { $notNull: true } },
          select: ['documentId'],
        }) as Promise<{ documentId: string }[]>,
      ]);
      const published = new Set(live.map((row) => row.documentId));
      const latest = new Map<string, (typeof decisions)[number]>();
      for (const item of decisions) if (!latest.has(item.subjectId)) latest.set(item.subjectId, item);
      for (const id of documentIds) {
        const item = latest.get(id);
        const status = item?.status === 'pending' || !published.has(id) ? (item?.status ?? 'pending') : 'published';
        statuses.set(id, { status, message: item?.message ?? null });
      }
      return statuses;
    },

    /** The queue (or the decided items) as `user` may see it: their centres only, unless super-admin. */
    async list(user: AdminUserLike, rawQuery: unknown): Promise<ModerationQueuePage> {
      const query = parseOrThrow(queueQuery, rawQuery ?? {});
      const scopeService = getService(strapi, 'scope');
      const scope = await scopeService.filterFor(user, MODERATION_ITEM_UID);
      const pending = query.state === 'pending';
      const filters: Record<string, unknown>[] = [{ status: pending ? 'pending' : { $ne: 'pending' } }];
      if (scope) filters.push(scope);
      if (query.type) filters.push({ subjectUid: query.type });
      if (query.centre) filters.push({ centre: { id: query.centre } });
      const cutoff = Date.now() - config().pendingDays * 86400000;

      if (pending) {
        // Oldest first: the queue is worked from the top. Reasons are computed, then filtered.
        const all = (await items().findMany({
          where: { $and: filters },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          limit: QUEUE_LIMIT,
          populate: { centre: { select: ['id', 'name'] } },
        })) as ItemRow[];
        const [duplicates, openReports] = await Promise.all([duplicatesAmong(all), openReportsOf(all)]);
        const withReasons = all
          .map((row) => ({ row, reasons: reasonsOf(row, duplicates, openReports, cutoff) }))
          .filter(({ reasons }) => !query.reason || reasons.includes(query.reason as ModerationReason));
        const total = withReasons.length;
        const page = withReasons.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
        const results = page.map(({ row, reasons }) =>
          summaryOf(row, reasons, openReports.get(`${row.subjectUid}|${row.subjectId}`) ?? 0),
        );
        return { results, pagination: paginationOf(query, total), ...(await facets(user)) };
      }

      const kind = { new: 'new', edit: 'edit', reported: 'report' }[query.reason as string];
      if (query.reason && !kind) filters.push({ id: { $null: true } });
      if (kind) filters.push({ kind });
      const [rows, total] = await Promise.all([
        items().findMany({
          where: { $and: filters },
          orderBy: [{ decidedAt: 'desc' }, { id: 'desc' }],
          offset: (query.page - 1) * query.pageSize,
          limit: query.pageSize,
          populate: { centre: { select: ['id', 'name'] } },
        }) as Promise<ItemRow[]>,
        items().count({ where: { $and: filters } }),
      ]);
      const results = rows.map((row) => summaryOf(row, reasonsOf(row, new Map(), new Map(), cutoff), 0));
      return { results, pagination: paginationOf(query, total), ...(await facets(user)) };
    },

    detail: (user: AdminUserLike, rawId: unknown) => detailOf(user, rawId),

    /**
     * Accept, refuse (reason required) or ask for changes (message required). The content
     * change, the item, the audit entry and the e-mail to the submitter happen in one
     * transaction: if the e-mail cannot leave, nothing is recorded and the moderator is told.
     */
    async decide(user: AdminUserLike, rawId: unknown, body: unknown): Promise<ModerationItemDetail> {
      const input = parseOrThrow(decisionRequest, body ?? {});
      const item = await findInScope(user, rawId);
      if (item.status !== 'pending') throw alreadyDecided();
      const type = registry.get(item.subjectUid);
      if (!type) {
        throw new errors.ApplicationError(
          'Ce type de contenu n’est plus modéré ici (son module est peut-être désactivé) : aucune décision possible.',
        );
      }
      const centre = item.centre ?? null;
      await strapi.db.transaction(async () => {
        const { count } = await items().updateMany({
          where: { id: item.id, status: 'pending' },
          data: {
            status: STATUS_OF[input.decision],
            decidedAt: new Date(),
            decidedBy: String(user.id),
            message: input.message || null,
            note: input.note || null,
            openKey: null,
          },
        });
        if (count !== 1) throw alreadyDecided();
        await apply(item, input.decision);
        if (item.kind === 'report') {
          await reports().updateMany({
            where: { subjectUid: item.subjectUid, subjectId: item.subjectId, resolvedAt: { $null: true } },
            data: { resolvedAt: new Date() },
          });
        }
        const entry =
          (await entryOf(item.subjectUid, item.subjectId, 'draft')) ??
          (await entryOf(item.subjectUid, item.subjectId, 'published'));
        const to = item.submitterEmail ?? emailOf(type, entry);
        const layout = to
          ? decisionMail({
              decision: input.decision,
              kind: item.kind,
              mode: item.mode,
              typeLabel: type.label,
              title: item.title ?? '',
              message: input.message || null,
              centreName: centre?.name ?? null,
            })
          : null;
        await getService(strapi, 'audit').record({
          action: `moderation.${input.decision}`,
          subject: { uid: item.subjectUid, id: item.subjectId },
          centre: centre?.id ?? null,
          details: { item: item.id, kind: item.kind, mode: item.mode, notified: Boolean(to && layout) },
        });
        // Last: a refused e-mail rolls everything above back.
        if (to && layout)
          await getService(strapi, 'mail').send({ to, ...composeMail(layout), centre: centre?.id ?? null });
      });
      return detailOf(user, item.id);
    },
  };
};

export { MailDeliveryError };
export type ModerationService = ReturnType<typeof createModerationService>;
export default createModerationService;
