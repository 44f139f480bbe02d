import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The plugin's strings by their short key (`compasses.title`), as in fr.json and en.json. */
export function useT(): Translate {
  const { formatMessage } = useIntl();
  return useCallback(
    (key: string, values?: Record<string, string | number>) =>
      formatMessage({ id: `${PLUGIN_ID}.${key}`, defaultMessage: key }, values),
    [formatMessage],
  );
}
