import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CENTRE_UID } from '../../../shared/permissions';
import {
  DIRECTORY_UIDS,
  EVENT_UID,
  SERVICE_UID,
  STRUCTURE_UID,
  type DirectoryAddress,
  type DirectoryCentre,
  type DirectoryEvent,
  type DirectoryListResponse,
  type DirectoryPlace,
  type AgeRange,
  type DirectoryScope,
  type DirectoryService,
  type DirectoryStructure,
  type DirectoryStructureRef,
} from '../../../shared/contracts/directory';
import { nextDay, parisInstant, parisStartOfDay, parisToday } from './paris-time';
import type { DirectoryFilters } from './query';
import { untilDate } from './rrule';
import { nextOccurrence } from './occurrences';
import { searchKey, tagOf } from './search-keys';
import { clearListCacheOnWrites, createListCache } from './list-cache';

type Row = Record<string, unknown>;
type Paging = { page: number; pageSize: number };

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const number = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const list = <T extends string>(value: unknown): T[] =>
  Array.isArray(value) ? (value.filter((item) => typeof item === 'string') as T[]) : [];
const dateMaj = (row: Row) => parisToday(new Date(row.updatedAt as string));

const centreOf = (row: Row): DirectoryCentre | null => {
  const centre = row.centre as Row | null | undefined;
  return centre ? { name: String(centre.name), slug: String(centre.slug) } : null;
};
const structureRef = (value: unknown): DirectoryStructureRef | null => {
  const row = value as Row | null | undefined;
  return row ? { id: String(row.documentId), nom: String(row.nom) } : null;
};
const addressOf = (row: Row): DirectoryAddress => ({
  adresse: text(row.adresse),
  complement_adresse: text(row.complement_adresse),
  code_postal: text(row.code_postal),
  commune: text(row.commune),
  code_insee: text(row.code_insee),
  latitude: number(row.latitude),
  longitude: number(row.longitude),
});

export const toStructure = (row: Row): DirectoryStructure => ({
  id: String(row.documentId),
  nom: String(row.nom),
  description: text(row.description),
  typologie: text(row.typologie),
  siret: text(row.siret),
  site_web: text(row.site_web),
  telephone: text(row.telephone),
  courriel: text(row.courriel),
  ...addressOf(row),
  horaires_accueil: text(row.horaires_accueil),
  accessibilite_lieu: text(row.accessibilite_lieu),
  thematiques: list(row.thematiques),
  reseaux_porteurs: list(row.reseaux_porteurs),
  centre: centreOf(row),
  date_maj: dateMaj(row),
});

export const toService = (row: Row): DirectoryService => ({
  id: String(row.documentId),
  nom: String(row.nom),
  description: String(row.description ?? ''),
  structure: structureRef(row.structure),
  type: (text(row.type) as DirectoryService['type']) ?? null,
  thematiques: list(row.thematiques),
  publics: list(row.publics),
  publics_precisions: text(row.publics_precisions),
  age_min: number(row.age_min),
  age_max: number(row.age_max),
  modes_accueil: list(row.modes_accueil),
  frais: (text(row.frais) as DirectoryService['frais']) ?? null,
  frais_precisions: text(row.frais_precisions),
  conditions_acces: text(row.conditions_acces),
  zone_eligibilite: list(row.zone_eligibilite),
  horaires_accueil: text(row.horaires_accueil),
  telephone: text(row.telephone),
  courriel: text(row.courriel),
  lien_mobilisation: text(row.lien_mobilisation),
  ...addressOf(row),
  centre: centreOf(row),
  date_maj: dateMaj(row),
});

const toPlace = (value: unknown): DirectoryPlace | null => {
  const row = value as Row | null | undefined;
  if (!row) return null;
  return {
    id: String(row.documentId),
    nom: String(row.nom),
    ...addressOf(row),
    accessibilite: text(row.accessibilite),
    accessibilite_lieu: text(row.accessibilite_lieu),
  };
};

const iso = (value: unknown): string | null => (value ? new Date(value as string).toISOString() : null);

