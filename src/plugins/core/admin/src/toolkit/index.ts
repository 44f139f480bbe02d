/**
 * Admin-side helpers every product plugin uses:
 * `import { createRegisterTrads } from '@csc/plugin-core/admin-toolkit'`.
 */

type Messages = Record<string, string>;

/** Strapi looks plugin strings up as `<plugin>.<key>`; the JSON files keep the short keys. */
export function prefixTranslations(data: Messages, pluginId: string): Messages {
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [`${pluginId}.${key}`, value]));
}

/**
 * The `registerTrads` of a plugin's admin entry. `load` stays in the plugin because the
 * bundler resolves `import(\`./translations/${locale}.json\`)` relative to the calling file.
 */
export function createRegisterTrads(pluginId: string, load: (locale: string) => Promise<{ default: Messages }>) {
  return async ({ locales }: { locales: string[] }) =>
    Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await load(locale);
          return { data: prefixTranslations(data, pluginId), locale };
        } catch {
          // A locale without a file falls back to English, Strapi's default.
          return { data: {}, locale };
        }
      }),
    );
}

/** The previous / next line under a paginated list, worded by core (`summary` is the product's). */
export { ListPager } from '../components/ListPager';

/** A paginated list of the admin API with its loading and error states. */
export { usePagedList } from './usePagedList';
export type { ListBody, ListFilters, ListPagination, PagedList, PagedListOptions } from './usePagedList';

/** The header row of a list table. */
export { ListHead } from '../components/ListHead';

/** In place of a list or page that could not be read: the page's sentence and « Réessayer ». */
export { LoadError } from '../components/LoadError';

export { messageOf } from './errors';

/** One admin API answer read when the page opens, with its loading and error states. */
export { useAdminGet } from './useAdminGet';

/** A refused form: the API's French message, and one per field (`problemOf`), shown by `ProblemAlert`. */
export { NO_PROBLEM, problemOf } from './problem';
export type { Problem } from './problem';
export { ProblemAlert } from '../components/ProblemAlert';

/** One labelled text field of a form, with its hint and the API's message under it. */
export { TextField } from '../components/TextField';

/** A short list of plain choices, all visible at once. */
export { ChoiceField } from '../components/ChoiceField';

/** Where a form records a person's agreement: a framed block with its title and what to do. */
export { ConsentPanel } from '../components/ConsentPanel';
