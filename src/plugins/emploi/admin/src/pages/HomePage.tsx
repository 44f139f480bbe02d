import { Link as RouterLink } from 'react-router-dom';
import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { useAdminGet } from '@csc/plugin-core/admin-toolkit';
import type { SummaryResponse } from '../../../shared/contracts/summary';
import { ACTIONS, EMPLOYER_UID, OFFER_UID } from '../../../shared/permissions';
import { PAGES, useT } from '../utils';

const HomePage = () => {
  const t = useT();
  const summary = useAdminGet<SummaryResponse>(`/emploi/summary`);
  const { allowedActions } = useRBAC({ members: [{ action: ACTIONS.members, subject: null }] });

  if (summary === undefined) return <Page.Loading>{t('home.loading')}</Page.Loading>;
  if (summary === 'error') return <Page.Error content={t('home.error')} />;
  return (
    <Page.Main>
      <Page.Title>{t('plugin.name')}</Page.Title>
      <Layouts.Header title={t('plugin.name')} subtitle={t('home.subtitle', { ...summary })} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
            <Flex direction="column" alignItems="flex-start" gap={3}>
              <Typography tag="p">{t('home.offers')}</Typography>
              <Link href={`/admin/content-manager/collection-types/${OFFER_UID}`}>{t('home.link.offers')}</Link>
              <Link href={`/admin/content-manager/collection-types/${EMPLOYER_UID}`}>{t('home.link.employers')}</Link>
              <Link href="/admin/plugins/core/moderation">{t('home.link.moderation')}</Link>
            </Flex>
          </Box>
          {allowedActions.canMembers && (
            <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
              <Flex direction="column" alignItems="flex-start" gap={3}>
                <Typography variant="delta" tag="h2">
                  {t('home.members.title')}
                </Typography>
                <Typography tag="p">{t('home.members')}</Typography>
                <Link tag={RouterLink} to={`${PAGES}/candidats`}>
                  {t('home.link.candidates')}
                </Link>
                <Link tag={RouterLink} to={`${PAGES}/candidats/nouveau`}>
                  {t('home.link.createCandidate')}
                </Link>
                <Link tag={RouterLink} to={`${PAGES}/referents`}>
                  {t('home.link.referents')}
                </Link>
              </Flex>
            </Box>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default HomePage;
