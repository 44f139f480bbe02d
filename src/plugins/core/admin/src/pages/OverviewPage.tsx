import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { Box, Flex, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import type { OverviewResponse } from '../../../shared/contracts/overview';
import { ACTIONS, CENTRE_UID } from '../../../shared/permissions';
import { PLUGIN_ID } from '../pluginId';
import { LoadError } from '../components/LoadError';

type State = { kind: 'loading' } | { kind: 'error' } | { kind: 'ready'; overview: OverviewResponse };

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" padding={6} marginBottom={4}>
    <Typography variant="delta" tag="h2">
      {title}
    </Typography>
    <Box paddingTop={2}>{children}</Box>
  </Box>
);

const Overview = () => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const t = (key: string, values?: Record<string, number>) => formatMessage({ id: `${PLUGIN_ID}.${key}` }, values);

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    try {
      const { data } = await get<OverviewResponse>(`/${PLUGIN_ID}/overview`);
      setState({ kind: 'ready', overview: data });
    } catch {
      setState({ kind: 'error' });
    }
  }, [get]);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.kind === 'loading') return <Page.Loading>{t('overview.loading')}</Page.Loading>;
  if (state.kind === 'error') return <LoadError message={t('overview.error')} onRetry={() => void load()} />;

  const { health, centres } = state.overview;
  return (
    <Page.Main>
      <Page.Title>{t('overview.title')}</Page.Title>
      <Layouts.Header title={t('overview.title')} subtitle={t('overview.subtitle')} />
      <Layouts.Content>
        <Section title={t(health.status === 'ok' ? 'overview.status.ok' : 'overview.status.error')}>
          <Typography>
            {t('overview.database')} : {t(`overview.database.${health.database}`)}
          </Typography>
        </Section>
        <Section title={t('overview.plugins')}>
          {health.plugins.length === 0 ? (
            <Typography>{t('overview.plugins.empty')}</Typography>
          ) : (
            <Flex tag="ul" direction="column" alignItems="flex-start" gap={1}>
              {health.plugins.map((name) => (
                <Typography key={name} tag="li">
                  {name}
                </Typography>
              ))}
            </Flex>
          )}
        </Section>
        <Section title={t('overview.centres')}>
          <Flex direction="column" alignItems="flex-start" gap={3}>
            <Typography>{t('overview.centres.count', { count: centres })}</Typography>
            <Link to={`/content-manager/collection-types/${CENTRE_UID}`}>{t('overview.centres.manage')}</Link>
          </Flex>
        </Section>
      </Layouts.Content>
    </Page.Main>
  );
};

const OverviewPage = () => (
  <Page.Protect permissions={[{ action: ACTIONS.readOverview, subject: null }]}>
    <Overview />
  </Page.Protect>
);

export default OverviewPage;
