import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { paginationOf } from '@csc/plugin-core/toolkit';
import type {
  LatestWords,
  PublicContributors,
  PublicDefinition,
  SearchResults,
  WordCategory,
  WordDetail,
  WordDetailsPage,
  WordIndex,
  WordPage,
  WordSummary,
} from '../../../shared/contracts/public';
import { DEFINITION_UID, STRUCTURE_UID, WORD_UID } from '../../../shared/permissions';
import { foldText, rankWords } from '../../../shared/normalise';

interface IndexedWord extends WordSummary {
  documentId: string;
  firstPublishedAt: string;
}

interface DefinitionRow {
  documentId: string;
  text: string;
  example: string;
  illustration_alt: string | null;
  is_main: boolean | null;
  group_label: string;
  group_commune: string;
  group_year: number;
  publishedAt: string | Date;
  illustration?: { url: string; mime: string | null } | null;
  audio?: { url: string; mime: string | null } | null;
  structure?: { name: string; commune: string; status: string } | null;
  word?: { documentId: string } | null;
}

/** The whole published index is kept this long at most; every write to a word or definition empties it. */
const INDEX_TTL_MS = 60_000;
const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
const iso = (value: string | Date) => new Date(value).toISOString();

function letterOf(term: string): string {
  const first = foldText(term).charAt(0);
  return /[a-z]/.test(first) ? first : '#';
}

/**
 * The public read side, for the static site: published words that have at least one published
 * definition, in French alphabetical order, with search tolerant of accents, plurals and
 * misspellings (the same normalisation as requests).
 */
