import { useIntl } from 'react-intl';
import { PLUGIN_ID } from './pluginId';

/** Where the plugin's pages live in the admin panel, and where its API answers. */
export const PAGES = `/plugins/${PLUGIN_ID}`;
export const API = `/${PLUGIN_ID}`;

/** The plugin's strings, by their short key. */
export function useT() {
  const { formatMessage } = useIntl();
  return (key: string, values?: Record<string, string | number>) =>
    formatMessage({ id: `${PLUGIN_ID}.${key}` }, values);
}

/** A French date for lists, in the centres' time zone. */
export const dayFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeZone: 'Europe/Paris' });

/** One entry per line (or separated by commas) as the API's lists, blanks dropped. */
export const linesOf = (value: string): string[] =>
  value
    .split(/[\n,;]/)
    .map((line) => line.trim())
    .filter(Boolean);
