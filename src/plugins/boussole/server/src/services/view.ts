import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { fieldError, parseOrThrow } from '@csc/plugin-core/toolkit';
import { STRUCTURE_UID, type DirectoryScope, type DirectoryStructureRef } from '@csc/plugin-core/shared';
import { GLOSSARY_TERM_UID, RESOURCE_UID } from '../../../shared/permissions';
import { AUDIENCES, GLOSSARY_LETTERS, RESOURCE_KINDS, letterOf } from '../../../shared/contracts/values';
import type {
  CompassEventsResponse,
  CompassServicesResponse,
  CompassStructureResponse,
  CompassStructuresResponse,
  GlossaryResponse,
  GlossaryTerm,
  ResourceItem,
  ResourcesResponse,
} from '../../../shared/contracts/compass';
import { coreService } from '../core-services';
import { directoryQuery, entryParams, eventQuery, glossaryQuery, resourceQuery } from '../public/query';
import { getService } from '../utils/get-service';
import type { CompassRow } from './compasses';

type Row = Record<string, unknown>;

/** A compass's own lists are read whole, then filtered: a territory has hundreds of these, not tens of thousands. */
const OWN_LIMIT = 5000;

const fold = (value: string) =>
  value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´]/g, "'")
    .toLowerCase()
    .trim();

const frenchOrder = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

