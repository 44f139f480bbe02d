import type {
  DirectoryEvent,
  DirectoryListMeta,
  DirectoryService,
  DirectoryStructure,
  DirectoryStructureRef,
} from '@csc/plugin-core/shared';
import type { Audience, ResourceKind } from './values';

/** A commune a compass covers: its name, as the directory writes it, and its INSEE code when known. */
export interface CompassCommune {
  nom: string;
  code_insee: string | null;
}

export interface CompassTheme {
  /** A data·inclusion code (`famille--garde-denfants`) or a local one (`sortir-en-famille`). */
  code: string;
  label: string;
  /** data·inclusion: the directory and agenda can be filtered by it; local: resources and glossary only. */
  local: boolean;
}

export interface LocalTheme {
  code: string;
  label: string;
}

export interface CompassAudience {
  code: Audience;
  label: string;
}

/** `GET /api/boussole/compasses`: every compass of the install, for the site builder. */
export interface CompassSummary {
  slug: string;
  title: string;
  sitePath: string;
}

export interface CompassListResponse {
  data: CompassSummary[];
}

/** `GET /api/boussole/compasses/:slug`: what the compass's site needs to lay itself out. */
export interface CompassSettings extends CompassSummary {
  intro: string | null;
  themes: CompassTheme[];
  audiences: CompassAudience[];
  communes: CompassCommune[];
  /** Leaflet tile URL template (`https://tile.openstreetmap.org/{z}/{x}/{y}.png`) and its credit. */
  map: { tiles: string; attribution: string };
  centre: { name: string; slug: string } | null;
}

export interface CompassSettingsResponse {
  data: CompassSettings;
}

/**
 * Query of the directory lists of a compass. Every value must be one the compass offers:
 * `theme` one of its themes, `audience` one of its audiences, `commune` one of its communes
 * (name or INSEE code). `q`: 2–100 characters, case and accents ignored.
 */
export interface CompassDirectoryQuery {
  theme?: string;
  audience?: Audience;
  commune?: string;
  q?: string;
  page?: number;
  /** 1–100, default 25. */
  pageSize?: number;
}

/** Events add a date range, YYYY-MM-DD in Paris time; `from` defaults to today. */
export interface CompassEventQuery extends CompassDirectoryQuery {
  from?: string;
  to?: string;
}

export interface ListResponse<Item> {
  data: Item[];
  meta: DirectoryListMeta;
}

export type CompassStructuresResponse = ListResponse<DirectoryStructure>;
export type CompassServicesResponse = ListResponse<DirectoryService>;
export type CompassEventsResponse = ListResponse<DirectoryEvent>;

/** `GET /api/boussole/compasses/:slug/structures/:id`: a structure's page. */
export interface CompassStructureResponse {
  data: { structure: DirectoryStructure; services: DirectoryService[] };
}

export interface ResourceItem {
  id: string;
  slug: string;
  title: string;
  kind: ResourceKind;
  summary: string;
  /** Plain text with blank lines between paragraphs (never HTML). */
  body: string | null;
  audiences: Audience[];
  themes: string[];
  source: string | null;
  licence: string | null;
  /** The resource's own date (YYYY-MM-DD), else its publication day. */
  date: string;
  /** A video's or an outside guide's address. */
  url: string | null;
  file: { url: string; name: string; mime: string; size: number } | null;
}

/** `theme`, `audience` as for the directory; `kind` one of the resource kinds. */
export interface ResourceQuery {
  theme?: string;
  audience?: Audience;
  kind?: ResourceKind;
  q?: string;
  page?: number;
  pageSize?: number;
}

export type ResourcesResponse = ListResponse<ResourceItem>;
export interface ResourceResponse {
  data: ResourceItem;
}

export interface GlossaryTermRef {
  slug: string;
  term: string;
}

export interface GlossaryTerm {
  id: string;
  slug: string;
  term: string;
  letter: string;
  definition: string;
  themes: string[];
  relatedTerms: GlossaryTermRef[];
  /** Schemes the term is about (« Prestation d’accueil du jeune enfant »). */
  relatedSchemes: string[];
  relatedStructures: DirectoryStructureRef[];
}

/** `letter`: A–Z or `#`; `q` in the term or its definition. */
export interface GlossaryQuery {
  letter?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface GlossaryResponse {
  data: GlossaryTerm[];
  meta: DirectoryListMeta & {
    /** How many terms each letter holds (whatever `letter` asked), for the A–Z bar. */
    letters: Record<string, number>;
  };
}

export interface GlossaryTermResponse {
  data: GlossaryTerm;
}
