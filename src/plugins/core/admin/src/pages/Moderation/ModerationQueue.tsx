import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';
import {
  Badge,
  Box,
  EmptyStateLayout,
  Field,
  Flex,
  Link,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import {
  MODERATION_REASONS,
  type ModerationItemSummary,
  type ModerationQuery,
  type ModerationQueuePage,
} from '../../../../shared/contracts/moderation';
import { PLUGIN_ID } from '../../pluginId';
import { REASON_VARIANTS, STATUS_VARIANTS } from './labels';
import { ListHead, ListPager, LoadError, usePagedList } from '../../toolkit';

const PAGE_SIZE = 25;
export const MODERATION_BASE = `/plugins/${PLUGIN_ID}/moderation`;

export const ModerationQueue = () => {
  const { formatMessage, formatDate } = useIntl();
  const t = (key: string, values?: Record<string, string | number>) =>
    formatMessage({ id: `${PLUGIN_ID}.${key}`, defaultMessage: key }, values);
  const [filters, setFilters] = useState<Omit<ModerationQuery, 'page' | 'pageSize'>>({ state: 'pending' });
  const list = usePagedList<ModerationItemSummary, ModerationQueuePage>(`/${PLUGIN_ID}/moderation`, filters, {
    pageSize: PAGE_SIZE,
    error: t('moderation.error'),
  });

  const setFilter = (key: keyof typeof filters, value: string | number | undefined) =>
    setFilters((current) => ({ ...current, [key]: value === '' ? undefined : value }));
  const filtered = Boolean(filters.reason || filters.type || filters.centre);
  const page = list.body;

  return (
    <Page.Main>
      <Page.Title>{t('moderation.title')}</Page.Title>
      <Layouts.Header title={t('moderation.title')} subtitle={t('moderation.subtitle')} />
      <Layouts.Content>
        <Flex gap={4} alignItems="flex-end" wrap="wrap" paddingBottom={4}>
          <Field.Root name="state" width="200px">
            <Field.Label>{t('moderation.filter.state')}</Field.Label>
            <SingleSelect
              value={filters.state ?? 'pending'}
              onChange={(value: string | number) => setFilter('state', String(value))}
            >
              <SingleSelectOption value="pending">{t('moderation.state.pending')}</SingleSelectOption>
              <SingleSelectOption value="closed">{t('moderation.state.closed')}</SingleSelectOption>
            </SingleSelect>
          </Field.Root>
          <Field.Root name="reason" width="240px">
            <Field.Label>{t('moderation.filter.reason')}</Field.Label>
            <SingleSelect
              value={filters.reason ?? ''}
              placeholder={t('moderation.filter.all')}
              onChange={(value: string | number) => setFilter('reason', String(value))}
              onClear={() => setFilter('reason', undefined)}
            >
              {MODERATION_REASONS.map((reason) => (
                <SingleSelectOption key={reason} value={reason}>
                  {t(`moderation.reason.${reason}`)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
          {page && page.filters.types.length > 1 && (
            <Field.Root name="type" width="240px">
              <Field.Label>{t('moderation.filter.type')}</Field.Label>
              <SingleSelect
                value={filters.type ?? ''}
                placeholder={t('moderation.filter.all')}
                onChange={(value: string | number) => setFilter('type', String(value))}
                onClear={() => setFilter('type', undefined)}
              >
                {page.filters.types.map((type) => (
                  <SingleSelectOption key={type.uid} value={type.uid}>
                    {type.label}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
          )}
          {page && page.filters.centres.length > 1 && (
            <Field.Root name="centre" width="240px">
              <Field.Label>{t('moderation.filter.centre')}</Field.Label>
              <SingleSelect
                value={filters.centre ?? ''}
                placeholder={t('moderation.filter.all')}
                onChange={(value: string | number) => setFilter('centre', Number(value))}
                onClear={() => setFilter('centre', undefined)}
              >
                {page.filters.centres.map((centre) => (
                  <SingleSelectOption key={centre.id} value={centre.id}>
                    {centre.name}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
          )}
        </Flex>

        {list.loading && <Page.Loading>{t('moderation.loading')}</Page.Loading>}
        {list.error && <LoadError message={list.error} onRetry={() => void list.reload()} />}
        {page && page.results.length === 0 && (
          <EmptyStateLayout
            content={
              filtered
                ? t('moderation.empty.filtered')
                : filters.state === 'closed'
                  ? t('moderation.empty.closed')
                  : t('moderation.empty')
            }
          />
        )}
        {page && page.results.length > 0 && (
          <>
            <Table colCount={5} rowCount={page.results.length + 1}>
              <ListHead
                columns={[
                  t('moderation.column.received'),
                  t('moderation.column.title'),
                  t('moderation.column.type'),
                  t('moderation.column.centre'),
                  filters.state === 'closed' ? t('moderation.column.status') : t('moderation.column.reasons'),
                ]}
              />
              <Tbody>
                {page.results.map((item) => (
                  <Tr key={item.id}>
                    <Td>
                      <Typography>{formatDate(item.createdAt, { dateStyle: 'short', timeStyle: 'short' })}</Typography>
                    </Td>
                    <Td>
                      <Link tag={RouterLink} to={`${MODERATION_BASE}/${item.id}`}>
                        {item.title || t('moderation.untitled')}
                      </Link>
                    </Td>
                    <Td>
                      <Typography>{item.type.label}</Typography>
                    </Td>
                    <Td>
                      <Typography>{item.centre?.name ?? '—'}</Typography>
                    </Td>
                    <Td>
                      <Flex gap={1} wrap="wrap">
                        {item.status !== 'pending' ? (
                          <Badge variant={STATUS_VARIANTS[item.status]}>{t(`moderation.status.${item.status}`)}</Badge>
                        ) : (
                          item.reasons.map((reason) => (
                            <Badge key={reason} variant={REASON_VARIANTS[reason]}>
                              {reason === 'reported' && item.reportCount > 0
                                ? t('moderation.reason.reported.count', { count: item.reportCount })
                                : reason === 'pending-too-long'
                                  ? t('moderation.reason.pending-too-long.days', { days: page.pendingDays })
                                  : t(`moderation.reason.${reason}`)}
                            </Badge>
                          ))
                        )}
                      </Flex>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
            <ListPager pagination={page.pagination} summaryKey="moderation.pagination" onPage={list.setPage} />
          </>
        )}
        <Box paddingTop={4} />
      </Layouts.Content>
    </Page.Main>
  );
};