export const toEvent = (row: Row): DirectoryEvent => ({
  id: String(row.documentId),
  titre: String(row.titre),
  description: text(row.description),
  date_debut: iso(row.date_debut) as string,
  date_fin: iso(row.date_fin),
  journee_entiere: row.journee_entiere === true || row.journee_entiere === 1,
  recurrence: text(row.recurrence),
  prochaine_date: iso(row.date_debut) as string,
  lieu: toPlace(row.lieu),
  organisateur: structureRef(row.organisateur),
  publics: list(row.publics),
  age_min: number(row.age_min),
  age_max: number(row.age_max),
  thematiques: list(row.thematiques),
  prix: text(row.prix),
  inscription: text(row.inscription),
  lien_inscription: text(row.lien_inscription),
  centre: centreOf(row),
  date_maj: dateMaj(row),
});

const CENTRE_FIELDS = { fields: ['name', 'slug'] };
const EVENT_POPULATE = {
  centre: CENTRE_FIELDS,
  lieu: true,
  organisateur: { fields: ['nom'] },
};
/** The same, for the query engine, which names the columns to read `select`. */
const EVENT_ROWS_POPULATE = {
  centre: { select: ['name', 'slug'] },
  lieu: true,
  organisateur: { select: ['documentId', 'nom'] },
};
/** Full event rows are read by id in batches this size (calendar feeds, pages). */
const BATCH = 500;

/** When a rule stops: a date-only UNTIL runs to the end of that day in Paris. */
function untilInstant(until: string): Date | null {
  const day = untilDate(until);
  if (!day || until.length > 8) return day;
  return new Date(
    parisInstant(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), 23, 59).getTime() + 59_999,
  );
}

const meta = ({ page, pageSize }: Paging, total: number) => ({
  page,
  pageSize,
  total,
  pageCount: Math.max(1, Math.ceil(total / pageSize)),
});

/**
 * The filters as database conditions on the hidden search keys (see search-keys.ts), so that only
 * the page asked for is read. `addressPath` is where the address lives: the event's place.
 */
function conditions(filters: DirectoryFilters, addressPath?: string): Row[] {
  const where: Row[] = [];
  const address = (condition: Row) => (addressPath ? { [addressPath]: condition } : condition);
  if (filters.centre) where.push({ centre: { slug: filters.centre } });
  if (filters.code_insee) where.push(address({ code_insee: filters.code_insee }));
  if (filters.commune) where.push(address({ commune_key: searchKey(filters.commune.trim()) }));
  if (filters.thematique) where.push({ tags_key: { $contains: tagOf('thematique', filters.thematique) } });
  if (filters.public) where.push({ tags_key: { $contains: tagOf('public', filters.public) } });
  if (filters.q) where.push({ search_text: { $contains: searchKey(filters.q) } });
  return where;
}

/**
 * A product's standing selection (see `DirectoryScope`): one `$or` per list given. Structures
 * also match tags through their services, since their publics live there; ages narrow services
 * and events only.
 */
function scopeConditions(scope: DirectoryScope | undefined, addressPath?: string, throughServices = false): Row[] {
  if (!scope) return [];
  const where: Row[] = [];
  const address = (condition: Row) => (addressPath ? { [addressPath]: condition } : condition);
  const anyTag = (kind: 'thematique' | 'public', values: readonly string[] | undefined) => {
    if (!values?.length) return;
    const own = values.map((value) => ({ tags_key: { $contains: tagOf(kind, value) } }));
    // One condition on the services for all the values: each `services` condition is a join of
    // its own, and joins multiply the rows (ten themes made a list of 200 structures time out).
    const services = throughServices ? [{ services: { $or: own } }] : [];
    where.push({ $or: [...own, ...services] });
  };
  anyTag('thematique', scope.thematiques);
  anyTag('public', scope.publics);
  const places: Row[] = [
    ...(scope.communes ?? []).map((commune) => address({ commune_key: searchKey(commune.trim()) })),
    ...(scope.codes_insee ?? []).map((code) => address({ code_insee: code })),
  ];
  if (places.length > 0) where.push({ $or: places });
  // Structures have no ages: a centre for all ages stays listed for each.
  if (scope.ages && !throughServices) where.push(agesConditions(scope.ages));
  return where;
}

/** Entries whose ages meet the range: `agesMeet` (shared contracts) as database conditions. */
function agesConditions({ from, to }: AgeRange): Row {
  return {
    $or: [
      { age_min: { $null: true }, age_max: { $null: true } },
      {
        $and: [
          { $or: [{ age_min: { $null: true } }, { age_min: { $lt: to } }] },
          { $or: [{ age_max: { $null: true } }, { age_max: { $gt: from } }, { age_min: { $gte: from } }] },
        ],
      },
    ],
  };
}

