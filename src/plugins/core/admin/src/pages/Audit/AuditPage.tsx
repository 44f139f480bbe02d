import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import {
  Box,
  Button,
  EmptyStateLayout,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  TextInput,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import type { AuditPage as AuditPageData, AuditQuery } from '../../../../shared/contracts/audit';
import { ACTIONS } from '../../../../shared/permissions';
import { PLUGIN_ID } from '../../pluginId';
import { ListPager } from '../../components/ListPager';

const PAGE_SIZE = 25;
const ACTION_FAMILIES = ['entry', 'moderation', 'gdpr', 'consent', 'outbox', 'retention'] as const;

type State = { kind: 'loading' } | { kind: 'error' } | { kind: 'ready'; page: AuditPageData };

const Audit = () => {
  const { formatMessage, formatDate } = useIntl();
  const { get } = useFetchClient();
  const t = (key: string, values?: Record<string, string | number>) =>
    formatMessage({ id: `${PLUGIN_ID}.${key}`, defaultMessage: key }, values);
  const [filters, setFilters] = useState<Omit<AuditQuery, 'pageSize'>>({ page: 1 });
  const [state, setState] = useState<State>({ kind: 'loading' });

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    const params = Object.fromEntries(
      Object.entries({ ...filters, pageSize: PAGE_SIZE }).filter(([, value]) => value !== undefined && value !== ''),
    );
    try {
      const { data } = await get<AuditPageData>(`/${PLUGIN_ID}/audit`, { params });
      setState({ kind: 'ready', page: data });
    } catch {
      setState({ kind: 'error' });
    }
  }, [filters, get]);

  useEffect(() => {
    void load();
  }, [load]);

  const setFilter = (key: keyof AuditQuery, value: string | undefined) =>
    setFilters((current) => ({ ...current, [key]: value || undefined, page: 1 }));

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

        {state.kind === 'loading' && <Page.Loading>{t('audit.loading')}</Page.Loading>}
        {state.kind === 'error' && (
          <Page.Error
            content={t('audit.error')}
            action={
              <Button variant="secondary" onClick={() => void load()}>
                {t('overview.retry')}
              </Button>
            }
          />
        )}
        {state.kind === 'ready' && state.page.results.length === 0 && <EmptyStateLayout content={t('audit.empty')} />}
        {state.kind === 'ready' && state.page.results.length > 0 && (
          <>
            <Table colCount={5} rowCount={state.page.results.length + 1}>
              <Thead>
                <Tr>
                  <Th>
                    <Typography variant="sigma">{t('audit.column.when')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('audit.column.who')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('audit.column.what')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('audit.column.entry')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('audit.column.centre')}</Typography>
                  </Th>
                </Tr>
              </Thead>
              <Tbody>
                {state.page.results.map((entry) => (
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
            <ListPager
              pagination={state.page.pagination}
              summaryKey="audit.pagination"
              onPage={(page) => setFilters((current) => ({ ...current, page }))}
            />
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
