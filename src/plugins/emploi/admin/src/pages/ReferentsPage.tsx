import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { Badge, Button, EmptyStateLayout, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { BackButton, Layouts, Page } from '@strapi/strapi/admin';
import { ListHead, ListPager, LoadError, usePagedList } from '@csc/plugin-core/admin-toolkit';
import type { ReferentRow, ReferentsResponse } from '../../../shared/contracts/staff';
import { ReferentCreateModal } from '../components/ReferentCreateModal';
import { API, PAGES, dayFormat, useT } from '../utils';

/** The referents' accounts, with the number of the centre's candidates each one follows. */
const ReferentsPage = () => {
  const t = useT();
  const [creating, setCreating] = useState(false);
  const list = usePagedList<ReferentRow, ReferentsResponse>(
    `${API}/referents`,
    {},
    { pageSize: 25, error: t('referents.error') },
  );

  return (
    <Page.Main>
      <Page.Title>{t('referents.title')}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={`${PAGES}/candidats`} />}
        title={t('referents.title')}
        subtitle={t('referents.subtitle')}
        primaryAction={
          <Button onClick={() => setCreating(true)} startIcon={<Plus />}>
            {t('referents.create')}
          </Button>
        }
        secondaryAction={
          <Button variant="tertiary" tag={RouterLink} to={`${PAGES}/candidats`}>
            {t('referents.candidates')}
          </Button>
        }
      />
      <Layouts.Content>
        {list.loading && <Page.Loading>{t('common.loading')}</Page.Loading>}
        {list.error && <LoadError message={list.error} onRetry={() => void list.reload()} />}
        {list.pagination && list.rows.length === 0 && <EmptyStateLayout content={t('referents.empty')} />}
        {list.pagination && list.rows.length > 0 && (
          <>
            <Table colCount={4} rowCount={list.rows.length + 1}>
              <ListHead
                columns={[
                  t('referents.column.email'),
                  t('referents.column.candidates'),
                  t('referents.column.state'),
                  t('referents.column.created'),
                ]}
              />
              <Tbody>
                {list.rows.map((row) => (
                  <Tr key={row.id}>
                    <Td>
                      <Typography fontWeight="bold">{row.email}</Typography>
                    </Td>
                    <Td>
                      <Typography>{t('referents.candidatesCount', { count: row.candidates })}</Typography>
                    </Td>
                    <Td>
                      {row.blocked ? (
                        <Badge backgroundColor="danger100" textColor="danger700">
                          {t('referents.blocked')}
                        </Badge>
                      ) : (
                        <Badge backgroundColor="success100" textColor="success700">
                          {t('referents.active')}
                        </Badge>
                      )}
                    </Td>
                    <Td>
                      <Typography>{dayFormat.format(new Date(row.createdAt))}</Typography>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
            <ListPager
              pagination={list.pagination}
              summary={t('referents.pagination', list.pagination)}
              onPage={list.setPage}
            />
          </>
        )}
        {creating && (
          <ReferentCreateModal
            onClose={() => setCreating(false)}
            onSaved={() => {
              setCreating(false);
              void list.reload({ quiet: true });
            }}
          />
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export default ReferentsPage;
