import { useEffect, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { Badge, Button, EmptyStateLayout, Link, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { ListHead, ListPager, usePagedList } from '@csc/plugin-core/admin-toolkit';
import type { CompassRecordResponse, PendingContribution } from '../../../shared/contracts/admin';
import { PLUGIN_ID } from '../pluginId';
import { useT } from '../utils/translate';

const BASE = `/plugins/${PLUGIN_ID}`;
/** Decisions are taken in core's moderation page, where the before/after and duplicates are shown. */
const MODERATION = '/plugins/core/moderation';
const dateFormat = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/Paris',
});

/** What partners and residents proposed in this compass's themes, oldest first. */
const ContributionsPage = () => {
  const t = useT();
  const { id } = useParams();
  const { get } = useFetchClient();
  const [title, setTitle] = useState('');
  const [titleFailed, setTitleFailed] = useState(false);
  const list = usePagedList<PendingContribution>(
    `/${PLUGIN_ID}/compasses/${id}/contributions`,
    {},
    {
      error: t('common.error'),
    },
  );

  useEffect(() => {
    get<CompassRecordResponse>(`/${PLUGIN_ID}/compasses/${id}`).then(
      ({ data }) => setTitle(data.data.title),
      () => setTitleFailed(true),
    );
  }, [get, id]);

  if (list.error || titleFailed) return <Page.Error content={t('common.error')} />;
  if (!list.pagination) return <Page.Loading>{t('common.loading')}</Page.Loading>;
  return (
    <Page.Main>
      <Page.Title>{t('contributions.title', { compass: title })}</Page.Title>
      <Layouts.Header
        title={t('contributions.title', { compass: title })}
        subtitle={t('contributions.subtitle')}
        navigationAction={
          <Button variant="tertiary" tag={RouterLink} to={BASE}>
            {t('common.back')}
          </Button>
        }
      />
      <Layouts.Content>
        {list.rows.length === 0 ? (
          <EmptyStateLayout content={t('contributions.empty')} />
        ) : (
          <>
            <Table colCount={5} rowCount={list.rows.length + 1}>
              <ListHead
                columns={[
                  t('contributions.column.title'),
                  t('contributions.column.type'),
                  t('contributions.column.kind'),
                  t('contributions.column.date'),
                  t('contributions.column.action'),
                ]}
              />
              <Tbody>
                {list.rows.map((item) => (
                  <Tr key={item.id}>
                    <Td>
                      <Typography fontWeight="bold">{item.title}</Typography>
                    </Td>
                    <Td>
                      <Typography>{item.typeLabel}</Typography>
                    </Td>
                    <Td>
                      <Badge>{t(`contributions.kind.${item.kind}`)}</Badge>
                    </Td>
                    <Td>
                      <Typography>{dateFormat.format(new Date(item.createdAt))}</Typography>
                    </Td>
                    <Td>
                      <Link tag={RouterLink} to={`${MODERATION}/${item.id}`}>
                        {t('contributions.decide')}
                      </Link>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
            <ListPager
              pagination={list.pagination}
              summary={t('contributions.pagination', list.pagination)}
              onPage={list.setPage}
            />
          </>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export default ContributionsPage;
