import type { Core } from '@strapi/strapi';
import { listQuery, parseOrThrow } from '@csc/plugin-core/toolkit';
import {
  EVENT_UID,
  MODERATION_ITEM_UID,
  SERVICE_UID,
  STRUCTURE_UID,
  type ModerationReason,
} from '@csc/plugin-core/shared';
import { GLOSSARY_TERM_UID, RESOURCE_UID } from '../../../shared/permissions';
import type { PendingContribution, PendingContributionsResponse } from '../../../shared/contracts/admin';
import { coreService, type AdminUser } from '../core-services';
import { getService } from '../utils/get-service';

/** Where each moderated type keeps its themes. */
const THEMES_FIELD: Record<string, string> = {
  [RESOURCE_UID]: 'themes',
  [GLOSSARY_TERM_UID]: 'themes',
  [STRUCTURE_UID]: 'thematiques',
  [SERVICE_UID]: 'thematiques',
  [EVENT_UID]: 'thematiques',
};

/** The queue is read up to this many waiting items, oldest first, as core's page reads it. */
const QUEUE_LIMIT = 2000;

interface ItemRow {
  id: number;
  subjectUid: string;
  subjectId: string;
  kind: 'new' | 'edit' | 'report';
  title: string | null;
  proposedData: Record<string, unknown> | null;
  createdAt: string | Date;
  centre?: { name: string } | null;
}

const REASON: Record<ItemRow['kind'], ModerationReason> = { new: 'new', edit: 'edit', report: 'reported' };
const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/**
 * The waiting contributions a compass's team cares about: items of core moderation (directory
 * entries, resources, glossary terms) whose entry carries one of the compass's themes, within
 * the user's centres. Decisions stay in core's moderation page.
 */
const createContributionsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async pending(user: AdminUser, compassId: unknown, rawQuery: unknown): Promise<PendingContributionsResponse> {
    const query = parseOrThrow(listQuery({}), rawQuery ?? {});
    const compass = await getService(strapi, 'compasses').get(user, compassId);
    const themes = new Set([...compass.themes, ...compass.localThemes.map((theme) => theme.code)]);
    const scope = await coreService(strapi, 'scope').filterFor(user, MODERATION_ITEM_UID);
    const items = (await strapi.db.query(MODERATION_ITEM_UID).findMany({
      where: {
        $and: [{ status: 'pending' }, { subjectUid: { $in: Object.keys(THEMES_FIELD) } }, ...(scope ? [scope] : [])],
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      limit: QUEUE_LIMIT,
      populate: { centre: { select: ['name'] } },
    })) as ItemRow[];

    // Each entry's themes as its draft holds them (the proposal, for an edit that changes them).
    const themesOf = new Map<string, string[]>();
    for (const uid of new Set(items.map((item) => item.subjectUid))) {
      const field = THEMES_FIELD[uid];
      const ids = [...new Set(items.filter((item) => item.subjectUid === uid).map((item) => item.subjectId))];
      const rows = (await strapi.db.query(uid as typeof RESOURCE_UID).findMany({
        where: { documentId: { $in: ids }, publishedAt: { $null: true } },
        select: ['documentId', field],
      })) as Record<string, unknown>[];
      for (const row of rows) themesOf.set(`${uid}|${String(row.documentId)}`, list(row[field]));
    }
    const labels = new Map(
      coreService(strapi, 'moderation')
        .types()
        .map((type) => [type.uid, type.label]),
    );
    const relevant: PendingContribution[] = [];
    for (const item of items) {
      const proposed = item.proposedData?.[THEMES_FIELD[item.subjectUid]];
      const entryThemes = [
        ...new Set([...(themesOf.get(`${item.subjectUid}|${item.subjectId}`) ?? []), ...list(proposed)]),
      ];
      if (!entryThemes.some((theme) => themes.has(theme))) continue;
      relevant.push({
        id: item.id,
        type: item.subjectUid,
        typeLabel: labels.get(item.subjectUid) ?? item.subjectUid,
        title: item.title ?? '',
        kind: item.kind,
        reasons: [REASON[item.kind]],
        themes: entryThemes.filter((theme) => themes.has(theme)),
        createdAt: new Date(item.createdAt).toISOString(),
        centre: item.centre?.name ?? null,
      });
    }
    const { page, pageSize } = query;
    return {
      results: relevant.slice((page - 1) * pageSize, page * pageSize),
      pagination: {
        page,
        pageSize,
        total: relevant.length,
        pageCount: Math.max(1, Math.ceil(relevant.length / pageSize)),
      },
    };
  },
});

export type ContributionsService = ReturnType<typeof createContributionsService>;
export default createContributionsService;
