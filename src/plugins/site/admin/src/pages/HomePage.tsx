import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import {
  Badge,
  Box,
  Button,
  Dialog,
  EmptyStateLayout,
  Flex,
  Link,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import type { SiteBuildStatus, SiteBuildsResponse } from '../../../shared/contracts/builds';
import { ACTIONS } from '../../../shared/permissions';
import { PLUGIN_ID } from '../pluginId';

type State = { kind: 'loading' } | { kind: 'error' } | { kind: 'ready'; sites: SiteBuildStatus[] };

const BADGE: Record<SiteBuildStatus['state'], 'success' | 'danger' | 'secondary' | 'warning'> = {
  never: 'secondary',
  waiting: 'warning',
  building: 'warning',
  ok: 'success',
  failed: 'danger',
};

const Builds = () => {
  const { formatMessage, formatDate } = useIntl();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC({ rebuild: [{ action: ACTIONS.rebuild, subject: null }] });
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [confirming, setConfirming] = useState<SiteBuildStatus | null>(null);
  const t = (key: string, values?: Record<string, string | number>) =>
    formatMessage({ id: `${PLUGIN_ID}.${key}`, defaultMessage: key }, values);
  const when = (value: string | null) =>
    value ? formatDate(value, { dateStyle: 'medium', timeStyle: 'short' }) : t('builds.never');

  const load = useCallback(async () => {
    try {
      const { data } = await get<SiteBuildsResponse>(`/${PLUGIN_ID}/builds`);
      setState({ kind: 'ready', sites: data.data });
    } catch {
      setState({ kind: 'error' });
    }
  }, [get]);

  useEffect(() => {
    void load();
    // The state moves on by itself (waiting, building, ok): refresh while the page is open.
    const timer = window.setInterval(() => void load(), 5000);
    return () => window.clearInterval(timer);
  }, [load]);

  const rebuild = async (site: SiteBuildStatus) => {
    setConfirming(null);
    try {
      await post(`/${PLUGIN_ID}/builds/${site.centre.id}`);
      toggleNotification({ type: 'success', message: t('builds.queued') });
      await load();
    } catch {
      toggleNotification({ type: 'danger', message: t('builds.queueFailed') });
    }
  };

  if (state.kind === 'loading') return <Page.Loading>{t('home.loading')}</Page.Loading>;
  if (state.kind === 'error') return <Page.Error content={t('home.error')} />;
  return (
    <Page.Main>
      <Page.Title>{t('plugin.name')}</Page.Title>
      <Layouts.Header title={t('plugin.name')} subtitle={t('builds.subtitle')} />
      <Layouts.Content>
        {state.sites.length === 0 ? (
          <EmptyStateLayout content={t('builds.empty')} />
        ) : (
          <Table colCount={5} rowCount={state.sites.length + 1}>
            <Thead>
              <Tr>
                <Th>
                  <Typography variant="sigma">{t('builds.centre')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('builds.state')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('builds.lastGood')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('builds.site')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('builds.actions')}</Typography>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {state.sites.map((site) => (
                <Tr key={site.centre.id}>
                  <Td>
                    <Typography>{site.centre.name}</Typography>
                  </Td>
                  <Td>
                    <Flex direction="column" alignItems="flex-start" gap={1}>
                      <Badge variant={BADGE[site.state]}>{t(`builds.state.${site.state}`)}</Badge>
                      {site.error && (
                        <Box maxWidth="40rem">
                          <Typography variant="pi" textColor="danger600">
                            {t('builds.failedHelp')}
                          </Typography>
                          <pre
                            style={{ whiteSpace: 'pre-wrap', fontSize: '0.75rem', maxHeight: '8rem', overflow: 'auto' }}
                          >
                            {site.error}
                          </pre>
                        </Box>
                      )}
                    </Flex>
                  </Td>
                  <Td>
                    <Typography>{when(site.lastGoodAt)}</Typography>
                  </Td>
                  <Td>
                    {site.served && site.lastGoodAt ? (
                      <Link href={site.path} isExternal>
                        {t('builds.open')}
                      </Link>
                    ) : (
                      <Typography textColor="neutral600">{t('builds.notYet')}</Typography>
                    )}
                  </Td>
                  <Td>
                    {allowedActions.canRebuild && (
                      <Button
                        variant="secondary"
                        onClick={() => setConfirming(site)}
                        disabled={site.state === 'building'}
                      >
                        {t('builds.rebuild')}
                      </Button>
                    )}
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
        <Dialog.Root open={confirming !== null} onOpenChange={(open: boolean) => !open && setConfirming(null)}>
          <Dialog.Content>
            <Dialog.Header>{t('builds.confirm.title')}</Dialog.Header>
            <Dialog.Body>{confirming && t('builds.confirm.body', { centre: confirming.centre.name })}</Dialog.Body>
            <Dialog.Footer>
              <Dialog.Cancel>
                <Button variant="tertiary">{t('builds.confirm.cancel')}</Button>
              </Dialog.Cancel>
              <Dialog.Action>
                <Button onClick={() => confirming && void rebuild(confirming)}>{t('builds.rebuild')}</Button>
              </Dialog.Action>
            </Dialog.Footer>
          </Dialog.Content>
        </Dialog.Root>
      </Layouts.Content>
    </Page.Main>
  );
};

const HomePage = () => (
  <Page.Protect permissions={[{ action: ACTIONS.read, subject: null }]}>
    <Builds />
  </Page.Protect>
);

export default HomePage;
