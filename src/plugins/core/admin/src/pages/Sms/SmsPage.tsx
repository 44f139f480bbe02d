import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import {
  Badge,
  Box,
  Button,
  EmptyStateLayout,
  Field,
  Flex,
  Grid,
  Modal,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  TextButton,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import {
  SMS_STATUSES,
  type SmsReceiptDetail,
  type SmsReceiptPage,
  type SmsReceiptQuery,
  type SmsStatus,
  type SmsSummary,
} from '../../../../shared/contracts/sms';
import { ACTIONS } from '../../../../shared/permissions';
import { PLUGIN_ID } from '../../pluginId';
import { ListPager } from '../../components/ListPager';

const PAGE_SIZE = 25;

type State = { kind: 'loading' } | { kind: 'error' } | { kind: 'ready'; page: SmsReceiptPage; summary: SmsSummary };

const STATUS_VARIANT: Record<SmsStatus, 'success' | 'primary' | 'danger' | 'warning' | 'neutral'> = {
  sending: 'neutral',
  sent: 'primary',
  delivered: 'success',
  undelivered: 'danger',
  blacklisted: 'warning',
  invalid: 'danger',
  failed: 'danger',
  error: 'warning',
};

const Figure = ({ label, value, hint }: { label: string; value: string; hint?: string }) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" padding={5} height="100%">
    <Typography variant="sigma" textColor="neutral600" tag="p">
      {label}
    </Typography>
    <Typography variant="alpha" tag="p">
      {value}
    </Typography>
    {hint && (
      <Typography variant="pi" textColor="neutral600" tag="p">
        {hint}
      </Typography>
    )}
  </Box>
);

const Line = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Box paddingBottom={3}>
    <Typography variant="sigma" textColor="neutral600" tag="p">
      {label}
    </Typography>
    <Typography tag="div">{children}</Typography>
  </Box>
);

