import { useCallback, useEffect, useState } from 'react';
import { Button, EmptyStateLayout, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Page, useFetchClient, useQueryParams } from '@strapi/strapi/admin';
import type { PersonPage, ReminderView } from '../../../shared/contracts/pense-bete';
import { API } from '../utils/api';
import { useParisDates } from '../utils/dates';
import { useT } from '../utils/translate';
import { ListFooter } from './ListFooter';
import { ReminderStatus } from './ReminderStatus';

const PAGE_SIZE = 10;

interface HistoryPage {
  results: ReminderView[];
  pagination: PersonPage['pagination'];
}

type State = { kind: 'loading' } | { kind: 'error' } | { kind: 'ready'; page: HistoryPage };

/** Every reminder of the person, newest first: what was planned, sent, received or not, and why. */
export const ReminderHistory = ({ person, refresh }: { person: string; refresh: number }) => {
  const t = useT();
  const { get } = useFetchClient();
  const { short } = useParisDates();
  // The page is in the address, like the persons list: « Retour » comes back to it.
  const [{ query }] = useQueryParams<{ page?: string }>();
  const page = Math.max(1, Number(query.page) || 1);
  const [state, setState] = useState<State>({ kind: 'loading' });

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    try {
      const { data } = await get<HistoryPage>(`${API}/persons/${person}/history`, {
        params: { page, pageSize: PAGE_SIZE },
      });
      setState({ kind: 'ready', page: data });
    } catch {
      setState({ kind: 'error' });
    }
  }, [get, person, page]);

  useEffect(() => {
    void load();
  }, [load, refresh]);

  if (state.kind === 'loading') return <Page.Loading>{t('common.loading')}</Page.Loading>;
  if (state.kind === 'error') {
    return (
      <Flex gap={4}>
        <Typography textColor="danger600">{t('history.error')}</Typography>
        <Button variant="secondary" onClick={() => void load()}>
          {t('common.retry')}
        </Button>
      </Flex>
    );
  }
  if (state.page.results.length === 0) return <EmptyStateLayout content={t('history.empty')} />;
  const { pagination } = state.page;
  return (
    <>
      <Table colCount={5} rowCount={state.page.results.length + 1}>
        <Thead>
          <Tr>
            {['step', 'offset', 'sendAt', 'status', 'sentAt'].map((column) => (
              <Th key={column}>
                <Typography variant="sigma">{t(`history.column.${column}`)}</Typography>
              </Th>
            ))}
          </Tr>
        </Thead>
        <Tbody>
          {state.page.results.map((reminder) => (
            <Tr key={reminder.id}>
              <Td>
                <Typography>{reminder.step?.title ?? t('history.deletedStep')}</Typography>
              </Td>
              <Td>
                <Typography>
                  {reminder.offset} · {t(`channel.${reminder.channel}`)}
                </Typography>
              </Td>
              <Td>
                <Typography>{short(reminder.sendAt)}</Typography>
              </Td>
              <Td>
                <Flex direction="column" alignItems="flex-start" gap={1}>
                  <ReminderStatus status={reminder.status} />
                  {reminder.error && (
                    <Typography variant="pi" textColor="neutral700">
                      {reminder.error.message}{' '}
                      {reminder.status === 'failed' && t(`history.errorKind.${reminder.error.kind}`)}
                    </Typography>
                  )}
                </Flex>
              </Td>
              <Td>
                <Typography>{reminder.sentAt ? short(reminder.sentAt) : '—'}</Typography>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      <ListFooter summaryKey="history.pagination" pagination={pagination} />
    </>
  );
};
