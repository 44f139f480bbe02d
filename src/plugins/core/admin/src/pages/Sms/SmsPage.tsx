import { useState } from 'react';
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
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import {
  SMS_STATUSES,
  type SmsReceiptDetail,
  type SmsReceiptPage,
  type SmsReceiptQuery,
  type SmsReceiptRow,
  type SmsStatus,
  type SmsSummary,
} from '../../../../shared/contracts/sms';
import { ACTIONS } from '../../../../shared/permissions';
import { PLUGIN_ID } from '../../pluginId';
import { ListHead, ListPager, LoadError, usePagedList } from '../../toolkit';

const PAGE_SIZE = 25;

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
  const [filters, setFilters] = useState<Omit<SmsReceiptQuery, 'page' | 'pageSize'>>({});
  const [detail, setDetail] = useState<SmsReceiptDetail | 'loading' | 'error' | null>(null);
  const list = usePagedList<SmsReceiptRow, SmsReceiptPage, SmsSummary>(`/${PLUGIN_ID}/sms/receipts`, filters, {
    pageSize: PAGE_SIZE,
    summaryUrl: `/${PLUGIN_ID}/sms/summary`,
    error: t('sms.error'),
  });
  const summary = list.body ? list.summary : null;

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
        {list.loading && <Page.Loading>{t('sms.loading')}</Page.Loading>}
        {list.error && <LoadError message={list.error} onRetry={() => void list.reload()} />}
        {list.pagination && summary && (
          <>
            {summary.provider === 'console' && (
              <Box background="warning100" borderColor="warning200" hasRadius padding={4} marginBottom={4}>
                <Typography>{t('sms.demo')}</Typography>
              </Box>
            )}
            <Grid.Root gap={4} marginBottom={6}>
              <Grid.Item col={3} s={6} xs={12}>
                <Figure label={t('sms.month.messages')} value={formatNumber(summary.month.messages)} />
              </Grid.Item>
              <Grid.Item col={3} s={6} xs={12}>
                <Figure label={t('sms.month.segments')} value={formatNumber(summary.month.segments)} />
              </Grid.Item>
              <Grid.Item col={3} s={6} xs={12}>
                <Figure label={t('sms.month.credits')} value={formatNumber(summary.month.credits)} />
              </Grid.Item>
              <Grid.Item col={3} s={6} xs={12}>
                <Figure
                  label={t('sms.creditsLeft')}
                  value={summary.creditsLeft === null ? '—' : formatNumber(summary.creditsLeft)}
                  hint={t(summary.provider === 'console' ? 'sms.provider.console' : 'sms.provider.ovh')}
                />
              </Grid.Item>
            </Grid.Root>

            <Flex gap={4} alignItems="flex-end" wrap="wrap" paddingBottom={4}>
              <Field.Root name="status" width="260px">
                <Field.Label>{t('sms.filter.status')}</Field.Label>
                <SingleSelect
                  value={filters.status ?? ''}
                  onChange={(value: string | number) =>
                    setFilters({ status: (String(value) || undefined) as SmsStatus | undefined })
                  }
                  placeholder={t('sms.filter.all')}
                  onClear={() => setFilters({})}
                >
                  {SMS_STATUSES.map((value) => (
                    <SingleSelectOption key={value} value={value}>
                      {t(`sms.status.${value}`)}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Flex>

            {list.rows.length === 0 ? (
              <EmptyStateLayout content={t('sms.empty')} />
            ) : (
              <>
                <Table colCount={7} rowCount={list.rows.length + 1}>
                  <ListHead
                    columns={['when', 'to', 'centre', 'status', 'segments', 'credits', 'open'].map((column) =>
                      t(`sms.column.${column}`),
                    )}
                  />
                  <Tbody>
                    {list.rows.map((row) => (
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
                <ListPager pagination={list.pagination} summaryKey="sms.pagination" onPage={list.setPage} />
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
