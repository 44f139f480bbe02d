import { useState } from 'react';
import { useIntl } from 'react-intl';
import {
  Box,
  EmptyStateLayout,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  TextInput,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import type { AuditEntryView, AuditQuery } from '../../../../shared/contracts/audit';
import { ACTIONS } from '../../../../shared/permissions';
import { PLUGIN_ID } from '../../pluginId';
import { ListHead, ListPager, LoadError, usePagedList } from '../../toolkit';

const PAGE_SIZE = 25;
const ACTION_FAMILIES = ['entry', 'moderation', 'gdpr', 'consent', 'outbox', 'retention'] as const;

const Audit = () => {
  const { formatMessage, formatDate } = useIntl();
  const t = (key: string, values?: Record<string, string | number>) =>
    formatMessage({ id: `${PLUGIN_ID}.${key}`, defaultMessage: key }, values);
  const [filters, setFilters] = useState<Omit<AuditQuery, 'page' | 'pageSize'>>({});
  const list = usePagedList<AuditEntryView>(`/${PLUGIN_ID}/audit`, filters, {
    pageSize: PAGE_SIZE,
    error: t('audit.error'),
  });

  const setFilter = (key: keyof typeof filters, value: string | undefined) =>
    setFilters((current) => ({ ...current, [key]: value || undefined }));

  const actionLabel = (action: string) => {
    const known = formatMessage({ id: `${PLUGIN_ID}.audit.action.${action}`, defaultMessage: '' });
    return known || action;
  };

  return (
    <Page.Main>
      <Page.Title>{t('audit.title')}</Page.Title>
      <Layouts.Header title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <Layouts.Content>
        <Flex gap={4} alignItems="flex-end" wrap="wrap" paddingBottom={4}>
          <Field.Root name="action" width="240px">
            <Field.Label>{t('audit.filter.action')}</Field.Label>
            <SingleSelect
              value={filters.action ?? ''}
              onChange={(value: string | number) => setFilter('action', String(value))}
              placeholder={t('audit.filter.all')}
              onClear={() => setFilter('action', undefined)}
            >
              {ACTION_FAMILIES.map((family) => (
                <SingleSelectOption key={family} value={family}>
                  {t(`audit.family.${family}`)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
          <Field.Root name="from">
            <Field.Label>{t('audit.filter.from')}</Field.Label>
            <TextInput
              type="date"
              value={filters.from ?? ''}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) => setFilter('from', e.target.value)}
            />
          </Field.Root>
          <Field.Root name="to">
            <Field.Label>{t('audit.filter.to')}</Field.Label>
            <TextInput
              type="date"
              value={filters.to ?? ''}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) => setFilter('to', e.target.value)}
            />
          </Field.Root>
        </Flex>

        {list.loading && <Page.Loading>{t('audit.loading')}</Page.Loading>}
        {list.error && <LoadError message={list.error} onRetry={() => void list.reload()} />}
        {list.pagination && list.rows.length === 0 && <EmptyStateLayout content={t('audit.empty')} />}
        {list.pagination && list.rows.length > 0 && (
          <>
            <Table colCount={5} rowCount={list.rows.length + 1}>
              <ListHead
                columns={[
                  t('audit.column.when'),
                  t('audit.column.who'),
                  t('audit.column.what'),
                  t('audit.column.entry'),
                  t('audit.column.centre'),
                ]}
              />
              <Tbody>
                {list.rows.map((entry) => (
                  <Tr key={entry.id}>
                    <Td>
                      <Typography>{formatDate(entry.at, { dateStyle: 'short', timeStyle: 'short' })}</Typography>
                    </Td>
                    <Td>
                      <Typography>{entry.actor.name ?? t(`audit.actor.${entry.actor.type}`)}</Typography>
                    </Td>
                    <Td>
                      <Typography>{actionLabel(entry.action)}</Typography>
                    </Td>
                    <Td>
                      <Typography textColor="neutral600">
                        {entry.subject.uid ? `${entry.subject.uid} · ${entry.subject.id ?? ''}` : '—'}
                      </Typography>
                    </Td>
                    <Td>
                      <Typography>{entry.centre?.name ?? '—'}</Typography>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
            <ListPager pagination={list.pagination} summaryKey="audit.pagination" onPage={list.setPage} />
          </>
        )}
        <Box paddingTop={4} />
      </Layouts.Content>
    </Page.Main>
  );
};

const AuditPage = () => (
  <Page.Protect permissions={[{ action: ACTIONS.readAudit, subject: null }]}>
    <Audit />
  </Page.Protect>
);

export default AuditPage;
