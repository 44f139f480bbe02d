import { useIntl } from 'react-intl';
import { Alert, Box, Grid, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useAdminGet } from '@csc/plugin-core/admin-toolkit';
import type { BudgetView } from '../../../shared/contracts/news';
import { ACTIONS } from '../../../shared/permissions';
import { PLUGIN_ID } from '../pluginId';

const Figure = ({ label, value }: { label: string; value: string }) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" padding={5} height="100%">
    <Typography variant="sigma" textColor="neutral600" tag="p">
      {label}
    </Typography>
    <Typography variant="alpha" tag="p">
      {value}
    </Typography>
  </Box>
);

/** The SMS budget: OVH balance, this month's use per centre, the news cap, the warning. */
const Budget = () => {
  const { formatMessage, formatNumber } = useIntl();
  const budget = useAdminGet<BudgetView>(`/${PLUGIN_ID}/budget`);
  const t = (key: string, values?: Record<string, string | number>) =>
    formatMessage({ id: `${PLUGIN_ID}.${key}`, defaultMessage: key }, values);

  if (budget === undefined) return <Page.Loading>{t('home.loading')}</Page.Loading>;
  if (budget === 'error') return <Page.Error content={t('home.error')} />;
  return (
    <Page.Main>
      <Page.Title>{t('budget.title')}</Page.Title>
      <Layouts.Header title={t('budget.title')} subtitle={t('budget.subtitle')} />
      <Layouts.Content>
        {budget.warning && (
          <Box paddingBottom={4}>
            <Alert
              variant={budget.low ? 'danger' : 'warning'}
              title={t('budget.warning')}
              closeLabel={t('budget.close')}
            >
              {budget.warning}
            </Alert>
          </Box>
        )}
        <Grid.Root gap={4}>
          <Grid.Item col={6} s={12}>
            <Figure
              label={t('budget.creditsLeft')}
              value={budget.creditsLeft === null ? t('budget.unknown') : formatNumber(budget.creditsLeft)}
            />
          </Grid.Item>
          <Grid.Item col={6} s={12}>
            <Figure label={t('budget.threshold')} value={formatNumber(budget.threshold)} />
          </Grid.Item>
        </Grid.Root>
        <Box paddingTop={6}>
          <Table colCount={4} rowCount={budget.centres.length + 1}>
            <Thead>
              <Tr>
                <Th>
                  <Typography variant="sigma">{t('budget.centre')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('budget.messages')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('budget.credits')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('budget.news')}</Typography>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {budget.centres.map((centre) => (
                <Tr key={centre.id}>
                  <Td>
                    <Typography>{centre.name}</Typography>
                  </Td>
                  <Td>
                    <Typography>{formatNumber(centre.messages)}</Typography>
                  </Td>
                  <Td>
                    <Typography>{formatNumber(centre.credits)}</Typography>
                  </Td>
                  <Td>
                    <Typography>
                      {t('budget.newsUse', {
                        used: formatNumber(centre.news.used),
                        limit: formatNumber(centre.news.limit),
                      })}
                    </Typography>
                    {centre.ownAccount && (
                      <Typography
                        variant="pi"
                        textColor={centre.ownAccount.warning ? 'danger600' : 'neutral600'}
                        tag="p"
                      >
                        {centre.ownAccount.warning ??
                          t('budget.ownAccount', {
                            name: centre.ownAccount.serviceName,
                            credits: formatNumber(centre.ownAccount.creditsLeft ?? 0),
                          })}
                      </Typography>
                    )}
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
};

const BudgetPage = () => (
  <Page.Protect permissions={[{ action: ACTIONS.read, subject: null }]}>
    <Budget />
  </Page.Protect>
);

export default BudgetPage;