const createWordsService = ({ strapi }: { strapi: Core.Strapi }) => {
  let cache: { at: number; words: IndexedWord[] } | null = null;

  async function index(): Promise<IndexedWord[]> {
    if (cache && Date.now() - cache.at < INDEX_TTL_MS) return cache.words;
    const [words, definitions] = await Promise.all([
      strapi.db.query(WORD_UID).findMany({
        where: { publishedAt: { $notNull: true } },
        select: ['documentId', 'slug', 'term', 'variants', 'category'],
      }) as Promise<{ documentId: string; slug: string; term: string; variants: unknown; category: WordCategory }[]>,
      strapi.db.query(DEFINITION_UID).findMany({
        where: { publishedAt: { $notNull: true } },
        select: ['publishedAt'],
        populate: { word: { select: ['documentId'] } },
      }) as Promise<{ publishedAt: string | Date; word?: { documentId: string } | null }[]>,
    ]);
    const first = new Map<string, string>();
    for (const definition of definitions) {
      const id = definition.word?.documentId;
      if (!id) continue;
      const at = iso(definition.publishedAt);
      if (!first.has(id) || at < (first.get(id) as string)) first.set(id, at);
    }
    const list = words
      .filter((word) => first.has(word.documentId))
      .map((word) => ({
        documentId: word.documentId,
        slug: word.slug,
        term: word.term,
        variants: Array.isArray(word.variants) ? word.variants.filter((item) => typeof item === 'string') : [],
        category: word.category,
        letter: letterOf(word.term),
        firstPublishedAt: first.get(word.documentId) as string,
      }))
      .sort((a, b) => collator.compare(a.term, b.term));
    cache = { at: Date.now(), words: list };
    return list;
  }

  const summary = ({ slug, term, variants, category, letter }: IndexedWord): WordSummary => ({
    slug,
    term,
    variants,
    category,
    letter,
  });

  function publicDefinition(row: DefinitionRow): PublicDefinition {
    return {
      id: row.documentId,
      text: row.text,
      example: row.example,
      illustration:
        row.illustration && row.illustration_alt
          ? { url: row.illustration.url, mime: row.illustration.mime ?? null, alt: row.illustration_alt }
          : null,
      audio: row.audio ? { url: row.audio.url, mime: row.audio.mime ?? null } : null,
      credit: {
        group: row.group_label,
        commune: row.group_commune,
        year: row.group_year,
        structure: row.structure ? { name: row.structure.name, commune: row.structure.commune } : null,
      },
      publishedAt: iso(row.publishedAt),
    };
  }

  /** Words with their definitions and related words: two queries, however many words. */
  async function detailsOf(words: IndexedWord[], all: IndexedWord[]): Promise<WordDetail[]> {
    if (words.length === 0) return [];
    const ids = words.map((word) => word.documentId);
    const [rows, definitions] = await Promise.all([
      strapi.db.query(WORD_UID).findMany({
        where: { documentId: { $in: ids }, publishedAt: { $notNull: true } },
        select: ['documentId', 'updatedAt'],
        populate: { related: { select: ['documentId'] } },
      }) as Promise<{ documentId: string; updatedAt: string | Date; related?: { documentId: string }[] }[]>,
      strapi.db.query(DEFINITION_UID).findMany({
        where: { publishedAt: { $notNull: true }, word: { documentId: { $in: ids } } },
        select: [
          'documentId',
          'text',
          'example',
          'illustration_alt',
          'is_main',
          'group_label',
          'group_commune',
          'group_year',
          'publishedAt',
        ],
        populate: {
          illustration: { select: ['url', 'mime'] },
          audio: { select: ['url', 'mime'] },
          structure: { select: ['name', 'commune', 'status'] },
          word: { select: ['documentId'] },
        },
        orderBy: [{ publishedAt: 'asc' }, { id: 'asc' }],
      }) as Promise<(DefinitionRow & { word?: { documentId: string } | null })[]>,
    ]);
    const rowOf = new Map(rows.map((row) => [row.documentId, row]));
    const definitionsOf = new Map<string, DefinitionRow[]>();
    for (const definition of definitions) {
      const id = definition.word?.documentId;
      if (id) definitionsOf.set(id, [...(definitionsOf.get(id) ?? []), definition]);
    }
    const byId = new Map(all.map((entry) => [entry.documentId, entry]));
    return words.map((word) => {
      const row = rowOf.get(word.documentId);
      const own = definitionsOf.get(word.documentId) ?? [];
      const main = own.find((definition) => definition.is_main) ?? own[0] ?? null;
      const related = [...new Set((row?.related ?? []).map((link) => link.documentId))]
        .map((id) => byId.get(id))
        .filter((entry): entry is IndexedWord => Boolean(entry) && entry?.documentId !== word.documentId)
        .map(summary);
      return {
        ...summary(word),
        definition: main ? publicDefinition(main) : null,
        otherDefinitions: own.filter((definition) => definition !== main).map(publicDefinition),
        related,
        updatedAt: iso(row?.updatedAt ?? word.firstPublishedAt),
      };
    });
  }

  return {
    forget(): void {
      cache = null;
    },

    async list(query: { letter?: string; category?: WordCategory; page: number; pageSize: number }): Promise<WordPage> {
      const all = await index();
      const letters = [...new Set(all.map((word) => word.letter))].sort();
      const matching = all.filter(
        (word) =>
          (!query.letter || word.letter === query.letter) && (!query.category || word.category === query.category),
      );
      const start = (query.page - 1) * query.pageSize;
      return {
        data: matching.slice(start, start + query.pageSize).map(summary),
        meta: { ...paginationOf(query, matching.length), letters },
      };
    },

    async latest(limit: number): Promise<LatestWords> {
      const all = await index();
      const sorted = [...all].sort((a, b) => b.firstPublishedAt.localeCompare(a.firstPublishedAt));
      return { data: sorted.slice(0, limit).map((word) => ({ ...summary(word), publishedAt: word.firstPublishedAt })) };
    },

    async all(): Promise<WordIndex> {
      const all = await index();
      return { data: all.map(summary), meta: { total: all.length } };
    },

    async search(q: string, limit: number): Promise<SearchResults> {
      const found = rankWords(q, await index(), limit);
      return { data: found.map(summary), meta: { query: q, total: found.length } };
    },

    async bySlug(slug: string): Promise<WordDetail> {
      const all = await index();
      const word = all.find((entry) => entry.slug === slug);
      if (!word) throw new errors.NotFoundError('Ce mot n’est pas (encore) dans le dictionnaire.');
      const [detail] = await detailsOf([word], all);
      return detail;
    },

    /** Whole word pages, a page of the A–Z list at a time: what a static build reads in bulk. */
    async details(query: { page: number; pageSize: number }): Promise<WordDetailsPage> {
      const all = await index();
      const start = (query.page - 1) * query.pageSize;
      return {
        data: await detailsOf(all.slice(start, start + query.pageSize), all),
        meta: paginationOf(query, all.length),
      };
    },

    async contributors(): Promise<PublicContributors> {
      const [structures, definitions] = await Promise.all([
        strapi.db.query(STRUCTURE_UID).findMany({
          where: { status: 'validated' },
          select: ['id', 'name', 'kind', 'commune'],
        }) as Promise<{ id: number; name: string; kind: string; commune: string }[]>,
        strapi.db.query(DEFINITION_UID).findMany({
          where: { publishedAt: { $notNull: true } },
          select: ['id'],
          populate: { structure: { select: ['id'] } },
        }) as Promise<{ structure?: { id: number } | null }[]>,
      ]);
      const counts = new Map<number, number>();
      for (const definition of definitions) {
        const id = definition.structure?.id;
        if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      return {
        data: structures
          .map((structure) => ({
            name: structure.name,
            kind: structure.kind,
            commune: structure.commune,
            definitions: counts.get(structure.id) ?? 0,
          }))
          .sort((a, b) => collator.compare(a.name, b.name)),
      };
    },
  };
};

export type WordsService = ReturnType<typeof createWordsService>;
export default createWordsService;
