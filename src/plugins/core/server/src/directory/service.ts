import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  EVENT_UID,
  SERVICE_UID,
  STRUCTURE_UID,
  type DirectoryAddress,
  type DirectoryCentre,
  type DirectoryEvent,
  type DirectoryListResponse,
  type DirectoryPlace,
  type DirectoryService,
  type DirectoryStructure,
  type DirectoryStructureRef,
} from '../../../shared/contracts/directory';
import { nextDay, parisInstant, parisStartOfDay, parisToday } from './paris-time';
import type { DirectoryFilters } from './query';
import { untilDate } from './rrule';
import { nextOccurrence } from './occurrences';

type Row = Record<string, unknown>;
type Paging = { page: number; pageSize: number };

/** Lists hold a territory's entries: at most this many are read before filtering and paging. */
const MAX_CANDIDATES = 2000;

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
  thematiques: list(row.thematiques),
  prix: text(row.prix),
  inscription: text(row.inscription),
  lien_inscription: text(row.lien_inscription),
  centre: centreOf(row),
  date_maj: dateMaj(row),
});

const CENTRE_FIELDS = { fields: ['name', 'slug'] };

/** When a rule stops: a date-only UNTIL runs to the end of that day in Paris. */
function untilInstant(until: string): Date | null {
  const day = untilDate(until);
  if (!day || until.length > 8) return day;
  return new Date(
    parisInstant(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), 23, 59).getTime() + 59_999,
  );
}

/** Names sorted as a French reader expects (É with E), the same on every database. */
const COLLATOR = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
const byName = (a: Row, b: Row) => COLLATOR.compare(String(a.nom), String(b.nom));

function page<T>(items: T[], { page, pageSize }: Paging): DirectoryListResponse<T> {
  return {
    data: items.slice((page - 1) * pageSize, page * pageSize),
    meta: { page, pageSize, total: items.length, pageCount: Math.max(1, Math.ceil(items.length / pageSize)) },
  };
}

/** Array filters (thematique, public) run on the rows read: JSON columns differ between databases. */
function matchesLists(row: Row, filters: DirectoryFilters): boolean {
  if (filters.thematique && !list(row.thematiques).includes(filters.thematique)) return false;
  if (filters.public && !list(row.publics).includes(filters.public)) return false;
  return true;
}

function commonWhere(filters: DirectoryFilters, addressPath?: string): Row[] {
  const where: Row[] = [];
  if (filters.centre) where.push({ centre: { slug: filters.centre } });
  const address = (condition: Row) => (addressPath ? { [addressPath]: condition } : condition);
  if (filters.code_insee) where.push(address({ code_insee: filters.code_insee }));
  return where;
}

/** Lower case without accents or typographic apostrophes: « Fête d’été » is found by "fete d'ete". */
export const searchKey = (value: string): string =>
  value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´]/g, "'")
    .toLowerCase();

/**
 * The commune (whole name) and the text query `q` (in the name or title, or the description),
 * ignoring case and accents the same way on every database.
 */
function matchesSearch(row: Row, filters: DirectoryFilters, nameField: string, addressPath?: string): boolean {
  if (filters.commune) {
    const address = (addressPath ? row[addressPath] : row) as Row | null | undefined;
    if (typeof address?.commune !== 'string' || searchKey(address.commune) !== searchKey(filters.commune)) return false;
  }
  if (!filters.q) return true;
  const needle = searchKey(filters.q);
  return [row[nameField], row.description].some(
    (value) => typeof value === 'string' && searchKey(value).includes(needle),
  );
}

/** The shared territory directory and agenda, as the public reads it: published entries only. */
const createDirectoryService = ({ strapi }: { strapi: Core.Strapi }) => {
  const read = async (uid: string, filters: Row[], populate: Row, sort: Row[]): Promise<Row[]> => {
    const rows = (await strapi.documents(uid as typeof STRUCTURE_UID).findMany({
      status: 'published',
      filters: { $and: filters },
      populate,
      sort,
      limit: MAX_CANDIDATES,
    } as never)) as unknown as Row[];
    if (rows.length >= MAX_CANDIDATES) {
      strapi.log.warn(
        `Directory: ${uid} has more than ${MAX_CANDIDATES} published entries for one query; lists are cut.`,
      );
    }
    return rows;
  };

  const EVENT_POPULATE = {
    centre: CENTRE_FIELDS,
    lieu: true,
    organisateur: { fields: ['nom'] },
  };

  /** Events in a Paris date range; a recurring event counts while its rule may still repeat. */
  async function events(filters: DirectoryFilters): Promise<DirectoryEvent[]> {
    const from = parisStartOfDay(filters.from ?? parisToday());
    const where = commonWhere(filters, 'lieu');
    where.push({
      $or: [
        { date_debut: { $gte: from.toISOString() } },
        { date_fin: { $gte: from.toISOString() } },
        { recurrence: { $notNull: true } },
      ],
    });
    if (filters.to) where.push({ date_debut: { $lt: parisStartOfDay(nextDay(filters.to)).toISOString() } });
    const rows = await read(EVENT_UID, where, EVENT_POPULATE, [{ date_debut: 'asc' }, { id: 'asc' }]);
    const toEnd = filters.to ? parisStartOfDay(nextDay(filters.to)) : null;
    const listed: { event: DirectoryEvent; next: Date }[] = [];
    for (const row of rows) {
      if (!matchesLists(row, filters) || !matchesSearch(row, filters, 'titre', 'lieu')) continue;
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
      if (next) listed.push({ event: { ...toEvent(row), prochaine_date: next.toISOString() }, next });
    }
    return listed
      .sort((a, b) => a.next.getTime() - b.next.getTime() || a.event.id.localeCompare(b.event.id))
      .map(({ event }) => event);
  }

  return {
    async structures(filters: DirectoryFilters, paging: Paging): Promise<DirectoryListResponse<DirectoryStructure>> {
      const rows = await read(STRUCTURE_UID, commonWhere(filters), { centre: CENTRE_FIELDS }, [{ id: 'asc' }]);
      return page(
        rows
          .filter((row) => matchesLists(row, filters) && matchesSearch(row, filters, 'nom'))
          .sort(byName)
          .map(toStructure),
        paging,
      );
    },

    async services(filters: DirectoryFilters, paging: Paging): Promise<DirectoryListResponse<DirectoryService>> {
      const rows = await read(
        SERVICE_UID,
        commonWhere(filters),
        { centre: CENTRE_FIELDS, structure: { fields: ['nom'] } },
        [{ id: 'asc' }],
      );
      return page(
        rows
          .filter((row) => matchesLists(row, filters) && matchesSearch(row, filters, 'nom'))
          .sort(byName)
          .map(toService),
        paging,
      );
    },

    async events(filters: DirectoryFilters, paging: Paging): Promise<DirectoryListResponse<DirectoryEvent>> {
      return page(await events(filters), paging);
    },

    /** Every matching event, for the calendar feed. */
    allEvents: events,

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
