import { z } from 'zod';

/**
 * What every paginated admin list accepts: `?page=2&pageSize=25`, with French messages, and an
 * unknown parameter named back to the caller. `listQuery({ status: … })` adds the list's filters.
 */
export const PAGE_FIELDS = {
  page: z.coerce
    .number('Le numéro de page est un nombre.')
    .int('Le numéro de page est un nombre entier.')
    .min(1, 'Les pages commencent à 1.')
    .max(10000, 'Ce numéro de page est trop grand.')
    .default(1),
  pageSize: z.coerce
    .number('La taille de page est un nombre.')
    .int('La taille de page est un nombre entier.')
    .min(1, 'Au moins une ligne par page.')
    .max(100, '100 lignes par page au plus.')
    .default(25),
};

/** A centre chosen in a list's filter, by its number. */
export const centreFilter = z.coerce.number('Le centre est désigné par son numéro.').int().positive().optional();

export const UNKNOWN_PARAMETER = {
  error: (issue: { code?: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys' ? `Paramètre inconnu : ${(issue.keys ?? []).join(', ')}.` : undefined,
};

export function listQuery<Shape extends z.ZodRawShape>(filters: Shape) {
  return z.strictObject({ ...PAGE_FIELDS, ...filters }, UNKNOWN_PARAMETER);
}

/** The `pagination` of a list's answer, from its parsed query and its number of rows. */
export function paginationOf(query: { page: number; pageSize: number }, total: number) {
  return { page: query.page, pageSize: query.pageSize, total, pageCount: Math.ceil(total / query.pageSize) };
}
