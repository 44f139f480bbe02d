import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import {
  Badge,
  Button,
  EmptyStateLayout,
  Flex,
  Table,
  Tbody,
  Td,
  Tr,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { BackButton, Layouts, Page } from '@strapi/strapi/admin';
import { ListHead, ListPager, LoadError, usePagedList } from '@csc/plugin-core/admin-toolkit';
import type { StaffCandidateRow, StaffCandidatesResponse } from '../../../shared/contracts/staff';
import { ReferentChangeModal } from '../components/ReferentChangeModal';
import { API, PAGES, dayFormat, useT } from '../utils';

/** The profiles of the user's centres: those residents made themselves and those made with the team. */
const CandidatesPage = () => {
  const t = useT();
  const [changing, setChanging] = useState<StaffCandidateRow | null>(null);
  const list = usePagedList<StaffCandidateRow, StaffCandidatesResponse>(
    `${API}/candidates`,
    {},
    { pageSize: 25, error: t('candidates.error') },
  );

  return (
    <Page.Main>
      <Page.Title>{t('candidates.title')}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={PAGES} />}
        title={t('candidates.title')}
        subtitle={t('candidates.subtitle', { total: list.total })}
        primaryAction={
          <Button tag={RouterLink} to={`${PAGES}/candidats/nouveau`} startIcon={<Plus />}>
            {t('candidates.create')}
          </Button>
        }
        secondaryAction={
          <Button variant="tertiary" tag={RouterLink} to={`${PAGES}/referents`}>
            {t('candidates.referents')}
          </Button>
        }
      />
      <Layouts.Content>
        {list.loading && <Page.Loading>{t('common.loading')}</Page.Loading>}
        {list.error && <LoadError message={list.error} onRetry={() => void list.reload()} />}
        {list.pagination && list.rows.length === 0 && <EmptyStateLayout content={t('candidates.empty')} />}
        {list.pagination && list.rows.length > 0 && (
          <>
            <Table colCount={6} rowCount={list.rows.length + 1}>
              <ListHead
                columns={[
                  t('candidates.column.name'),
                  t('candidates.column.commune'),
                  t('candidates.column.referent'),
                  t('candidates.column.visibility'),
                  t('candidates.column.updated'),
                  t('candidates.column.actions'),
                ]}
              />
              <Tbody>
                {list.rows.map((row) => (
                  <Tr key={row.id}>
                    <Td>
                      <Flex direction="column" alignItems="flex-start">
                        <Typography fontWeight="bold">{row.name}</Typography>
                        <Typography variant="pi" textColor="neutral600">
                          {row.hasAccount ? t('candidates.ownAccount') : t('candidates.madeByTeam')}
                          {row.centre ? ` · ${row.centre}` : ''}
                        </Typography>
                      </Flex>
                    </Td>
                    <Td>
                      <Typography>{row.commune ?? '—'}</Typography>
                    </Td>
                    <Td>
                      <Typography>{row.referent ?? t('candidates.noReferent')}</Typography>
                    </Td>
                    <Td>
                      {row.hidden ? (
                        <Badge backgroundColor="neutral150" textColor="neutral700">
                          {t('candidates.hidden')}
                        </Badge>
                      ) : (
                        <Badge backgroundColor="success100" textColor="success700">
                          {t('candidates.visible')}
                        </Badge>
                      )}
                    </Td>
                    <Td>
                      <Typography>
                        {row.profileUpdatedAt ? dayFormat.format(new Date(row.profileUpdatedAt)) : '—'}
                      </Typography>
                    </Td>
                    <Td>
                      <Button variant="tertiary" size="S" onClick={() => setChanging(row)}>
                        {row.referent ? t('candidates.changeReferent') : t('candidates.giveReferent')}
                        <VisuallyHidden>{` — ${row.name}`}</VisuallyHidden>
                      </Button>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
            <ListPager
              pagination={list.pagination}
              summary={t('candidates.pagination', list.pagination)}
              onPage={list.setPage}
            />
          </>
        )}
        {changing && (
          <ReferentChangeModal
            candidate={changing}
            onClose={() => setChanging(null)}
            onSaved={() => {
              setChanging(null);
              void list.reload({ quiet: true });
            }}
          />
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export default CandidatesPage;
