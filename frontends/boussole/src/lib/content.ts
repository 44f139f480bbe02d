import {
  COMPASS_AUDIENCES,
  createCmsClient,
  type CompassFilter,
  type DirectoryService,
  type DirectoryStructure,
} from '@csc/cms';
import type { NavItem, SiteIdentity } from '@csc/site-shared/lib/site';
import { t } from '@csc/site-shared/i18n/t';
import { uniquePaths, slugify } from '@csc/site-shared/lib/slug';
import { withPaths } from '@csc/site-shared/lib/agenda';
import { glossaryLinker } from './glossary-links';

/**
 * Everything the compass's site shows, read once per build from the CMS. A CMS that is down or
 * answers an unexpected shape stops the build with a clear message: the previous site stays.
 */
const cmsUrl = process.env.CMS_URL || 'http://127.0.0.1:1337';
function requiredCompass(): string {
  const slug = process.env.COMPASS_SLUG;
  if (!slug) throw new Error('COMPASS_SLUG must name the compass whose site is built (its slug).');
  return slug;
}
export const compassSlug = requiredCompass();
export const client = createCmsClient({ baseUrl: cmsUrl, timeoutMs: 60000 });
/** Requests to the CMS at a time: the build must not swamp it. */
const AT_ONCE = 4;

async function limited<Input, Output>(inputs: Input[], task: (input: Input) => Promise<Output>): Promise<Output[]> {
  const results: Output[] = new Array(inputs.length);
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const index = next++;
      results[index] = await task(inputs[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, inputs.length) }, worker));
  return results;
}

export type Structure = DirectoryStructure & { path: string };

/**
 * One filter value of the directory, with the structures it keeps. The directory has one page
 * (and its pagination) per value of each list, not per combination: links work without
 * JavaScript and the build stays proportional to the directory's size.
 */
export interface DirectoryFilter {
  kind: 'thematique' | 'public' | 'commune';
  value: string;
  label: string;
  path: string;
  structureIds: Set<string>;
}

/** The agenda's counterpart: one list (and one calendar feed) per filter value. */
export interface AgendaFilter extends Omit<DirectoryFilter, 'structureIds'> {
  eventIds: Set<string>;
}

/** A value of one filter list, and how the CMS is asked for it. */
interface FilterValue extends Pick<DirectoryFilter, 'kind' | 'value' | 'label'> {
  /** Its folder under the directory and under the agenda (`thematique/<code>/`). */
  folder: string;
  query: CompassFilter;
  /** Values with the same scope keep the same entries: the CMS is asked once for them all. */
  scope: string;
}

/**
 * The identifiers each distinct scope keeps, asked once per scope: audiences of the same publics
 * and ages (« tous les parents », « futurs parents »…) keep the same entries.
 */
async function idsByScope(
  values: FilterValue[],
  list: (query: CompassFilter) => Promise<{ id: string }[]>,
): Promise<Map<string, Set<string>>> {
  const scopes = [...new Map(values.map((item) => [item.scope, item.query])).entries()];
  return new Map(
    await limited(
      scopes,
      async ([scope, query]) => [scope, new Set((await list(query)).map((item) => item.id))] as const,
    ),
  );
}

/** What an audience keeps: its publics and, for children, its ages. */
const SCOPE_OF = new Map<string, string>(
  COMPASS_AUDIENCES.map((item) => [
    item.value,
    [...item.publics].sort().join(',') + ('ages' in item ? `:${item.ages.from}-${item.ages.to}` : ''),
  ]),
);

export const FILTER_KINDS = [
  { kind: 'thematique', label: 'Thématique' },
  { kind: 'public', label: 'Public' },
  { kind: 'commune', label: 'Commune' },
] as const;

