import { useCallback, useEffect, useState } from 'react';
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
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
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

/** A list read from the admin API, reloaded when its filter changes. */
function useList<Row>(path: string, filter: string) {
  const { get } = useFetchClient();
  const [rows, setRows] = useState<AdminPage<Row> | 'error' | undefined>();
  const load = useCallback(async () => {
    try {
      const query = filter ? `?status=${filter}&pageSize=100` : '?pageSize=100';
      const { data } = await get<AdminPage<Row>>(`/${PLUGIN_ID}/${path}${query}`);
      setRows(data);
    } catch {
      setRows('error');
    }
  }, [get, path, filter]);
  useEffect(() => {
    void load();
  }, [load]);
  return { rows, load };
}

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
  const { rows } = useList<AdminRequestRow>('requests', status);
  if (rows === undefined) return <Page.Loading>{t('home.loading')}</Page.Loading>;
  if (rows === 'error') return <Typography>{t('home.error')}</Typography>;
  return (
    <>
      <StatusFilter t={t} value={status} options={['open', 'claimed', 'defined']} onChange={setStatus} />
      {rows.results.length === 0 ? (
        <EmptyStateLayout content={t('requests.empty')} />
      ) : (
        <Table colCount={5} rowCount={rows.results.length + 1}>
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">{t('requests.word')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('requests.count')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('requests.status')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('requests.claimedBy')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('requests.waiting')}</Typography>
              </Th>
            </Tr>
          </Thead>
          <Tbody>
            {rows.results.map((row) => (
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
  const { rows, load } = useList<AdminStructureRow>('structures', status);
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const decide = async (row: AdminStructureRow, decision: 'validate' | 'refuse') => {
    try {
      await post(`/${PLUGIN_ID}/structures/${row.id}/${decision}`);
      toggleNotification({ type: 'success', message: t(`structures.${decision}d`, { name: row.name }) });
      await load();
    } catch {
      toggleNotification({ type: 'danger', message: t('structures.failed') });
    }
  };
  if (rows === undefined) return <Page.Loading>{t('home.loading')}</Page.Loading>;
  if (rows === 'error') return <Typography>{t('home.error')}</Typography>;
  return (
    <>
      <StatusFilter t={t} value={status} options={['pending', 'validated', 'refused']} onChange={setStatus} />
      {rows.results.length === 0 ? (
        <EmptyStateLayout content={t('structures.empty')} />
      ) : (
        <Table colCount={5} rowCount={rows.results.length + 1}>
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">{t('structures.name')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('structures.commune')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('structures.email')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('structures.status')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('structures.actions')}</Typography>
              </Th>
            </Tr>
          </Thead>
          <Tbody>
            {rows.results.map((row) => (
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
  const { rows } = useList<AdminWordRow>('words', '');
  if (rows === undefined) return <Page.Loading>{t('home.loading')}</Page.Loading>;
  if (rows === 'error') return <Typography>{t('home.error')}</Typography>;
  if (rows.results.length === 0) return <EmptyStateLayout content={t('words.empty')} />;
  return (
    <Table colCount={4} rowCount={rows.results.length + 1}>
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">{t('words.term')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('words.category')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('words.definitions')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('words.state')}</Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {rows.results.map((row) => (
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
  const { get } = useFetchClient();
  const { allowedActions } = useRBAC({ manage: [{ action: ACTIONS.manageStructures, subject: null }] });
  const [summary, setSummary] = useState<SummaryResponse | 'error' | undefined>();
  const t: Translate = (key, values) => formatMessage({ id: `${PLUGIN_ID}.${key}`, defaultMessage: key }, values);

  useEffect(() => {
    get<SummaryResponse>(`/${PLUGIN_ID}/summary`).then(
      ({ data }) => setSummary(data),
      () => setSummary('error'),
    );
  }, [get]);

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
