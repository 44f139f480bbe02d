/**
 * The shared territory directory and agenda: public read API under `/api/core/directory/…`
 * (published entries only, no login). Field names follow the data·inclusion v1 schema.
 */
import type { Frais, ModeAccueil, Public, ReseauPorteur, Thematique, TypeDeService } from './directory-values';

export * from './directory-values';

export const STRUCTURE_UID = 'plugin::core.structure' as const;
export const SERVICE_UID = 'plugin::core.service' as const;
export const PLACE_UID = 'plugin::core.place' as const;
export const EVENT_UID = 'plugin::core.event' as const;
export const DIRECTORY_UIDS = [STRUCTURE_UID, SERVICE_UID, PLACE_UID, EVENT_UID] as const;

/** A structure's own fields, as staff edit them (relations and bookkeeping aside). */
export const STRUCTURE_FIELDS = [
  'nom',
  'description',
  'typologie',
  'siret',
  'site_web',
  'telephone',
  'courriel',
  'adresse',
  'complement_adresse',
  'code_postal',
  'commune',
  'code_insee',
  'latitude',
  'longitude',
  'horaires_accueil',
  'accessibilite_lieu',
  'thematiques',
  'reseaux_porteurs',
] as const;

/** A service's own fields, as staff edit them (its structure and bookkeeping aside). */
export const SERVICE_FIELDS = [
  'nom',
  'description',
  'type',
  'thematiques',
  'publics',
  'publics_precisions',
  'age_min',
  'age_max',
  'modes_accueil',
  'frais',
  'frais_precisions',
  'conditions_acces',
  'zone_eligibilite',
  'horaires_accueil',
  'telephone',
  'courriel',
  'lien_mobilisation',
  'adresse',
  'complement_adresse',
  'code_postal',
  'commune',
  'code_insee',
  'latitude',
  'longitude',
] as const;

/** The ages a service or event takes, in whole years; the schema's and the forms' bounds. */
export const AGE_BOUNDS = { min: 0, max: 25 } as const;

/**
 * Children's ages from the `from`-th birthday up to the `to`-th, which is left out: `{ from: 0,
 * to: 3 }` is « 0-3 ans », before school, and meets neither « 3-6 ans » nor an entry « dès 3 ans ».
 *
 * A service or event reads its `age_min`/`age_max` the same way, as programmes write « 0-3 ans »
 * and « 3-6 ans » without meaning the same children: `age_max` is the birthday where it ends.
 * Equal ages are one year of age (« 4 ans »: `age_min` = `age_max` = 4). A missing `age_min` is
 * « from birth », a missing `age_max` « with no upper age »; neither is « every age » (the entry
 * says nothing about ages, as every import from data·inclusion).
 */
export interface AgeRange {
  from: number;
  to: number;
}

/** Whether an entry's ages meet a range (see `AgeRange`); the directory's queries say the same. */
export function agesMeet(entry: { age_min: number | null; age_max: number | null }, range: AgeRange): boolean {
  const { age_min: min, age_max: max } = entry;
  if (min === null && max === null) return true;
  const startsBefore = min === null || min < range.to;
  const endsAfter = max === null || max > range.from || (min !== null && min >= range.from);
  return startsBefore && endsAfter;
}

/** The centre an entry belongs to. */
export interface DirectoryCentre {
  name: string;
  slug: string;
}

export interface DirectoryAddress {
  adresse: string | null;
  complement_adresse: string | null;
  code_postal: string | null;
  commune: string | null;
  code_insee: string | null;
  latitude: number | null;
  longitude: number | null;
}

export interface DirectoryStructure extends DirectoryAddress {
  id: string;
  nom: string;
  description: string | null;
  typologie: string | null;
  siret: string | null;
  site_web: string | null;
  telephone: string | null;
  courriel: string | null;
  horaires_accueil: string | null;
  accessibilite_lieu: string | null;
  thematiques: Thematique[];
  reseaux_porteurs: ReseauPorteur[];
  centre: DirectoryCentre | null;
  /** Date of the last change, YYYY-MM-DD (data·inclusion `date_maj`). */
  date_maj: string;
}

export interface DirectoryStructureRef {
  id: string;
  nom: string;
}

export interface DirectoryService extends DirectoryAddress {
  id: string;
  nom: string;
  description: string;
  structure: DirectoryStructureRef | null;
  type: TypeDeService | null;
  thematiques: Thematique[];
  publics: Public[];
  publics_precisions: string | null;
  /** Ages of the children concerned, see `AgeRange`. */
  age_min: number | null;
  age_max: number | null;
  modes_accueil: ModeAccueil[];
  frais: Frais | null;
  frais_precisions: string | null;
  conditions_acces: string | null;
  zone_eligibilite: string[];
  horaires_accueil: string | null;
  telephone: string | null;
  courriel: string | null;
  lien_mobilisation: string | null;
  centre: DirectoryCentre | null;
  date_maj: string;
}

export interface DirectoryPlace extends DirectoryAddress {
  id: string;
  nom: string;
  accessibilite: string | null;
  accessibilite_lieu: string | null;
}

export interface DirectoryEvent {
  id: string;
  titre: string;
  description: string | null;
  /** ISO 8601 instants (UTC). For an all-day event, midnight Paris time of the first and last days. */
  date_debut: string;
  date_fin: string | null;
  journee_entiere: boolean;
  /** RFC 5545 RRULE value without the "RRULE:" prefix, e.g. `FREQ=WEEKLY;BYDAY=WE`. */
  recurrence: string | null;
  /**
   * In lists: the start of the next occurrence on or after `from` (the first date for an event
   * that does not repeat, or whose rule is beyond what the server expands).
   */
  prochaine_date: string;
  lieu: DirectoryPlace | null;
  organisateur: DirectoryStructureRef | null;
  publics: Public[];
  /** Ages of the children concerned, see `AgeRange`. */
  age_min: number | null;
  age_max: number | null;
  thematiques: Thematique[];
  prix: string | null;
  inscription: string | null;
  lien_inscription: string | null;
  centre: DirectoryCentre | null;
  date_maj: string;
}

export interface DirectoryListMeta {
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
}

export interface DirectoryListResponse<Item> {
  data: Item[];
  meta: DirectoryListMeta;
}

/** Query parameters shared by the three lists (all optional). */
export interface DirectoryQuery {
  page?: number;
  pageSize?: number;
  thematique?: Thematique;
  public?: Public;
  commune?: string;
  code_insee?: string;
  q?: string;
  /** Slug of the centre. */
  centre?: string;
}

/** Events add a date range, YYYY-MM-DD in Paris time; `from` defaults to today. */
export interface DirectoryEventQuery extends DirectoryQuery {
  from?: string;
  to?: string;
}

/**
 * A standing selection over the directory, for products that show one part of it (a parenting
 * compass: its themes and communes). Each list given keeps the entries that match one of its
 * values; lists combine with each other and with the query's filters. For a structure,
 * `thematiques` and `publics` also match through its published services (a structure has no
 * publics of its own). Communes are compared like the `commune` filter (case and accents
 * ignored); an event's address is its place's.
 */
export interface DirectoryScope {
  thematiques?: readonly string[];
  publics?: readonly string[];
  communes?: readonly string[];
  codes_insee?: readonly string[];
  /**
   * Children's ages: services and events whose age range overlaps this one, and those without
   * ages (every import from data·inclusion), which concern every age. Structures have no ages.
   */
  ages?: AgeRange;
}
