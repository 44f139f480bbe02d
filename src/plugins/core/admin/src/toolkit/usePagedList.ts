import { useCallback, useEffect, useRef, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

export type ListPagination = { page: number; pageSize: number; pageCount: number; total: number };

/** The shape of the admin API's lists: `{ results, pagination }` (the pagination where paged). */
export interface ListBody<Row> {
  results: Row[];
  pagination?: ListPagination;
}

export type ListFilters = Record<string, string | number | boolean | null | undefined>;

export interface PagedListOptions<Row, Body> {
  /** Sent as `pageSize`; without it the server's own page size applies. */
  pageSize?: number;
  /** A page kept elsewhere (the address); without it the hook keeps the page, back to 1 on new filters. */
  page?: number;
  /** The French sentence shown when the list cannot be read. */
  error: string;
  /** Read along with every page (the counters above a list), kept while the next page loads. */
  summaryUrl?: string;
  /** False for a list the server answers whole: no `page` is sent. */
  paged?: boolean;
  /** For an answer that is not `{ results }`. */
  rowsOf?: (body: Body) => Row[];
}

export interface PagedList<Row, Body, Summary> {
  /** The whole answer, null while loading or after a failure. */
  body: Body | null;
  rows: Row[];
  total: number;
  page: number;
  pagination: ListPagination | null;
  setPage(page: number): void;
  loading: boolean;
  /** The French sentence to show, or null. */
  error: string | null;
  summary: Summary | null;
  /** Reads the list again; `quiet` keeps the current rows on screen meanwhile (after an action). */
  reload(options?: { quiet?: boolean }): Promise<void>;
}

/** Drops the filters left empty: the API rejects empty values it cannot parse. */
function paramsOf(filters: ListFilters, page: number | undefined, pageSize: number | undefined) {
  const all: ListFilters = { ...filters, page, pageSize };
  return Object.fromEntries(Object.entries(all).filter(([, value]) => value !== undefined && value !== ''));
}

/**
 * A list of the admin API, read again whenever its address, filters or page change, with the
 * loading and error states every list page shows.
 */
export function usePagedList<Row, Body = ListBody<Row>, Summary = never>(
  url: string,
  filters: ListFilters,
  options: PagedListOptions<Row, Body>,
): PagedList<Row, Body, Summary> {
  const { get } = useFetchClient();
  const { pageSize, error: errorMessage, summaryUrl, rowsOf } = options;
  const filterKey = JSON.stringify(filters);
  // The page belongs to one set of filters: new filters start again on page 1, without a second read.
  const [paging, setPaging] = useState({ filterKey, page: 1 });
  const ownPage = paging.filterKey === filterKey ? paging.page : 1;
  const page = options.page ?? ownPage;
  const paged = options.paged ?? true;
  const [state, setState] = useState<{ body: Body | null; loading: boolean; failed: boolean }>({
    body: null,
    loading: true,
    failed: false,
  });
  const [summary, setSummary] = useState<Summary | null>(null);
  const latest = useRef(0);

  const reload = useCallback(
    async ({ quiet = false }: { quiet?: boolean } = {}) => {
      const request = ++latest.current;
      if (!quiet) setState({ body: null, loading: true, failed: false });
      try {
        const params = paramsOf(JSON.parse(filterKey) as ListFilters, paged ? page : undefined, pageSize);
        const [list, counts] = await Promise.all([
          get<Body>(url, { params }),
          summaryUrl ? get<Summary>(summaryUrl) : Promise.resolve(null),
        ]);
        if (request !== latest.current) return;
        if (counts) setSummary(counts.data);
        setState({ body: list.data, loading: false, failed: false });
      } catch {
        if (request !== latest.current) return;
        setState({ body: null, loading: false, failed: true });
      }
    },
    [get, url, filterKey, page, paged, pageSize, summaryUrl],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  const { body } = state;
  const rows = body ? (rowsOf ? rowsOf(body) : (body as unknown as ListBody<Row>).results) : [];
  const pagination = body ? ((body as unknown as ListBody<Row>).pagination ?? null) : null;
  return {
    body,
    rows,
    total: pagination?.total ?? rows.length,
    page,
    pagination,
    setPage: (next: number) => setPaging({ filterKey, page: next }),
    loading: state.loading,
    error: state.failed ? errorMessage : null,
    summary,
    reload,
  };
}