function meta(page: number, pageSize: number, total: number) {
  return { page, pageSize, total, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

const emptyList = (page: number, pageSize: number) => ({ data: [], meta: meta(page, pageSize, 0) });

interface Narrowing {
  theme?: string;
  audience?: string;
  commune?: string;
}

/**
 * What the public reads of a compass: its slice of core's shared directory and agenda (read
 * through core's directory service with the compass as a standing scope, never copied), and its
 * own resources and glossary.
 */
const createViewService = ({ strapi }: { strapi: Core.Strapi }) => {
  const compasses = () => getService(strapi, 'compasses');
  const directory = () => coreService(strapi, 'directory');

  const allThemes = (compass: CompassRow) => [
    ...(compass.themes ?? []),
    ...(compass.localThemes ?? []).map((theme) => theme.code),
  ];

  function checkTheme(compass: CompassRow, theme: string | undefined): void {
    if (theme && !allThemes(compass).includes(theme)) {
      throw fieldError('theme', 'Cette thématique n’est pas une thématique de cette boussole.');
    }
  }

  function audienceOf(compass: CompassRow, audience: string | undefined): (typeof AUDIENCES)[number] | undefined {
    if (!audience) return undefined;
    const found = AUDIENCES.find((item) => item.value === audience);
    if (!found || !(compass.audiences ?? []).includes(found.value)) {
      throw fieldError('audience', 'Ce public n’est pas un public de cette boussole.');
    }
    return found;
  }

  /**
   * The compass as a scope over the directory, narrowed by the visitor's choices, or null when
   * nothing in the directory can match (a local theme, or a compass without data·inclusion themes).
   */
  function scopeOf(compass: CompassRow, { theme, audience, commune }: Narrowing): DirectoryScope | null {
    checkTheme(compass, theme);
    const chosen = audienceOf(compass, audience);
    const communes = compass.communes ?? [];
    let places = communes;
    if (commune) {
      const wanted = fold(commune);
      places = communes.filter((item) => fold(item.nom) === wanted || item.code_insee === commune);
      if (places.length === 0) throw fieldError('commune', 'Cette commune n’est pas couverte par cette boussole.');
    }
    const thematiques = theme ? [theme] : (compass.themes ?? []);
    if (thematiques.length === 0 || (theme && !(compass.themes ?? []).includes(theme))) return null;
    return {
      thematiques,
      ...(chosen ? { publics: chosen.publics } : {}),
      // An audience of children of some age keeps the entries for that age, and those without ages.
      ...(chosen && 'ages' in chosen ? { ages: chosen.ages } : {}),
      ...(places.length > 0
        ? {
            communes: places.map((item) => item.nom),
            codes_insee: places.flatMap((item) => (item.code_insee ? [item.code_insee] : [])),
          }
        : {}),
    };
  }

  /** A structure belongs to the compass as the scope reads it: a theme (its own or a service's) and a commune. */
  function inCompass(compass: CompassRow, detail: NonNullable<CompassStructureResponse['data']>): boolean {
    const themes = new Set(compass.themes ?? []);
    const tagged = [detail.structure, ...detail.services].some((entry) =>
      entry.thematiques.some((code) => themes.has(code)),
    );
    const communes = compass.communes ?? [];
    const located =
      communes.length === 0 ||
      communes.some(
        (item) =>
          (detail.structure.commune && fold(detail.structure.commune) === fold(item.nom)) ||
          (item.code_insee && detail.structure.code_insee === item.code_insee),
      );
    return tagged && located;
  }

  async function published(uid: string, populate?: Row): Promise<Row[]> {
    return (await strapi.documents(uid as typeof RESOURCE_UID).findMany({
      status: 'published',
      ...(populate ? { populate } : {}),
      limit: OWN_LIMIT,
    } as never)) as unknown as Row[];
  }

  const sharesATheme = (compass: CompassRow) => {
    const themes = new Set(allThemes(compass));
    return (row: Row) => list(row.themes).some((code) => themes.has(code));
  };

  function toResource(row: Row): ResourceItem {
    const file = row.file as Row | null | undefined;
    const day = (value: unknown) => (value ? new Date(value as string).toISOString().slice(0, 10) : null);
    return {
      id: String(row.documentId),
      slug: String(row.slug),
      title: String(row.title),
      kind: row.kind as ResourceItem['kind'],
      summary: String(row.summary ?? ''),
      body: (row.body as string | null) || null,
      audiences: list(row.audiences) as ResourceItem['audiences'],
      themes: list(row.themes),
      source: (row.source as string | null) || null,
      licence: (row.licence as string | null) || null,
      date: (typeof row.date === 'string' ? row.date : null) ?? day(row.publishedAt) ?? '',
      url: (row.url as string | null) || null,
      file: file
        ? { url: String(file.url), name: String(file.name), mime: String(file.mime), size: Number(file.size) }
        : null,
    };
  }

  async function resources(compass: CompassRow): Promise<ResourceItem[]> {
    const rows = (await published(RESOURCE_UID, { file: true })).filter(sharesATheme(compass));
    return rows.map(toResource).sort((a, b) => b.date.localeCompare(a.date) || frenchOrder.compare(a.title, b.title));
  }

  async function structureRefs(ids: string[]): Promise<Map<string, DirectoryStructureRef>> {
    if (ids.length === 0) return new Map();
    const rows = (await strapi.db.query(STRUCTURE_UID).findMany({
      where: { documentId: { $in: ids }, publishedAt: { $notNull: true } },
      select: ['documentId', 'nom'],
    })) as { documentId: string; nom: string }[];
    return new Map(rows.map((row) => [row.documentId, { id: row.documentId, nom: row.nom }]));
  }

  async function glossary(compass: CompassRow): Promise<GlossaryTerm[]> {
    const rows = (await published(GLOSSARY_TERM_UID)).filter(sharesATheme(compass));
    const bySlug = new Map(rows.map((row) => [String(row.slug), String(row.term)]));
    const structures = await structureRefs([...new Set(rows.flatMap((row) => list(row.relatedStructures)))]);
    return rows
      .map((row) => ({
        id: String(row.documentId),
        slug: String(row.slug),
        term: String(row.term),
        letter: letterOf(String(row.term)),
        definition: String(row.definition ?? ''),
        themes: list(row.themes),
        // Only terms this compass shows: a link never leads to a missing page.
        relatedTerms: list(row.relatedTerms).flatMap((slug) =>
          bySlug.has(slug) ? [{ slug, term: bySlug.get(slug) as string }] : [],
        ),
        relatedSchemes: list(row.relatedSchemes),
        relatedStructures: list(row.relatedStructures).flatMap((id) => {
          const found = structures.get(id);
          return found ? [found] : [];
        }),
      }))
      .sort((a, b) => frenchOrder.compare(a.term, b.term));
  }

  const notFound = (message: string) => new errors.NotFoundError(message);

  return {
    async structures(slug: string, rawQuery: unknown): Promise<CompassStructuresResponse> {
      const compass = await compasses().bySlug(slug);
      const { page, pageSize, q, ...narrowing } = parseOrThrow(directoryQuery, rawQuery ?? {});
      const scope = scopeOf(compass, narrowing);
      if (!scope) return emptyList(page, pageSize);
      return directory().structures(q ? { q } : {}, { page, pageSize }, scope);
    },

    async services(slug: string, rawQuery: unknown): Promise<CompassServicesResponse> {
      const compass = await compasses().bySlug(slug);
      const { page, pageSize, q, ...narrowing } = parseOrThrow(directoryQuery, rawQuery ?? {});
      const scope = scopeOf(compass, narrowing);
      if (!scope) return emptyList(page, pageSize);
      return directory().services(q ? { q } : {}, { page, pageSize }, scope);
    },

    async structure(rawParams: unknown): Promise<CompassStructureResponse> {
      const params = parseOrThrow(entryParams, rawParams);
      const compass = await compasses().bySlug(params.slug);
      const detail = /^[a-z0-9]{10,40}$/.test(params.id) ? await directory().structure(params.id) : null;
      if (!detail || !inCompass(compass, detail)) throw notFound('Cette structure n’existe pas dans cette boussole.');
      return { data: detail };
    },

    async events(slug: string, rawQuery: unknown): Promise<CompassEventsResponse> {
      const compass = await compasses().bySlug(slug);
      const { page, pageSize, q, from, to, ...narrowing } = parseOrThrow(eventQuery, rawQuery ?? {});
      const scope = scopeOf(compass, narrowing);
      if (!scope) return emptyList(page, pageSize);
      return directory().events(
        { ...(q ? { q } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) },
        { page, pageSize },
        scope,
      );
    },

    async resources(slug: string, rawQuery: unknown): Promise<ResourcesResponse> {
      const compass = await compasses().bySlug(slug);
      const query = parseOrThrow(resourceQuery, rawQuery ?? {});
      checkTheme(compass, query.theme);
      if (query.audience) audienceOf(compass, query.audience);
      if (query.kind && !RESOURCE_KINDS.some((kind) => kind.value === query.kind)) {
        throw fieldError('kind', 'Le type est « article », « guide », « video » ou « fichier ».');
      }
      const words = query.q ? fold(query.q) : null;
      const found = (await resources(compass)).filter(
        (item) =>
          (!query.theme || item.themes.includes(query.theme)) &&
          // A resource for no audience in particular is for every parent.
          (!query.audience || item.audiences.length === 0 || item.audiences.includes(query.audience as never)) &&
          (!query.kind || item.kind === query.kind) &&
          (!words || fold(`${item.title}\n${item.summary}\n${item.body ?? ''}`).includes(words)),
      );
      const { page, pageSize } = query;
      return { data: found.slice((page - 1) * pageSize, page * pageSize), meta: meta(page, pageSize, found.length) };
    },

    async resource(rawParams: unknown): Promise<{ data: ResourceItem }> {
      const params = parseOrThrow(entryParams, rawParams);
      const compass = await compasses().bySlug(params.slug);
      const found = (await resources(compass)).find((item) => item.slug === params.id);
      if (!found) throw notFound('Cette ressource n’existe pas dans cette boussole.');
      return { data: found };
    },

    async glossary(slug: string, rawQuery: unknown): Promise<GlossaryResponse> {
      const compass = await compasses().bySlug(slug);
      const query = parseOrThrow(glossaryQuery, rawQuery ?? {});
      const terms = await glossary(compass);
      const letters = Object.fromEntries(GLOSSARY_LETTERS.map((letter) => [letter, 0]));
      for (const term of terms) letters[term.letter] += 1;
      const words = query.q ? fold(query.q) : null;
      const found = terms.filter(
        (term) =>
          (!query.letter || term.letter === query.letter) &&
          (!words || fold(`${term.term}\n${term.definition}`).includes(words)),
      );
      const { page, pageSize } = query;
      return {
        data: found.slice((page - 1) * pageSize, page * pageSize),
        meta: { ...meta(page, pageSize, found.length), letters },
      };
    },

    async glossaryTerm(rawParams: unknown): Promise<{ data: GlossaryTerm }> {
      const params = parseOrThrow(entryParams, rawParams);
      const compass = await compasses().bySlug(params.slug);
      const found = (await glossary(compass)).find((term) => term.slug === params.id);
      if (!found) throw notFound('Ce mot n’est pas dans le glossaire de cette boussole.');
      return { data: found };
    },
  };
};

export type ViewService = ReturnType<typeof createViewService>;
export default createViewService;
