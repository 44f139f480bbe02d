import { useState } from 'react';
import { useIntl } from 'react-intl';
import {
  Alert,
  Badge,
  Box,
  Button,
  Dialog,
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
import { Layouts, Page, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import {
  JOB_STATUSES,
  type JobDetail,
  type JobPage,
  type JobQuery,
  type JobStatus,
  type JobView,
  type OutboxSummary,
} from '../../../../shared/contracts/outbox';
import { ACTIONS } from '../../../../shared/permissions';
import { PLUGIN_ID } from '../../pluginId';
import { ListHead, ListPager, LoadError, messageOf, usePagedList } from '../../toolkit';

const PAGE_SIZE = 25;
/** The order staff read the counters in: what needs them first. */
const COUNTED: JobStatus[] = ['dead', 'retrying', 'running', 'pending', 'expired', 'done', 'discarded'];
const BADGE: Record<JobStatus, 'success' | 'primary' | 'danger' | 'warning' | 'neutral' | 'secondary'> = {
  pending: 'secondary',
  running: 'primary',
  retrying: 'warning',
  dead: 'danger',
  expired: 'neutral',
  done: 'success',
  discarded: 'neutral',
};

const Outbox = () => {
  const { formatMessage, formatDate } = useIntl();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const {
    allowedActions: { canManage },
  } = useRBAC({ manage: [{ action: ACTIONS.manageOutbox, subject: null }] });
  const t = (key: string, values?: Record<string, string | number>) =>
    formatMessage({ id: `${PLUGIN_ID}.${key}`, defaultMessage: key }, values);
  const when = (iso: string | null) => (iso ? formatDate(iso, { dateStyle: 'short', timeStyle: 'short' }) : '—');

  const [filters, setFilters] = useState<Omit<JobQuery, 'page' | 'pageSize'>>({});
  const [detail, setDetail] = useState<JobDetail | null>(null);
  const [busy, setBusy] = useState(false);
  const list = usePagedList<JobView, JobPage, OutboxSummary>(`/${PLUGIN_ID}/outbox/jobs`, filters, {
    pageSize: PAGE_SIZE,
    summaryUrl: `/${PLUGIN_ID}/outbox/summary`,
    error: t('outbox.error'),
  });
  const { summary } = list;

  const setFilter = (key: 'status' | 'name', value: string | undefined) =>
    setFilters((current) => ({ ...current, [key]: value || undefined }));

  const open = async (job: JobView) => {
    try {
      setDetail((await get<JobDetail>(`/${PLUGIN_ID}/outbox/jobs/${job.id}`)).data);
    } catch (error) {
      toggleNotification({ type: 'danger', message: messageOf(error, t('outbox.error')) });
    }
  };

  const act = async (action: 'retry' | 'discard') => {
    if (!detail) return;
    setBusy(true);
    try {
      const { data } = await post<JobDetail>(`/${PLUGIN_ID}/outbox/jobs/${detail.id}/${action}`);
      setDetail(data);
      toggleNotification({ type: 'success', message: t(`outbox.${action}.done`) });
      void list.reload();
    } catch (error) {
      toggleNotification({ type: 'danger', message: messageOf(error, t('outbox.error')) });
    } finally {
      setBusy(false);
    }
  };

  const nameOf = (job: JobView) => job.label ?? job.name;

  const confirmButton = (action: 'retry' | 'discard') => (
    <Dialog.Root>
      <Dialog.Trigger>
        <Button variant={action === 'retry' ? 'default' : 'danger-light'} loading={busy}>
          {t(`outbox.${action}`)}
        </Button>
      </Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>{t(`outbox.${action}.title`)}</Dialog.Header>
        <Dialog.Body>
          <Typography>{t(`outbox.${action}.warning`, { name: detail ? nameOf(detail) : '' })}</Typography>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button variant="tertiary">{t('outbox.cancel')}</Button>
          </Dialog.Cancel>
          <Dialog.Action>
            <Button variant={action === 'retry' ? 'default' : 'danger'} onClick={() => void act(action)}>
              {t(`outbox.${action}.confirm`)}
            </Button>
          </Dialog.Action>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );

  return (
    <Page.Main>
      <Page.Title>{t('outbox.title')}</Page.Title>
      <Layouts.Header title={t('outbox.title')} subtitle={t('outbox.subtitle')} />
      <Layouts.Content>
        {summary && !summary.worker && (
          <Box paddingBottom={4}>
            <Alert variant="warning" title={t('outbox.worker.off.title')} closeLabel={t('outbox.close')}>
              {t('outbox.worker.off')}
            </Alert>
          </Box>
        )}

        {summary && (
          <Grid.Root gap={3} paddingBottom={6}>
            {COUNTED.map((status) => (
              <Grid.Item key={status} col={3} s={6} xs={12}>
                <Box
                  tag="button"
                  type="button"
                  width="100%"
                  height="100%"
                  padding={4}
                  hasRadius
                  background={filters.status === status ? 'primary100' : 'neutral0'}
                  shadow="tableShadow"
                  borderColor={filters.status === status ? 'primary600' : 'neutral150'}
                  borderStyle="solid"
                  borderWidth="1px"
                  aria-pressed={filters.status === status}
                  onClick={() => setFilter('status', filters.status === status ? undefined : status)}
                  style={{ cursor: 'pointer', textAlign: 'left' }}
                >
                  <Flex direction="column" alignItems="flex-start" gap={1}>
                    <Typography variant="alpha" tag="span">
                      {summary.counts[status]}
                    </Typography>
                    <Typography variant="omega" textColor="neutral600" tag="span">
                      {t(`outbox.count.${status}`)}
                    </Typography>
                  </Flex>
                </Box>
              </Grid.Item>
            ))}
          </Grid.Root>
        )}

        <Flex gap={4} alignItems="flex-end" wrap="wrap" paddingBottom={4}>
          <Field.Root name="status" width="260px">
            <Field.Label>{t('outbox.filter.status')}</Field.Label>
            <SingleSelect
              value={filters.status ?? ''}
              onChange={(value: string | number) => setFilter('status', String(value))}
              placeholder={t('outbox.filter.all')}
              onClear={() => setFilter('status', undefined)}
            >
              {JOB_STATUSES.map((status) => (
                <SingleSelectOption key={status} value={status}>
                  {t(`outbox.status.${status}`)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
          <Field.Root name="name" width="320px">
            <Field.Label>{t('outbox.filter.name')}</Field.Label>
            <SingleSelect
              value={filters.name ?? ''}
              onChange={(value: string | number) => setFilter('name', String(value))}
              placeholder={t('outbox.filter.allNames')}
              onClear={() => setFilter('name', undefined)}
            >
              {(summary?.names ?? []).map(({ name, label }) => (
                <SingleSelectOption key={name} value={name}>
                  {label}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
          <Button variant="secondary" onClick={() => void list.reload()}>
            {t('outbox.refresh')}
          </Button>
        </Flex>

        {list.loading && <Page.Loading>{t('outbox.loading')}</Page.Loading>}
        {list.error && <LoadError message={list.error} onRetry={() => void list.reload()} />}
        {list.pagination && list.rows.length === 0 && <EmptyStateLayout content={t('outbox.empty')} />}
        {list.pagination && list.rows.length > 0 && (
          <>
            <Table colCount={5} rowCount={list.rows.length + 1}>
              <ListHead
                columns={['job', 'status', 'runAt', 'attempts', 'centre'].map((column) => t(`outbox.column.${column}`))}
              />
              <Tbody>
                {list.rows.map((job) => (
                  <Tr key={job.id}>
                    <Td>
                      <TextButton onClick={() => void open(job)}>
                        {nameOf(job)} · n° {job.id}
                      </TextButton>
                    </Td>
                    <Td>
                      <Badge variant={BADGE[job.status]}>{t(`outbox.status.${job.status}`)}</Badge>
                    </Td>
                    <Td>
                      <Typography>{when(job.runAt)}</Typography>
                    </Td>
                    <Td>
                      <Typography>
                        {job.attempts} / {job.maxAttempts}
                      </Typography>
                    </Td>
                    <Td>
                      <Typography>{job.centre?.name ?? t('outbox.centre.none')}</Typography>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
            <ListPager pagination={list.pagination} summaryKey="outbox.pagination" onPage={list.setPage} />
          </>
        )}

        <Modal.Root open={detail !== null} onOpenChange={(isOpen: boolean) => !isOpen && setDetail(null)}>
          {detail && (
            <Modal.Content>
              <Modal.Header>
                <Modal.Title>
                  {nameOf(detail)} · n° {detail.id}
                </Modal.Title>
              </Modal.Header>
              <Modal.Body>
                <Flex direction="column" alignItems="stretch" gap={4}>
                  <Flex gap={2}>
                    <Badge variant={BADGE[detail.status]}>{t(`outbox.status.${detail.status}`)}</Badge>
                    <Typography textColor="neutral600">{detail.name}</Typography>
                  </Flex>
                  <Grid.Root gap={3}>
                    {(
                      [
                        ['centre', detail.centre?.name ?? t('outbox.centre.none')],
                        ['attempts', `${detail.attempts} / ${detail.maxAttempts}`],
                        ['createdAt', when(detail.createdAt)],
                        ['runAt', when(detail.runAt)],
                        ['expiresAt', when(detail.expiresAt)],
                        ['finishedAt', when(detail.finishedAt)],
                        ['updatedAt', when(detail.updatedAt)],
                        ['key', detail.idempotencyKey ?? '—'],
                      ] as const
                    ).map(([key, value]) => (
                      <Grid.Item key={key} col={6} xs={12} direction="column" alignItems="flex-start">
                        <Typography variant="sigma" textColor="neutral600">
                          {t(`outbox.detail.${key}`)}
                        </Typography>
                        <Typography>{value}</Typography>
                      </Grid.Item>
                    ))}
                  </Grid.Root>
                  {Object.keys(detail.fields).length > 0 && (
                    <Box>
                      <Typography variant="sigma" textColor="neutral600">
                        {t('outbox.detail.fields')}
                      </Typography>
                      {Object.entries(detail.fields).map(([field, value]) => (
                        <Typography key={field} tag="p">
                          {field} : {String(value)}
                        </Typography>
                      ))}
                    </Box>
                  )}
                  <Box>
                    <Typography variant="sigma" textColor="neutral600">
                      {t('outbox.detail.lastError')}
                    </Typography>
                    <Box padding={3} background="neutral100" hasRadius marginTop={1}>
                      <Typography tag="p" style={{ whiteSpace: 'pre-wrap' }}>
                        {detail.lastError ?? t('outbox.detail.noError')}
                      </Typography>
                    </Box>
                  </Box>
                  {detail.status === 'dead' && <Typography>{t('outbox.dead.help')}</Typography>}
                </Flex>
              </Modal.Body>
              <Modal.Footer>
                <Modal.Close>
                  <Button variant="tertiary">{t('outbox.close')}</Button>
                </Modal.Close>
                {detail.status === 'dead' && canManage && (
                  <Flex gap={2}>
                    {confirmButton('discard')}
                    {confirmButton('retry')}
                  </Flex>
                )}
              </Modal.Footer>
            </Modal.Content>
          )}
        </Modal.Root>
      </Layouts.Content>
    </Page.Main>
  );
};

const OutboxPage = () => (
  <Page.Protect permissions={[{ action: ACTIONS.readOutbox, subject: null }]}>
    <Outbox />
  </Page.Protect>
);

export default OutboxPage;
