import { Link as RouterLink } from 'react-router-dom';
import { Badge, EmptyStateLayout, Link, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { ListHead, LoadError, usePagedList } from '@csc/plugin-core/admin-toolkit';
import type { FollowUpRow } from '../../../shared/contracts/pense-bete';
import { ACTIONS } from '../../../shared/permissions';
import { API, PAGES } from '../utils/api';
import { useParisDates } from '../utils/dates';
import { useT } from '../utils/translate';

/** « À relancer »: whose last message did not reach them, and why, to call them back. */
const FollowUp = () => {
  const t = useT();
  const { instant } = useParisDates();
  const list = usePagedList<FollowUpRow>(`${API}/follow-up`, {}, { paged: false, error: t('followUp.error') });

  return (
    <Page.Main>
      <Page.Title>{t('followUp.title')}</Page.Title>
      <Layouts.Header title={t('followUp.title')} subtitle={t('followUp.subtitle')} />
      <Layouts.Content>
        {list.loading && <Page.Loading>{t('common.loading')}</Page.Loading>}
        {list.error && <LoadError message={list.error} onRetry={() => void list.reload()} />}
        {list.body && list.rows.length === 0 && <EmptyStateLayout content={t('followUp.empty')} />}
        {list.body && list.rows.length > 0 && (
          <Table colCount={5} rowCount={list.rows.length + 1}>
            <ListHead
              columns={['person', 'phone', 'reason', 'at', 'open'].map((column) => t(`followUp.column.${column}`))}
            />
            <Tbody>
              {list.rows.map((row) => (
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
