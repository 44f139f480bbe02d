import { useIntl } from 'react-intl';
import { EmptyStateLayout } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useAdminGet } from '@csc/plugin-core/admin-toolkit';
import type { SummaryResponse } from '../../../shared/contracts/summary';
import { ACTIONS } from '../../../shared/permissions';
import { PLUGIN_ID } from '../pluginId';

const Home = () => {
  const { formatMessage } = useIntl();
  const summary = useAdminGet<SummaryResponse>(`/${PLUGIN_ID}/summary`);
  const t = (key: string) => formatMessage({ id: `${PLUGIN_ID}.${key}` });

  if (summary === undefined) return <Page.Loading>{t('home.loading')}</Page.Loading>;
  if (summary === 'error') return <Page.Error content={t('home.error')} />;
  return (
    <Page.Main>
      <Page.Title>{t('plugin.name')}</Page.Title>
      <Layouts.Header title={t('plugin.name')} subtitle={t('home.subtitle')} />
      <Layouts.Content>
        <EmptyStateLayout content={t('home.empty')} />
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
