import { Link as RouterLink } from 'react-router-dom';
import { Button, EmptyStateLayout, Flex, Link, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { ListHead, usePagedList } from '@csc/plugin-core/admin-toolkit';
import type { CompassRecord, CompassRecordsResponse } from '../../../shared/contracts/admin';
import { ACTIONS } from '../../../shared/permissions';
import { PLUGIN_ID } from '../pluginId';
import { useT } from '../utils/translate';

const BASE = `/plugins/${PLUGIN_ID}`;

/** Every compass of the user's centres: its site, themes and communes, and what waits for it. */
const CompassesPage = () => {
  const t = useT();
  const { allowedActions } = useRBAC({ manage: [{ action: ACTIONS.manageCompasses, subject: null }] });
  const list = usePagedList<CompassRecord, CompassRecordsResponse>(
    `/${PLUGIN_ID}/compasses`,
    {},
    {
      paged: false,
      rowsOf: (body) => body.data,
      error: t('common.error'),
    },
  );

  if (list.error) return <Page.Error content={list.error} />;
  if (!list.body) return <Page.Loading>{t('common.loading')}</Page.Loading>;
  const compasses = list.rows;
  return (
    <Page.Main>
      <Page.Title>{t('compasses.title')}</Page.Title>
      <Layouts.Header
        title={t('compasses.title')}
        subtitle={t('compasses.subtitle')}
        primaryAction={
          allowedActions.canManage ? (
            <Button tag={RouterLink} to={`${BASE}/nouvelle`}>
              {t('compasses.create')}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        {compasses.length === 0 ? (
          <EmptyStateLayout content={t('compasses.empty')} />
        ) : (
          <Table colCount={5} rowCount={compasses.length + 1}>
            <ListHead
              columns={[
                t('compasses.column.title'),
                t('compasses.column.site'),
                t('compasses.column.themes'),
                t('compasses.column.communes'),
                t('compasses.column.actions'),
              ]}
            />
            <Tbody>
              {compasses.map((compass) => (
                <Tr key={compass.id}>
                  <Td>
                    <Typography fontWeight="bold">{compass.title}</Typography>
                    {compass.centre ? <Typography textColor="neutral600"> · {compass.centre.name}</Typography> : null}
                  </Td>
                  <Td>
                    <Typography>{compass.sitePath}</Typography>
                  </Td>
                  <Td>
                    <Typography>{compass.themes.length + compass.localThemes.length}</Typography>
                  </Td>
                  <Td>
                    <Typography>
                      {compass.communes.map((commune) => commune.nom).join(', ') || t('compasses.allCommunes')}
                    </Typography>
                  </Td>
                  <Td>
                    <Flex gap={3}>
                      <Link tag={RouterLink} to={`${BASE}/${compass.id}`}>
                        {allowedActions.canManage ? t('compasses.edit') : t('compasses.view')}
                      </Link>
                      <Link tag={RouterLink} to={`${BASE}/${compass.id}/contributions`}>
                        {t('compasses.contributions')}
                      </Link>
                    </Flex>
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

export default CompassesPage;
