import { useIntl } from 'react-intl';
import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useAdminGet } from '@csc/plugin-core/admin-toolkit';
import type { SummaryResponse } from '../../../shared/contracts/summary';
import { ACTIONS, EMPLOYER_UID, OFFER_UID } from '../../../shared/permissions';
import { PLUGIN_ID } from '../pluginId';

const Home = () => {
  const { formatMessage } = useIntl();
  const summary = useAdminGet<SummaryResponse>(`/${PLUGIN_ID}/summary`);
  const t = (key: string, values?: Record<string, string | number>) =>
    formatMessage({ id: `${PLUGIN_ID}.${key}` }, values);

  if (summary === undefined) return <Page.Loading>{t('home.loading')}</Page.Loading>;
  if (summary === 'error') return <Page.Error content={t('home.error')} />;
  return (
    <Page.Main>
      <Page.Title>{t('plugin.name')}</Page.Title>
      <Layouts.Header title={t('plugin.name')} subtitle={t('home.subtitle', { ...summary })} />
      <Layouts.Content>
        <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
          <Flex direction="column" alignItems="flex-start" gap={3}>
            <Typography tag="p">{t('home.offers')}</Typography>
            <Link href={`/admin/content-manager/collection-types/${OFFER_UID}`}>{t('home.link.offers')}</Link>
            <Link href={`/admin/content-manager/collection-types/${EMPLOYER_UID}`}>{t('home.link.employers')}</Link>
            <Link href="/admin/plugins/core/moderation">{t('home.link.moderation')}</Link>
          </Flex>
        </Box>
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
