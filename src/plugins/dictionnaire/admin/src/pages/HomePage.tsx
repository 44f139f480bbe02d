import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { EmptyStateLayout } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import type { SummaryResponse } from '../../../shared/contracts/summary';
import { ACTIONS } from '../../../shared/permissions';
import { PLUGIN_ID } from '../pluginId';

const Home = () => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const [summary, setSummary] = useState<SummaryResponse | 'error' | undefined>();
  const t = (key: string) => formatMessage({ id: `${PLUGIN_ID}.${key}` });

  useEffect(() => {
    get<SummaryResponse>(`/${PLUGIN_ID}/summary`).then(
      ({ data }) => setSummary(data),
      () => setSummary('error'),
    );
  }, [get]);

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
