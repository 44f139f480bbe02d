import { useState } from 'react';
import { useIntl } from 'react-intl';
import {
  Badge,
  Box,
  Button,
  EmptyStateLayout,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tabs,
  Tbody,
  Td,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { ListHead, useAdminGet, usePagedList } from '@csc/plugin-core/admin-toolkit';
import type { AdminPage, AdminRequestRow, AdminStructureRow, AdminWordRow } from '../../../shared/contracts/admin';
import type { SummaryResponse } from '../../../shared/contracts/summary';
import { ACTIONS } from '../../../shared/permissions';
import { PLUGIN_ID } from '../pluginId';

type Translate = (key: string, values?: Record<string, string | number>) => string;

const REQUEST_BADGE: Record<AdminRequestRow['status'], 'warning' | 'secondary' | 'success'> = {
  open: 'warning',
  claimed: 'secondary',
  defined: 'success',
};
const STRUCTURE_BADGE: Record<AdminStructureRow['status'], 'warning' | 'success' | 'danger'> = {
  pending: 'warning',
  validated: 'success',
  refused: 'danger',
};

/** A list read from the admin API, whole (up to a hundred rows), reloaded when its filter changes. */
const useList = <Row,>(path: string, status: string, t: Translate) =>
  usePagedList<Row, AdminPage<Row>>(
    `/${PLUGIN_ID}/${path}`,
    { status: status || undefined },
    {
      paged: false,
      pageSize: 100,
      error: t('home.error'),
    },
  );

const StatusFilter = ({
  t,
  value,
  options,
  onChange,
}: {
  t: Translate;
  value: string;
  options: string[];
  onChange: (value: string) => void;
}) => (
  <Box paddingBottom={4} maxWidth="20rem">
    <SingleSelect
      aria-label={t('filter.label')}
      value={value}
      onChange={(next: string | number) => onChange(String(next))}
    >
      <SingleSelectOption value="">{t('filter.all')}</SingleSelectOption>
      {options.map((option) => (
        <SingleSelectOption key={option} value={option}>
          {t(`status.${option}`)}
        </SingleSelectOption>
      ))}
    </SingleSelect>
  </Box>
);

const Requests = ({ t }: { t: Translate }) => {
  const [status, setStatus] = useState('open');
  const { rows, loading, error } = useList<AdminRequestRow>('requests', status, t);
  if (loading) return <Page.Loading>{t('home.loading')}</Page.Loading>;
  if (error) return <Typography>{error}</Typography>;
  return (
    <>
      <StatusFilter t={t} value={status} options={['open', 'claimed', 'defined']} onChange={setStatus} />
      {rows.length === 0 ? (
        <EmptyStateLayout content={t('requests.empty')} />
      ) : (
        <Table colCount={5} rowCount={rows.length + 1}>
          <ListHead
            columns={[
              t('requests.word'),
              t('requests.count'),
              t('requests.status'),
              t('requests.claimedBy'),
              t('requests.waiting'),
            ]}
          />
          <Tbody>
            {rows.map((row) => (
              <Tr key={row.id}>
                <Td>
                  <Typography fontWeight="bold">{row.word}</Typography>
                  {row.contexts.length > 0 && (
                    <Typography tag="p" textColor="neutral600">
                      {row.contexts[row.contexts.length - 1]}
                    </Typography>
                  )}
                </Td>
                <Td>
                  <Typography>{t('requests.times', { count: row.count })}</Typography>
                </Td>
                <Td>
                  <Badge variant={REQUEST_BADGE[row.status]}>{t(`status.${row.status}`)}</Badge>
                </Td>
                <Td>
                  <Typography>{row.claimedBy ?? '—'}</Typography>
                </Td>
                <Td>
                  <Typography>{row.waiting}</Typography>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </>
  );
};

const Structures = ({ t, canManage }: { t: Translate; canManage: boolean }) => {
  const [status, setStatus] = useState('pending');
  const { rows, loading, error, reload } = useList<AdminStructureRow>('structures', status, t);
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const decide = async (row: AdminStructureRow, decision: 'validate' | 'refuse') => {
    try {
      await post(`/${PLUGIN_ID}/structures/${row.id}/${decision}`);
      toggleNotification({ type: 'success', message: t(`structures.${decision}d`, { name: row.name }) });
      await reload({ quiet: true });
    } catch {
      toggleNotification({ type: 'danger', message: t('structures.failed') });
    }
  };
  if (loading) return <Page.Loading>{t('home.loading')}</Page.Loading>;
  if (error) return <Typography>{error}</Typography>;
  return (
    <>
      <StatusFilter t={t} value={status} options={['pending', 'validated', 'refused']} onChange={setStatus} />
      {rows.length === 0 ? (
        <EmptyStateLayout content={t('structures.empty')} />
      ) : (
        <Table colCount={5} rowCount={rows.length + 1}>
          <ListHead
            columns={[
              t('structures.name'),
              t('structures.commune'),
              t('structures.email'),
              t('structures.status'),
              t('structures.actions'),
            ]}
          />
          <Tbody>
            {rows.map((row) => (
              <Tr key={row.id}>
                <Td>
                  <Typography fontWeight="bold">{row.name}</Typography>
                  <Typography tag="p" textColor="neutral600">
                    {t(`kind.${row.kind}`)}
                  </Typography>
                </Td>
                <Td>
                  <Typography>{row.commune}</Typography>
                </Td>
                <Td>
                  <Typography>{row.email}</Typography>
                </Td>
                <Td>
                  <Badge variant={STRUCTURE_BADGE[row.status]}>{t(`status.${row.status}`)}</Badge>
                </Td>
                <Td>
                  {canManage && row.status !== 'validated' && (
                    <Flex gap={2}>
                      <Button size="S" onClick={() => void decide(row, 'validate')}>
                        {t('structures.validate')}
                      </Button>
                      {row.status === 'pending' && (
                        <Button size="S" variant="danger-light" onClick={() => void decide(row, 'refuse')}>
                          {t('structures.refuse')}
                        </Button>
                      )}
                    </Flex>
                  )}
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </>
  );
};

const Words = ({ t }: { t: Translate }) => {
  const { rows, loading, error } = useList<AdminWordRow>('words', '', t);
  if (loading) return <Page.Loading>{t('home.loading')}</Page.Loading>;
  if (error) return <Typography>{error}</Typography>;
  if (rows.length === 0) return <EmptyStateLayout content={t('words.empty')} />;
  return (
    <Table colCount={4} rowCount={rows.length + 1}>
      <ListHead columns={[t('words.term'), t('words.category'), t('words.definitions'), t('words.state')]} />
      <Tbody>
        {rows.map((row) => (
          <Tr key={row.id}>
            <Td>
              <Typography fontWeight="bold">{row.term}</Typography>
            </Td>
            <Td>
              <Typography>{t(`category.${row.category}`)}</Typography>
            </Td>
            <Td>
              <Typography>{row.definitions}</Typography>
            </Td>
            <Td>
              <Badge variant={row.published ? 'success' : 'secondary'}>
                {t(row.published ? 'words.published' : 'words.draft')}
              </Badge>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

const Home = () => {
  const { formatMessage } = useIntl();
  const { allowedActions } = useRBAC({ manage: [{ action: ACTIONS.manageStructures, subject: null }] });
  const summary = useAdminGet<SummaryResponse>(`/${PLUGIN_ID}/summary`);
  const t: Translate = (key, values) => formatMessage({ id: `${PLUGIN_ID}.${key}`, defaultMessage: key }, values);

  if (summary === undefined) return <Page.Loading>{t('home.loading')}</Page.Loading>;
  if (summary === 'error') return <Page.Error content={t('home.error')} />;
  return (
    <Page.Main>
      <Page.Title>{t('plugin.name')}</Page.Title>
      <Layouts.Header
        title={t('plugin.name')}
        subtitle={t('home.subtitle', {
          words: summary.words,
          open: summary.openRequests,
          claimed: summary.claimedRequests,
          pending: summary.pendingStructures,
        })}
      />
      <Layouts.Content>
        <Tabs.Root defaultValue="requests">
          <Tabs.List aria-label={t('home.tabs')}>
            <Tabs.Trigger value="requests">{t('tabs.requests')}</Tabs.Trigger>
            <Tabs.Trigger value="structures">{t('tabs.structures')}</Tabs.Trigger>
            <Tabs.Trigger value="words">{t('tabs.words')}</Tabs.Trigger>
          </Tabs.List>
          <Box paddingTop={4}>
            <Tabs.Content value="requests">
              <Requests t={t} />
            </Tabs.Content>
            <Tabs.Content value="structures">
              <Structures t={t} canManage={Boolean(allowedActions.canManage)} />
            </Tabs.Content>
            <Tabs.Content value="words">
              <Words t={t} />
            </Tabs.Content>
          </Box>
        </Tabs.Root>
      </Layouts.Content>
    </Page.Main>
  );
};

const HomePage = () => (
  <Page.Protect permissions={[{ action: ACTIONS.read, subject: null }]}>
    <Home />
  </Page.Protect>
);

export default HomePage;