const Sms = () => {
  const { formatMessage, formatDate, formatNumber } = useIntl();
  const { get } = useFetchClient();
  const t = (key: string, values?: Record<string, string | number>) =>
    formatMessage({ id: `${PLUGIN_ID}.${key}`, defaultMessage: key }, values);
  const [filters, setFilters] = useState<Omit<SmsReceiptQuery, 'pageSize'>>({ page: 1 });
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [detail, setDetail] = useState<SmsReceiptDetail | 'loading' | 'error' | null>(null);

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    const params = Object.fromEntries(
      Object.entries({ ...filters, pageSize: PAGE_SIZE }).filter(([, value]) => value !== undefined),
    );
    try {
      const [page, summary] = await Promise.all([
        get<SmsReceiptPage>(`/${PLUGIN_ID}/sms/receipts`, { params }),
        get<SmsSummary>(`/${PLUGIN_ID}/sms/summary`),
      ]);
      setState({ kind: 'ready', page: page.data, summary: summary.data });
    } catch {
      setState({ kind: 'error' });
    }
  }, [filters, get]);

  useEffect(() => {
    void load();
  }, [load]);

  const open = async (id: number) => {
    setDetail('loading');
    try {
      setDetail((await get<SmsReceiptDetail>(`/${PLUGIN_ID}/sms/receipts/${id}`)).data);
    } catch {
      setDetail('error');
    }
  };

  const when = (value: string | null) => (value ? formatDate(value, { dateStyle: 'short', timeStyle: 'short' }) : '—');
  const status = (value: SmsStatus) => (
    <Badge variant={STATUS_VARIANT[value]} size="S">
      {t(`sms.status.${value}`)}
    </Badge>
  );

  return (
    <Page.Main>
      <Page.Title>{t('sms.title')}</Page.Title>
      <Layouts.Header title={t('sms.title')} subtitle={t('sms.subtitle')} />
      <Layouts.Content>
        {state.kind === 'loading' && <Page.Loading>{t('sms.loading')}</Page.Loading>}
        {state.kind === 'error' && (
          <Page.Error
            content={t('sms.error')}
            action={
              <Button variant="secondary" onClick={() => void load()}>
                {t('overview.retry')}
              </Button>
            }
          />
        )}
        {state.kind === 'ready' && (
          <>
            {state.summary.provider === 'console' && (
              <Box background="warning100" borderColor="warning200" hasRadius padding={4} marginBottom={4}>
                <Typography>{t('sms.demo')}</Typography>
              </Box>
            )}
            <Grid.Root gap={4} marginBottom={6}>
              <Grid.Item col={3} s={6} xs={12}>
                <Figure label={t('sms.month.messages')} value={formatNumber(state.summary.month.messages)} />
              </Grid.Item>
              <Grid.Item col={3} s={6} xs={12}>
                <Figure label={t('sms.month.segments')} value={formatNumber(state.summary.month.segments)} />
              </Grid.Item>
              <Grid.Item col={3} s={6} xs={12}>
                <Figure label={t('sms.month.credits')} value={formatNumber(state.summary.month.credits)} />
              </Grid.Item>
              <Grid.Item col={3} s={6} xs={12}>
                <Figure
                  label={t('sms.creditsLeft')}
                  value={state.summary.creditsLeft === null ? '—' : formatNumber(state.summary.creditsLeft)}
                  hint={t(state.summary.provider === 'console' ? 'sms.provider.console' : 'sms.provider.ovh')}
                />
              </Grid.Item>
            </Grid.Root>

            <Flex gap={4} alignItems="flex-end" wrap="wrap" paddingBottom={4}>
              <Field.Root name="status" width="260px">
                <Field.Label>{t('sms.filter.status')}</Field.Label>
                <SingleSelect
                  value={filters.status ?? ''}
                  onChange={(value: string | number) =>
                    setFilters({ page: 1, status: (String(value) || undefined) as SmsStatus | undefined })
                  }
                  placeholder={t('sms.filter.all')}
                  onClear={() => setFilters({ page: 1 })}
                >
                  {SMS_STATUSES.map((value) => (
                    <SingleSelectOption key={value} value={value}>
                      {t(`sms.status.${value}`)}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Flex>

            {state.page.results.length === 0 ? (
              <EmptyStateLayout content={t('sms.empty')} />
            ) : (
              <>
                <Table colCount={7} rowCount={state.page.results.length + 1}>
                  <Thead>
                    <Tr>
                      {['when', 'to', 'centre', 'status', 'segments', 'credits', 'open'].map((column) => (
                        <Th key={column}>
                          <Typography variant="sigma">{t(`sms.column.${column}`)}</Typography>
                        </Th>
                      ))}
                    </Tr>
                  </Thead>
                  <Tbody>
                    {state.page.results.map((row) => (
                      <Tr key={row.id}>
                        <Td>
                          <Typography>{when(row.createdAt)}</Typography>
                        </Td>
                        <Td>
                          <Typography>{row.to ?? t('sms.anonymised')}</Typography>
                        </Td>
                        <Td>
                          <Typography>{row.centre?.name ?? '—'}</Typography>
                        </Td>
                        <Td>
                          <Flex direction="column" alignItems="flex-start" gap={1}>
                            {status(row.status)}
                            {row.error && (
                              <Typography variant="pi" textColor="neutral600">
                                {row.error}
                              </Typography>
                            )}
                          </Flex>
                        </Td>
                        <Td>
                          <Typography>{row.segments}</Typography>
                        </Td>
                        <Td>
                          <Typography>{formatNumber(row.credits)}</Typography>
                        </Td>
                        <Td>
                          <TextButton onClick={() => void open(row.id)}>{t('sms.open')}</TextButton>
                        </Td>
                      </Tr>
                    ))}
                  </Tbody>
                </Table>
                <ListPager
                  pagination={state.page.pagination}
                  summaryKey="sms.pagination"
                  onPage={(page) => setFilters((current) => ({ ...current, page }))}
                />
              </>
            )}
          </>
        )}

        <Modal.Root open={detail !== null} onOpenChange={(isOpen: boolean) => !isOpen && setDetail(null)}>
          <Modal.Content>
            <Modal.Header closeLabel={t('sms.close')}>
              <Modal.Title>{t('sms.detail.title')}</Modal.Title>
            </Modal.Header>
            <Modal.Body>
              {detail === 'loading' && <Page.Loading>{t('sms.loading')}</Page.Loading>}
              {detail === 'error' && <Typography>{t('sms.detail.error')}</Typography>}
              {detail !== null && typeof detail === 'object' && (
                <>
                  <Line label={t('sms.detail.to')}>{detail.phone ?? t('sms.anonymised')}</Line>
                  <Line label={t('sms.detail.body')}>
                    <Box background="neutral100" hasRadius padding={3}>
                      <Typography style={{ whiteSpace: 'pre-wrap' }}>{detail.body ?? t('sms.anonymised')}</Typography>
                    </Box>
                  </Line>
                  <Line label={t('sms.column.status')}>
                    {status(detail.status)} {detail.error ?? ''}
                  </Line>
                  <Line label={t('sms.detail.parts')}>
                    {t('sms.detail.partsValue', {
                      segments: detail.segments,
                      credits: detail.credits,
                      encoding: detail.encoding ?? '—',
                    })}
                  </Line>
                  <Line label={t('sms.detail.sender')}>{detail.sender ?? '—'}</Line>
                  <Line label={t('sms.detail.dates')}>
                    {t('sms.detail.datesValue', {
                      created: when(detail.createdAt),
                      sent: when(detail.sentAt),
                      delivered: when(detail.deliveredAt),
                    })}
                  </Line>
                  {detail.deliveryReport.code && (
                    <Line label={t('sms.detail.report')}>
                      {[detail.deliveryReport.code, detail.deliveryReport.description, when(detail.deliveryReport.at)]
                        .filter(Boolean)
                        .join(' · ')}
                    </Line>
                  )}
                  <Line label={t('sms.detail.tag')}>{detail.tag}</Line>
                </>
              )}
            </Modal.Body>
            <Modal.Footer>
              <Modal.Close>
                <Button variant="tertiary">{t('sms.close')}</Button>
              </Modal.Close>
            </Modal.Footer>
          </Modal.Content>
        </Modal.Root>
      </Layouts.Content>
    </Page.Main>
  );
};

const SmsPage = () => (
  <Page.Protect permissions={[{ action: ACTIONS.readSms, subject: null }]}>
    <Sms />
  </Page.Protect>
);

export default SmsPage;
