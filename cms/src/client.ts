import type { z } from 'zod';
import type { DirectoryEvent, HealthResponse } from '@csc/plugin-core/shared';
import { CmsContractError, CmsRequestError } from './errors';
import {
  COMPASS_LARGEST_PAGE,
  type CompassDirectoryQuery,
  type CompassSettings,
  type CompassStructureResponse,
  type CompassSummary,
  type GlossaryTerm,
  type ResourceItem,
} from '@csc/plugin-boussole/shared';
import {
  compassEventsSchema,
  compassListSchema,
  compassServicesSchema,
  compassSettingsSchema,
  compassStructureSchema,
  compassStructuresSchema,
  glossarySchema,
  resourcesSchema,
} from './schemas/boussole';
import { eventListSchema } from './schemas/directory';
import { healthSchema } from './schemas/health';
import { activityListSchema, centreSiteSchema, newsListSchema } from './schemas/site';
import {
  contributorsSchema,
  latestWordsSchema,
  wordDetailSchema,
  wordDetailsPageSchema,
  wordIndexSchema,
} from './schemas/dictionnaire';
import type { LatestWords, PublicContributors, WordDetail, WordSummary } from '@csc/plugin-dictionnaire/shared';
import type { CentreSiteResponse, PublicActivity, PublicNewsItem } from '@csc/plugin-site/shared';
import type { DirectoryStructure } from '@csc/plugin-core/shared';
import type { PublicOffer } from '@csc/plugin-emploi/shared';
import { actorsSchema, employmentEventsSchema, offerSchema, offersSchema } from './schemas/emploi';

export interface CmsClientOptions {
  /** Where the CMS answers, e.g. http://localhost:1337 */
  baseUrl: string;
  /** An API token for content that is not public. */
  token?: string;
  /** Milliseconds before a request is given up. */
  timeoutMs?: number;
}

/** The API's largest page: fewer round trips for a build. */
const LARGEST_PAGE = 100;

