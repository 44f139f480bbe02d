import type { Core } from '@strapi/strapi';

/**
 * The public lists' answers, kept in memory for a short while: sites and lobby screens ask the
 * same few questions over and over, and the directory (or a product's offers…) changes a few
 * times a day. Any write to a watched type empties it on this instance (`clearListCacheOnWrites`);
 * other instances see the change after `ttlMs` at most (the answers already say
 * `Cache-Control: public, max-age=300`).
 */
export function createListCache({ max = 200, ttlMs = 60_000 } = {}) {
  const entries = new Map<string, { at: number; value: Promise<unknown> }>();
  return {
    async get<T>(key: string, load: () => Promise<T>): Promise<T> {
      const now = Date.now();
      const hit = entries.get(key);
      if (hit && now - hit.at < ttlMs) {
        // Most recently used last: the first key is the one to drop.
        entries.delete(key);
        entries.set(key, hit);
        return hit.value as Promise<T>;
      }
      const value = load();
      entries.set(key, { at: now, value });
      if (entries.size > max) entries.delete(entries.keys().next().value as string);
      // A failed read is not kept: the next request tries again.
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      return value;
    },
    clear(): void {
      entries.clear();
    },
    get size(): number {
      return entries.size;
    },
  };
}

export type ListCache = ReturnType<typeof createListCache>;

const WRITES = new Set([
  'afterCreate',
  'afterCreateMany',
  'afterUpdate',
  'afterUpdateMany',
  'afterDelete',
  'afterDeleteMany',
]);

/**
 * Empties the cache after every write to one of the `watched` content types (what the lists
 * read, centres included when they show them), and once more when the write's transaction
 * commits: until then other requests read the old rows, and a list read in between must not
 * stay cached.
 */
export function clearListCacheOnWrites(strapi: Core.Strapi, cache: ListCache, watched: readonly string[]): void {
  const uids = new Set(watched);
  strapi.db.lifecycles.subscribe(async (event) => {
    if (!uids.has(event.model.uid) || !WRITES.has(event.action)) return;
    cache.clear();
    if (strapi.db.inTransaction()) {
      // Nested in the running transaction: the callback runs when that one commits.
      await strapi.db.transaction(async ({ onCommit }) => onCommit(() => cache.clear()));
    }
  });
}
