import { useIntl } from 'react-intl';
import { Button, Flex, Typography } from '@strapi/design-system';
import { PLUGIN_ID } from '../pluginId';

interface Props {
  pagination: { page: number; pageCount: number; total: number };
  /** The list's own sentence, e.g. `sms.pagination`: « Page {page} sur {pageCount} · {total} messages ». */
  summaryKey?: string;
  /** Or that sentence already written, by a product with its own translations. */
  summary?: string;
  onPage(page: number): void;
}

/**
 * The line under every paginated list of core's pages, and of products' pages through
 * `@csc/plugin-core/admin-toolkit`: where we are, previous, next.
 */
export const ListPager = ({ pagination, summaryKey, summary, onPage }: Props) => {
  const { formatMessage } = useIntl();
  const t = (key: string, values?: Record<string, number>) =>
    formatMessage({ id: `${PLUGIN_ID}.${key}`, defaultMessage: key }, values);
  return (
    <Flex justifyContent="space-between" paddingTop={4}>
      <Typography textColor="neutral600">{summary ?? (summaryKey ? t(summaryKey, pagination) : '')}</Typography>
      <Flex gap={2}>
        <Button variant="tertiary" disabled={pagination.page <= 1} onClick={() => onPage(pagination.page - 1)}>
          {t('list.previous')}
        </Button>
        <Button
          variant="tertiary"
          disabled={pagination.page >= pagination.pageCount}
          onClick={() => onPage(pagination.page + 1)}
        >
          {t('list.next')}
        </Button>
      </Flex>
    </Flex>
  );
};
