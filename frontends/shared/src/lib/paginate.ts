export interface PageSlice<Item> {
  items: Item[];
  page: number;
  pages: number;
}

/** Splits a list into numbered pages; page 1 is the list's own URL, the next ones `/page/N/`. */
export function paginate<Item>(items: Item[], perPage: number): PageSlice<Item>[] {
  const pages = Math.max(1, Math.ceil(items.length / perPage));
  return Array.from({ length: pages }, (_, index) => ({
    items: items.slice(index * perPage, (index + 1) * perPage),
    page: index + 1,
    pages,
  }));
}

export function pageHref(base: string, page: number): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return page === 1 ? root : `${root}page/${page}/`;
}