/** The typed client of the CMS API that every site and tool uses: answers are validated. */
export function createCmsClient({ baseUrl, token, timeoutMs = 15000 }: CmsClientOptions) {
  const root = baseUrl.replace(/\/+$/, '');

  async function request(endpoint: string, accept: string, statuses: number[]): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${root}${endpoint}`, {
        headers: { accept, ...(token ? { authorization: `Bearer ${token}` } : {}) },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new CmsRequestError(
        endpoint,
        undefined,
        `the CMS at ${root} cannot be reached (${(error as Error).message})`,
      );
    }
    if (!statuses.includes(response.status)) {
      throw new CmsRequestError(endpoint, response.status, `the CMS answered HTTP ${response.status}`);
    }
    return response;
  }

  async function getJson<Schema extends z.ZodType>(
    endpoint: string,
    schema: Schema,
    accept: number[] = [200],
  ): Promise<z.infer<Schema>> {
    const response = await request(endpoint, 'application/json', accept);
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) {
      throw new CmsContractError(
        endpoint,
        parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
      );
    }
    return parsed.data;
  }

  /** An iCalendar file, copied as is into the site: only its envelope is checked. */
  async function getCalendar(endpoint: string): Promise<string> {
    const response = await request(endpoint, 'text/calendar', [200]);
    const issues: string[] = [];
    if (!response.headers.get('content-type')?.startsWith('text/calendar')) {
      issues.push(`content-type: text/calendar expected, got ${response.headers.get('content-type') ?? 'none'}`);
    }
    const body = await response.text();
    if (!body.startsWith('BEGIN:VCALENDAR') || !body.trimEnd().endsWith('END:VCALENDAR')) {
      issues.push('(root): not an iCalendar file (BEGIN:VCALENDAR … END:VCALENDAR)');
    }
    if (issues.length > 0) throw new CmsContractError(endpoint, issues);
    return body;
  }

  async function everyPage<Item>(
    fetchPage: (page: number) => Promise<{ data: Item[]; meta: { pages: number } }>,
  ): Promise<Item[]> {
    const first = await fetchPage(1);
    const items = [...first.data];
    for (let page = 2; page <= first.meta.pages; page += 1) items.push(...(await fetchPage(page)).data);
    return items;
  }

  return {
    /** The health report; a 503 still carries a report, so it is returned rather than thrown. */
    health(): Promise<HealthResponse> {
      return getJson('/api/core/health', healthSchema, [200, 503]);
    },

    /** A centre's profile and published pages, for its website. */
    site(centre: string): Promise<CentreSiteResponse> {
      return getJson(`/api/site/${encodeURIComponent(centre)}`, centreSiteSchema);
    },

    /** Every published activity of a centre (all pages of the API, in order). */
    async activities(centre: string): Promise<PublicActivity[]> {
      return everyPage((page) =>
        getJson(`/api/site/${encodeURIComponent(centre)}/activities?page=${page}`, activityListSchema),
      );
    },

    /** Every published news item of a centre, newest first. */
    async news(centre: string): Promise<PublicNewsItem[]> {
      return everyPage((page) => getJson(`/api/site/${encodeURIComponent(centre)}/news?page=${page}`, newsListSchema));
    },

    /**
     * Every published event of a centre from today on (Paris time), by next date: a recurring
     * event comes once, at its next occurrence (`prochaine_date`).
     */
    async events(centre: string): Promise<DirectoryEvent[]> {
      return everyPage(async (page) => {
        const { data, meta } = await getJson(
          `/api/core/directory/events?centre=${encodeURIComponent(centre)}&page=${page}&pageSize=${LARGEST_PAGE}`,
          eventListSchema,
        );
        return { data, meta: { pages: meta.pageCount } };
      });
    },

    /** The subscribable iCalendar feed of a centre's upcoming events. */
    calendar(centre: string): Promise<string> {
      return getCalendar(`/api/core/directory/events.ics?centre=${encodeURIComponent(centre)}`);
    },

    /** One event as an iCalendar file, to add it to a calendar app. */
    eventCalendar(documentId: string): Promise<string> {
      return getCalendar(`/api/core/directory/events/${encodeURIComponent(documentId)}/event.ics`);
    },

    /** The dictionary of digital words, install-wide: published words only. */
    dictionnaire: {
      /** Every published word, for a static build and its client-side search index. */
      async words(): Promise<WordSummary[]> {
        return (await getJson('/api/dictionnaire/words/index', wordIndexSchema)).data;
      },
      /** The most recently published words, newest first. */
      async latest(limit = 20): Promise<LatestWords['data']> {
        return (await getJson(`/api/dictionnaire/words/latest?limit=${limit}`, latestWordsSchema)).data;
      },
      /** One word: its main definition, the others, credits and related words. */
      async word(slug: string): Promise<WordDetail> {
        return (await getJson(`/api/dictionnaire/words/${encodeURIComponent(slug)}`, wordDetailSchema)).data;
      },
      /** Every published word's page, read 100 at a time (a few requests rather than one per word). */
      async allWordDetails(): Promise<WordDetail[]> {
        const pageOf = (page: number) =>
          getJson(`/api/dictionnaire/words/details?page=${page}&pageSize=100`, wordDetailsPageSchema);
        const first = await pageOf(1);
        const rest = [];
        for (let page = 2; page <= first.meta.pageCount; page += 1) rest.push((await pageOf(page)).data);
        return [first.data, ...rest].flat();
      },
      /** The validated contributor structures, for the credits page. */
      async contributors(): Promise<PublicContributors['data']> {
        return (await getJson('/api/dictionnaire/contributors', contributorsSchema)).data;
      },
    },
    boussole: boussoleMethods(getJson, everyPage),
    emploi: emploiMethods(getJson, everyPage),
  };
}

/** The employment site's reads (`/api/emploi/…`), install-wide unless a centre is named. */
function emploiMethods(
  getJson: <Schema extends z.ZodType>(endpoint: string, schema: Schema) => Promise<z.infer<Schema>>,
  everyPage: <Item>(fetchPage: (page: number) => Promise<{ data: Item[]; meta: { pages: number } }>) => Promise<Item[]>,
) {
  const listed = <Item>(answer: { data: Item[]; meta: { pageCount: number } }) => ({
    data: answer.data,
    meta: { pages: answer.meta.pageCount },
  });
  return {
    /** Every live offer (published, open, not past its last day), newest first; of one centre when named. */
    async offers(centre?: string): Promise<PublicOffer[]> {
      const scope = centre ? `&centre=${encodeURIComponent(centre)}` : '';
      return everyPage(async (page) =>
        listed(await getJson(`/api/emploi/offers?page=${page}&pageSize=50${scope}`, offersSchema)),
      );
    },
    /**
     * Offers closed lately (the install's `EMPLOI_CLOSED_PAGE_DAYS`), without the application
     * address: their pages stay a while to say so, out of the lists and the sitemap.
     */
    async closedOffers(centre?: string): Promise<PublicOffer[]> {
      const scope = centre ? `&centre=${encodeURIComponent(centre)}` : '';
      return everyPage(async (page) =>
        listed(await getJson(`/api/emploi/offers/closed?page=${page}&pageSize=50${scope}`, offersSchema)),
      );
    },
    /** One published offer, live or closed (closed ones come without the application address). */
    async offer(id: string): Promise<PublicOffer> {
      return (await getJson(`/api/emploi/offers/${encodeURIComponent(id)}`, offerSchema)).data;
    },
    /** The employment actors of the shared directory (France Travail, Mission Locale, SIAE…). */
    async actors(): Promise<DirectoryStructure[]> {
      return everyPage(async (page) =>
        listed(await getJson(`/api/emploi/actors?page=${page}&pageSize=${LARGEST_PAGE}`, actorsSchema)),
      );
    },
    /** The coming employment events of the shared agenda (job datings, forums, workshops). */
    async events(): Promise<DirectoryEvent[]> {
      return everyPage(async (page) =>
        listed(await getJson(`/api/emploi/events?page=${page}&pageSize=${LARGEST_PAGE}`, employmentEventsSchema)),
      );
    },
  };
}

/** The filters a compass's site builds pages for: one value of one list at a time, or none. */
export type CompassFilter = Pick<CompassDirectoryQuery, 'theme' | 'audience' | 'commune'>;

function filterQuery(filter: CompassFilter, page: number): string {
  const params = new URLSearchParams({ page: String(page), pageSize: String(COMPASS_LARGEST_PAGE) });
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  return params.toString();
}

/** The compasses of « La Boussole » (`/api/boussole/compasses/…`): settings, directory view, resources, glossary. */
function boussoleMethods(
  getJson: <Schema extends z.ZodType>(endpoint: string, schema: Schema) => Promise<z.infer<Schema>>,
  everyPage: <Item>(fetchPage: (page: number) => Promise<{ data: Item[]; meta: { pages: number } }>) => Promise<Item[]>,
) {
  const root = (slug: string) => `/api/boussole/compasses/${encodeURIComponent(slug)}`;
  const pages =
    <Schema extends z.ZodType<{ data: unknown[]; meta: { pageCount: number } }>>(schema: Schema) =>
    async (endpoint: (page: number) => string) =>
      everyPage(async (page) => {
        const { data, meta } = (await getJson(endpoint(page), schema)) as {
          data: unknown[];
          meta: { pageCount: number };
        };
        return { data, meta: { pages: meta.pageCount } };
      });
  return {
    async compasses(): Promise<CompassSummary[]> {
      return (await getJson('/api/boussole/compasses', compassListSchema)).data;
    },

    /** A compass's settings: themes, audiences, communes, map tiles, centre. */
    async compass(slug: string): Promise<CompassSettings> {
      return (await getJson(root(slug), compassSettingsSchema)).data;
    },

    /** Every structure of the compass, or of one filter value, in the API's order. */
    async structures(slug: string, filter: CompassFilter = {}) {
      return (await pages(compassStructuresSchema)(
        (page) => `${root(slug)}/structures?${filterQuery(filter, page)}`,
      )) as z.infer<typeof compassStructuresSchema>['data'];
    },

    /** Every published service of the compass's structures that falls within the compass. */
    async services(slug: string, filter: CompassFilter = {}) {
      return (await pages(compassServicesSchema)(
        (page) => `${root(slug)}/services?${filterQuery(filter, page)}`,
      )) as z.infer<typeof compassServicesSchema>['data'];
    },

    /** One structure with all its published services. */
    async structure(slug: string, id: string): Promise<CompassStructureResponse['data']> {
      return (await getJson(`${root(slug)}/structures/${encodeURIComponent(id)}`, compassStructureSchema)).data;
    },

    /** Every coming event of the compass (from today, Paris time), by next date. */
    async events(slug: string, filter: CompassFilter = {}) {
      return (await pages(compassEventsSchema)(
        (page) => `${root(slug)}/events?${filterQuery(filter, page)}`,
      )) as z.infer<typeof compassEventsSchema>['data'];
    },

    /** Every published resource of the compass, newest first. */
    async resources(slug: string): Promise<ResourceItem[]> {
      return (await pages(resourcesSchema)(
        (page) => `${root(slug)}/resources?page=${page}&pageSize=${LARGEST_PAGE}`,
      )) as ResourceItem[];
    },

    /** The whole glossary of the compass, A to Z. */
    async glossary(slug: string): Promise<GlossaryTerm[]> {
      return (await pages(glossarySchema)(
        (page) => `${root(slug)}/glossary?page=${page}&pageSize=500`,
      )) as GlossaryTerm[];
    },
  };
}

export type CmsClient = ReturnType<typeof createCmsClient>;