async function load() {
  const compass = await client.boussole.compass(compassSlug);
  const [structures, services, events, resources, glossary] = await Promise.all([
    client.boussole.structures(compassSlug),
    client.boussole.services(compassSlug),
    client.boussole.events(compassSlug),
    client.boussole.resources(compassSlug),
    client.boussole.glossary(compassSlug),
  ]);
  const wanted: FilterValue[] = [
    ...compass.themes
      .filter((theme) => !theme.local)
      .map((theme) => ({
        kind: 'thematique' as const,
        value: theme.code,
        label: theme.label,
        folder: `thematique/${theme.code}/`,
        query: { theme: theme.code },
        scope: `thematique:${theme.code}`,
      })),
    ...compass.audiences.map((audience) => ({
      kind: 'public' as const,
      value: audience.code,
      label: audience.label,
      folder: `public/${audience.code}/`,
      query: { audience: audience.code },
      scope: `public:${SCOPE_OF.get(audience.code) ?? audience.code}`,
    })),
    ...compass.communes.map((commune) => ({
      kind: 'commune' as const,
      value: commune.nom,
      label: commune.nom,
      folder: `commune/${slugify(commune.nom)}/`,
      query: { commune: commune.nom },
      scope: `commune:${commune.nom}`,
    })),
  ];
  const [structureScopes, eventScopes] = await Promise.all([
    idsByScope(wanted, (query) => client.boussole.structures(compassSlug, query)),
    idsByScope(wanted, (query) => client.boussole.events(compassSlug, query)),
  ]);
  const filters: DirectoryFilter[] = wanted.map(({ folder, scope, kind, value, label }) => ({
    kind,
    value,
    label,
    path: `annuaire/${folder}`,
    structureIds: structureScopes.get(scope) ?? new Set(),
  }));
  const agendaFilters: AgendaFilter[] = wanted.map(({ folder, scope, kind, value, label }) => ({
    kind,
    value,
    label,
    path: `agenda/${folder}`,
    eventIds: eventScopes.get(scope) ?? new Set(),
  }));
  const servicesOf = new Map<string, DirectoryService[]>();
  for (const service of services) {
    if (!service.structure) continue;
    const list = servicesOf.get(service.structure.id) ?? [];
    list.push(service);
    servicesOf.set(service.structure.id, list);
  }
  const withStructurePaths = uniquePaths(structures, (item) => item.nom, 'structures');
  const structurePath = new Map(withStructurePaths.map((item) => [item.id, item.path]));

  const agenda = withPaths(events);
  const eventsOf = new Map<string, typeof agenda>();
  for (const event of agenda) {
    if (!event.organisateur) continue;
    const list = eventsOf.get(event.organisateur.id) ?? [];
    list.push(event);
    eventsOf.set(event.organisateur.id, list);
  }
  const identity: SiteIdentity = {
    name: compass.title,
    url: process.env.SITE_URL || undefined,
  };
  const themeLabel = new Map(compass.themes.map((theme) => [theme.code, theme.label]));
  const audienceLabel = new Map<string, string>(compass.audiences.map((item) => [item.code, item.label]));
  return {
    compass,
    identity,
    structures: withStructurePaths,
    structurePath,
    servicesOf,
    filters,
    agendaFilters,
    events: agenda,
    eventsOf,
    resources: resources.map((item) => ({ ...item, path: `ressources/${item.slug}/` })),
    glossary: glossary.map((item) => ({ ...item, path: `glossaire/${item.slug}/` })),
    linkGlossary: glossaryLinker(glossary.map((item) => ({ term: item.term, path: `glossaire/${item.slug}/` }))),
    themeLabel,
    audienceLabel,
  };
}

let loaded: ReturnType<typeof load> | undefined;
export const content = () => (loaded ??= load());
export type Content = Awaited<ReturnType<typeof load>>;

export const NAV: NavItem[] = [
  { label: 'Accueil', path: '' },
  { label: 'Annuaire', path: 'annuaire/' },
  { label: 'Carte', path: 'carte/' },
  { label: t('agenda.title'), path: 'agenda/' },
  { label: 'Ressources', path: 'ressources/' },
  { label: 'Glossaire', path: 'glossaire/' },
  { label: 'Rechercher', path: 'recherche/' },
];

export const STRUCTURES_PER_PAGE = 20;
export const RESOURCES_PER_PAGE = 20;
