import type { Core } from '@strapi/strapi';
import { EVENT_UID, PLACE_UID, SERVICE_UID, STRUCTURE_UID } from '../../../shared/contracts/directory';

type Row = Record<string, unknown>;

/** Lower case without accents or typographic apostrophes: « Fête d’été » is found by "fete d'ete". */
export const searchKey = (value: string): string =>
  value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´]/g, "'")
    .toLowerCase();

/**
 * Hidden columns the public lists filter and sort on, so the database does the work: accents and
 * case folded the same way on SQLite and PostgreSQL, and list values (JSON columns, which the two
 * databases query differently) flattened to a text that a LIKE can search.
 */
export interface SearchKeys {
  search_text?: string;
  sort_key?: string;
  commune_key?: string | null;
  tags_key?: string;
}

export const KEY_ATTRIBUTES = ['search_text', 'sort_key', 'commune_key', 'tags_key'] as const;

/** A list value as it appears in `tags_key`: `|t:famille--garde|p:familles|`. */
export const tagOf = (kind: 'thematique' | 'public', value: string) =>
  `|${kind === 'thematique' ? 't' : 'p'}:${value}|`;

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const values = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

function tags(row: Row): string {
  const all = [
    ...values(row.thematiques).map((value) => tagOf('thematique', value)),
    ...values(row.publics).map((value) => tagOf('public', value)),
  ];
  // Joined so that each value sits between two bars: `|t:a||p:b|` still contains `|p:b|`.
  return all.join('') || '|';
}

const communeKey = (row: Row) => (text(row.commune) ? searchKey(text(row.commune).trim()) : null);

/** What each directory type keeps, computed from the whole row. */
const KEYS_OF: Record<string, (row: Row) => SearchKeys> = {
  [STRUCTURE_UID]: (row) => ({
    search_text: `${searchKey(text(row.nom))}\n${searchKey(text(row.description))}`,
    sort_key: searchKey(text(row.nom)).slice(0, 150),
    commune_key: communeKey(row),
    tags_key: tags(row),
  }),
  [SERVICE_UID]: (row) => ({
    search_text: `${searchKey(text(row.nom))}\n${searchKey(text(row.description))}`,
    sort_key: searchKey(text(row.nom)).slice(0, 150),
    commune_key: communeKey(row),
    tags_key: tags(row),
  }),
  [EVENT_UID]: (row) => ({
    search_text: `${searchKey(text(row.titre))}\n${searchKey(text(row.description))}`,
    tags_key: tags(row),
  }),
  [PLACE_UID]: (row) => ({ commune_key: communeKey(row) }),
};

export const KEYED_UIDS = Object.keys(KEYS_OF);

const differs = (row: Row, keys: SearchKeys) =>
  Object.entries(keys).some(([name, value]) => (row[name] ?? null) !== (value ?? null));

/**
 * Keeps the keys of every row true after any write, whichever path made it (document service,
 * publication, moderation, import): a second, small update of the same row, in the same transaction.
 */
export function keepSearchKeys(strapi: Core.Strapi): void {
  const refresh = async (uid: string, row: Row | null | undefined) => {
    if (!row || typeof row.id !== 'number') return;
    const keys = KEYS_OF[uid](row);
    if (differs(row, keys)) {
      await strapi.db.query(uid as typeof STRUCTURE_UID).update({ where: { id: row.id }, data: keys as Row });
    }
  };
  const refreshWhere = async (uid: string, where: unknown) => {
    const rows = (await strapi.db.query(uid as typeof STRUCTURE_UID).findMany({ where: where as Row })) as Row[];
    for (const row of rows) await refresh(uid, row);
  };
  strapi.db.lifecycles.subscribe({
    models: KEYED_UIDS,
    async afterCreate(event) {
      await refresh(event.model.uid, event.result as Row);
    },
    async afterUpdate(event) {
      await refresh(event.model.uid, event.result as Row);
    },
    async afterCreateMany(event) {
      const ids = (event.result as { ids?: number[] } | undefined)?.ids;
      if (ids?.length) await refreshWhere(event.model.uid, { id: { $in: ids } });
    },
    async afterUpdateMany(event) {
      await refreshWhere(event.model.uid, (event.params as { where?: unknown }).where ?? {});
    },
  });
}

/** Fills the keys of rows written before they existed (or by hand in the database), in batches. */
export async function backfillSearchKeys(strapi: Core.Strapi, batch = 500): Promise<number> {
  let done = 0;
  for (const uid of KEYED_UIDS) {
    const query = strapi.db.query(uid as typeof STRUCTURE_UID);
    // A place without a commune keeps an empty key: only places with one are probed.
    const missing =
      uid === PLACE_UID
        ? { commune_key: { $null: true }, commune: { $notNull: true, $ne: '' } }
        : { tags_key: { $null: true } };
    let after = 0;
    for (;;) {
      const rows = (await query.findMany({
        where: { ...missing, id: { $gt: after } },
        orderBy: { id: 'asc' },
        limit: batch,
      })) as Row[];
      if (rows.length === 0) break;
      await strapi.db.transaction(async () => {
        for (const row of rows) {
          await query.update({ where: { id: row.id }, data: KEYS_OF[uid](row) as Row });
        }
      });
      done += rows.length;
      after = rows[rows.length - 1].id as number;
    }
  }
  return done;
}
