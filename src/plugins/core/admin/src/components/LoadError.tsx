import { useIntl } from 'react-intl';
import { Button } from '@strapi/design-system';
import { Page } from '@strapi/strapi/admin';
import { PLUGIN_ID } from '../pluginId';

/**
 * What a page shows in place of what it could not read, with a button to read it again;
 * the sentence is the page's, the button core's.
 */
export const LoadError = ({ message, onRetry }: { message: string; onRetry(): void }) => {
  const { formatMessage } = useIntl();
  return (
    <Page.Error
      content={message}
      action={
        <Button variant="secondary" onClick={onRetry}>
          {formatMessage({ id: `${PLUGIN_ID}.overview.retry`, defaultMessage: 'Réessayer' })}
        </Button>
      }
    />
  );
};