const scopeKey = (scope: DirectoryScope | undefined) =>
  scope
    ? [
        ...[scope.thematiques, scope.publics, scope.communes, scope.codes_insee].map((list) =>
          [...(list ?? [])].sort(),
        ),
        scope.ages ? [scope.ages.from, scope.ages.to] : null,
      ]
    : null;

interface Occurrence {
  id: number;
  documentId: string;
  next: Date;
}

/** The shared territory directory and agenda, as the public reads it: published entries only. */
const createDirectoryService = ({ strapi }: { strapi: Core.Strapi }) => {
  const cache = createListCache();
  clearListCacheOnWrites(strapi, cache, [...DIRECTORY_UIDS, CENTRE_UID]);
  /** The same question gets the same answer until something is written. */
  const cached = <T>(
    kind: string,
    filters: DirectoryFilters,
    paging: Paging | null,
    scope: DirectoryScope | undefined,
    load: () => Promise<T>,
  ) => {
    // Events start "today" by default: the day is part of the question.
    const day = kind.startsWith('event') && !filters.from ? parisToday() : '';
    const key = JSON.stringify([
      kind,
      day,
      Object.entries(filters).sort(),
      paging?.page,
      paging?.pageSize,
      scopeKey(scope),
    ]);
    return cache.get(key, load);
  };

  async function listed<T>(
    uid: typeof STRUCTURE_UID | typeof SERVICE_UID,
    filters: DirectoryFilters,
    paging: Paging,
    populate: Row,
    map: (row: Row) => T,
    scope?: DirectoryScope,
  ): Promise<DirectoryListResponse<T>> {
    const where = { $and: [...conditions(filters), ...scopeConditions(scope, undefined, uid === STRUCTURE_UID)] };
    const documents = strapi.documents(uid);
    const [rows, total] = await Promise.all([
      documents.findMany({
        status: 'published',
        filters: where,
        populate,
        sort: [{ sort_key: 'asc' }, { id: 'asc' }],
        start: (paging.page - 1) * paging.pageSize,
        limit: paging.pageSize,
      } as never) as unknown as Promise<Row[]>,
      // Every page of a list asks for the same total: it is counted once.
      cached(`${uid}-count`, filters, null, scope, () =>
        documents.count({ status: 'published', filters: where } as never),
      ),
    ]);
    return { data: rows.map(map), meta: meta(paging, total) };
  }

  /**
   * Events in a Paris date range, in the order of their next date: a recurring event counts while
   * its rule may still repeat, at its next occurrence. Only the few columns this needs are read for
   * every match; whole rows are read for the page shown.
   */
  async function occurrences(filters: DirectoryFilters, scope?: DirectoryScope): Promise<Occurrence[]> {
    const from = parisStartOfDay(filters.from ?? parisToday());
    const toEnd = filters.to ? parisStartOfDay(nextDay(filters.to)) : null;
    const where = [...conditions(filters, 'lieu'), ...scopeConditions(scope, 'lieu')];
    where.push({ publishedAt: { $notNull: true } });
    where.push({
      $or: [
        { date_debut: { $gte: from.toISOString() } },
        { date_fin: { $gte: from.toISOString() } },
        { recurrence: { $notNull: true } },
      ],
    });
    if (toEnd) where.push({ date_debut: { $lt: toEnd.toISOString() } });
    const rows = (await strapi.db.query(EVENT_UID).findMany({
      select: ['id', 'documentId', 'date_debut', 'date_fin', 'recurrence'],
      where: { $and: where },
    })) as Row[];
    const found: Occurrence[] = [];
    for (const row of rows) {
      const start = new Date(row.date_debut as string);
      const end = row.date_fin ? new Date(row.date_fin as string) : start;
      const rule = text(row.recurrence);
      let next: Date | null | undefined = start;
      if (rule && start < from) {
        next = nextOccurrence(start, rule, from);
        if (next === undefined) {
          // A rule beyond the expander: listed while its UNTIL has not passed, at its first date.
          const until = /UNTIL=([0-9TZ]+)/.exec(rule)?.[1];
          next = !until || (untilInstant(until) ?? from) >= from ? start : null;
        } else if (next && toEnd && next >= toEnd) {
          next = null;
        }
      } else if (!rule && start < from && end < from) {
        next = null;
      }
      if (next) found.push({ id: row.id as number, documentId: String(row.documentId), next });
    }
    return found.sort((a, b) => a.next.getTime() - b.next.getTime() || a.documentId.localeCompare(b.documentId));
  }

  /**
   * The occurrences of one question (filters and scope), shared by every page of its answer: a
   * site reading the whole agenda page after page does not expand every recurrence once per page.
   */
  const occurrencesOf = (filters: DirectoryFilters, scope?: DirectoryScope) =>
    cached('event-occurrences', filters, null, scope, () => occurrences(filters, scope));

  /** Whole events for these occurrences, in their order, with their next date. */
  async function eventsOf(list: Occurrence[]): Promise<DirectoryEvent[]> {
    const byId = new Map<number, Row>();
    for (let index = 0; index < list.length; index += BATCH) {
      const rows = (await strapi.db.query(EVENT_UID).findMany({
        where: { id: { $in: list.slice(index, index + BATCH).map((item) => item.id) } },
        populate: EVENT_ROWS_POPULATE,
      })) as Row[];
      for (const row of rows) byId.set(row.id as number, row);
    }
    return list.flatMap(({ id, next }) => {
      const row = byId.get(id);
      return row ? [{ ...toEvent(row), prochaine_date: next.toISOString() }] : [];
    });
  }

  return {
    structures(
      filters: DirectoryFilters,
      paging: Paging,
      scope?: DirectoryScope,
    ): Promise<DirectoryListResponse<DirectoryStructure>> {
      return cached('structures', filters, paging, scope, () =>
        listed(STRUCTURE_UID, filters, paging, { centre: CENTRE_FIELDS }, toStructure, scope),
      );
    },

    services(
      filters: DirectoryFilters,
      paging: Paging,
      scope?: DirectoryScope,
    ): Promise<DirectoryListResponse<DirectoryService>> {
      return cached('services', filters, paging, scope, () =>
        listed(
          SERVICE_UID,
          filters,
          paging,
          { centre: CENTRE_FIELDS, structure: { fields: ['nom'] } },
          toService,
          scope,
        ),
      );
    },

    events(
      filters: DirectoryFilters,
      paging: Paging,
      scope?: DirectoryScope,
    ): Promise<DirectoryListResponse<DirectoryEvent>> {
      return cached('events', filters, paging, scope, async () => {
        const all = await occurrencesOf(filters, scope);
        const shown = all.slice((paging.page - 1) * paging.pageSize, paging.page * paging.pageSize);
        return { data: await eventsOf(shown), meta: meta(paging, all.length) };
      });
    },

    /** Every matching event, for the calendar feed. */
    allEvents(filters: DirectoryFilters, scope?: DirectoryScope): Promise<DirectoryEvent[]> {
      return cached('events-all', filters, null, scope, async () => eventsOf(await occurrencesOf(filters, scope)));
    },

    /** How many answers are kept, for tests and the curious. */
    cachedAnswers(): number {
      return cache.size;
    },

    /** One published structure with its published services, in French order (a structure's page). */
    async structure(
      documentId: string,
    ): Promise<{ structure: DirectoryStructure; services: DirectoryService[] } | null> {
      const row = (await strapi.documents(STRUCTURE_UID).findOne({
        documentId,
        status: 'published',
        populate: { centre: CENTRE_FIELDS },
      } as never)) as Row | null;
      if (!row) return null;
      const services = (await strapi.documents(SERVICE_UID).findMany({
        status: 'published',
        filters: { structure: { documentId } },
        populate: { centre: CENTRE_FIELDS, structure: { fields: ['nom'] } },
        sort: [{ sort_key: 'asc' }, { id: 'asc' }],
        limit: 100,
      } as never)) as unknown as Row[];
      return { structure: toStructure(row), services: services.map(toService) };
    },

    async event(documentId: string): Promise<DirectoryEvent> {
      const row = (await strapi.documents(EVENT_UID).findOne({
        documentId,
        status: 'published',
        populate: EVENT_POPULATE,
      } as never)) as Row | null;
      if (!row) throw new errors.NotFoundError('Cet événement n’existe pas ou n’est pas publié.');
      return toEvent(row);
    },
  };
};

export type DirectoryReadService = ReturnType<typeof createDirectoryService>;
export default createDirectoryService;
