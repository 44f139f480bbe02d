import { useCallback, useEffect, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import {
  Badge,
  Button,
  EmptyStateLayout,
  Link,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import type { FollowUpRow } from '../../../shared/contracts/pense-bete';
import { ACTIONS } from '../../../shared/permissions';
import { API, PAGES } from '../utils/api';
import { useParisDates } from '../utils/dates';
import { useT } from '../utils/translate';

type State = { kind: 'loading' } | { kind: 'error' } | { kind: 'ready'; rows: FollowUpRow[] };

/** « À relancer »: whose last message did not reach them, and why, to call them back. */
const FollowUp = () => {
  const t = useT();
  const { get } = useFetchClient();
  const { instant } = useParisDates();
  const [state, setState] = useState<State>({ kind: 'loading' });

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    try {
      const { data } = await get<{ results: FollowUpRow[] }>(`${API}/follow-up`);
      setState({ kind: 'ready', rows: data.results });
    } catch {
      setState({ kind: 'error' });
    }
  }, [get]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Page.Main>
      <Page.Title>{t('followUp.title')}</Page.Title>
      <Layouts.Header title={t('followUp.title')} subtitle={t('followUp.subtitle')} />
      <Layouts.Content>
        {state.kind === 'loading' && <Page.Loading>{t('common.loading')}</Page.Loading>}
        {state.kind === 'error' && (
          <Page.Error
            content={t('followUp.error')}
            action={
              <Button variant="secondary" onClick={() => void load()}>
                {t('common.retry')}
              </Button>
            }
          />
        )}
        {state.kind === 'ready' && state.rows.length === 0 && <EmptyStateLayout content={t('followUp.empty')} />}
        {state.kind === 'ready' && state.rows.length > 0 && (
          <Table colCount={5} rowCount={state.rows.length + 1}>
            <Thead>
              <Tr>
                {['person', 'phone', 'reason', 'at', 'open'].map((column) => (
                  <Th key={column}>
                    <Typography variant="sigma">{t(`followUp.column.${column}`)}</Typography>
                  </Th>
                ))}
              </Tr>
            </Thead>
            <Tbody>
              {state.rows.map((row) => (
                <Tr key={row.person.id}>
                  <Td>
                    <Typography fontWeight="bold">{row.person.firstName}</Typography>
                  </Td>
                  <Td>
                    <Typography>{row.person.phone ?? '—'}</Typography>
                  </Td>
                  <Td>
                    <Badge variant={row.reason === 'blacklisted' ? 'warning' : 'danger'} size="S">
                      {t(`followUp.reason.${row.reason}`)}
                    </Badge>{' '}
                    <Typography>{row.message}</Typography>
                  </Td>
                  <Td>
                    <Typography>{instant(row.at)}</Typography>
                  </Td>
                  <Td>
                    <Link tag={RouterLink} to={`${PAGES}/personnes/${row.person.id}`}>
                      {t('followUp.open', { name: row.person.firstName })}
                    </Link>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

const FollowUpPage = () => (
  <Page.Protect permissions={[{ action: ACTIONS.read, subject: null }]}>
    <FollowUp />
  </Page.Protect>
);

export default FollowUpPage;
