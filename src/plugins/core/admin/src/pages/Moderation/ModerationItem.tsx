import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link as RouterLink, useNavigate, useParams } from 'react-router-dom';
import {
  Badge,
  Box,
  Button,
  Dialog,
  EmptyStateLayout,
  Field,
  Flex,
  Link,
  Table,
  Tbody,
  Td,
  Textarea,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import {
  BackButton,
  Layouts,
  Page,
  isFetchError,
  useFetchClient,
  useNotification,
  useRBAC,
} from '@strapi/strapi/admin';
import type {
  DecisionRequest,
  ModerationDecision,
  ModerationItemDetail,
} from '../../../../shared/contracts/moderation';
import { ACTIONS } from '../../../../shared/permissions';
import { PLUGIN_ID } from '../../pluginId';
import { effectKey, notifies, REASON_VARIANTS, shown, STATUS_VARIANTS } from './labels';
import { MODERATION_BASE } from './ModerationQueue';
import { messageOf } from '../../toolkit/errors';
import { LoadError } from '../../components/LoadError';

type State =
  { kind: 'loading' } | { kind: 'error' } | { kind: 'missing' } | { kind: 'ready'; item: ModerationItemDetail };

const DECISIONS: { decision: ModerationDecision; variant: 'success' | 'danger' | 'secondary' }[] = [
  { decision: 'accept', variant: 'success' },
  { decision: 'request-changes', variant: 'secondary' },
  { decision: 'refuse', variant: 'danger' },
];

export const ModerationItem = () => {
  const { formatMessage, formatDate } = useIntl();
  const { id } = useParams();
  const navigate = useNavigate();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const {
    allowedActions: { canDecide },
  } = useRBAC([{ action: ACTIONS.decideModeration, subject: null }] as never);
  const t = (key: string, values?: Record<string, string | number>) =>
    formatMessage({ id: `${PLUGIN_ID}.${key}`, defaultMessage: key }, values);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [open, setOpen] = useState<ModerationDecision | null>(null);
  const [message, setMessage] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    try {
      const { data } = await get<ModerationItemDetail>(`/${PLUGIN_ID}/moderation/${id}`);
      setState({ kind: 'ready', item: data });
    } catch (error) {
      setState({ kind: isFetchError(error) && error.status === 404 ? 'missing' : 'error' });
    }
  }, [get, id]);

  useEffect(() => {
    void load();
  }, [load]);

  const openDialog = (decision: ModerationDecision | null) => {
    setOpen(decision);
    setMessage('');
    setNote('');
  };

  const confirm = async () => {
    if (!open) return;
    setBusy(true);
    const body: DecisionRequest = {
      decision: open,
      ...(message.trim() ? { message } : {}),
      ...(note.trim() ? { note } : {}),
    };
    try {
      await post(`/${PLUGIN_ID}/moderation/${id}/decision`, body);
      toggleNotification({ type: 'success', message: t(`moderation.done.${open}`) });
      openDialog(null);
      navigate(MODERATION_BASE);
    } catch (error) {
      toggleNotification({ type: 'danger', message: messageOf(error, t('moderation.decision.error')) });
    } finally {
      setBusy(false);
    }
  };

  const item = state.kind === 'ready' ? state.item : null;
  const value = (raw: unknown) => shown(raw, t('moderation.yes'), t('moderation.no'), t('moderation.empty.value'));
  const comparing = item?.kind === 'edit';
  const messageRequired = open === 'refuse' || open === 'request-changes';

  return (
    <Page.Main>
      <Page.Title>{item?.title || t('moderation.title')}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={MODERATION_BASE} />}
        title={item ? item.title || t('moderation.untitled') : t('moderation.title')}
        subtitle={
          item
            ? [item.type.label, item.centre?.name, t(`moderation.kind.${item.kind}`)].filter(Boolean).join(' · ')
            : undefined
        }
        primaryAction={
          item?.status === 'pending' && canDecide ? (
            <Flex gap={2}>
              {DECISIONS.map(({ decision, variant }) => (
                <Button key={decision} variant={variant} onClick={() => openDialog(decision)}>
                  {t(`moderation.decision.${decision}`)}
                </Button>
              ))}
            </Flex>
          ) : undefined
        }
      />
      <Layouts.Content>
        {state.kind === 'loading' && <Page.Loading>{t('moderation.loading')}</Page.Loading>}
        {state.kind === 'error' && <LoadError message={t('moderation.error')} onRetry={() => void load()} />}
        {state.kind === 'missing' && <EmptyStateLayout content={t('moderation.missing')} />}
        {item && (
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
              <Flex gap={1} wrap="wrap" paddingBottom={4}>
                {item.status === 'pending' ? (
                  item.reasons.map((reason) => (
                    <Badge key={reason} variant={REASON_VARIANTS[reason]}>
                      {t(`moderation.reason.${reason}`)}
                    </Badge>
                  ))
                ) : (
                  <Badge variant={STATUS_VARIANTS[item.status]}>{t(`moderation.status.${item.status}`)}</Badge>
                )}
              </Flex>
              <Flex direction="column" alignItems="stretch" gap={2} tag="dl">
                {(
                  [
                    ['moderation.info.received', formatDate(item.createdAt, { dateStyle: 'long', timeStyle: 'short' })],
                    ['moderation.info.mode', t(`moderation.mode.${item.mode}`)],
                    [
                      'moderation.info.online',
                      item.published
                        ? t('moderation.online.yes')
                        : item.hiddenByReports
                          ? t('moderation.online.hidden')
                          : t('moderation.online.no'),
                    ],
                    ['moderation.info.submitter', item.submitterEmail ?? t('moderation.submitter.unknown')],
                  ] as const
                ).map(([key, text]) => (
                  <Flex key={key} gap={2} alignItems="baseline">
                    <Typography tag="dt" fontWeight="bold">
                      {t(key)}
                    </Typography>
                    <Typography tag="dd">{text}</Typography>
                  </Flex>
                ))}
              </Flex>
            </Box>

            {item.decision && (
              <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
                <Typography variant="delta" tag="h2">
                  {t('moderation.decision.title')}
                </Typography>
                <Box paddingTop={2}>
                  <Typography>
                    {t('moderation.decision.by', {
                      status: t(`moderation.status.${item.status}`),
                      by: item.decision.by ?? t('moderation.decision.someone'),
                      at: formatDate(item.decision.at, { dateStyle: 'long', timeStyle: 'short' }),
                    })}
                  </Typography>
                  {item.decision.message && (
                    <Box paddingTop={2} style={{ whiteSpace: 'pre-wrap' }}>
                      <Typography fontWeight="bold">{t('moderation.decision.sent')}</Typography>{' '}
                      <Typography>{item.decision.message}</Typography>
                    </Box>
                  )}
                  {item.decision.note && (
                    <Box paddingTop={2} style={{ whiteSpace: 'pre-wrap' }}>
                      <Typography fontWeight="bold">{t('moderation.decision.note')}</Typography>{' '}
                      <Typography>{item.decision.note}</Typography>
                    </Box>
                  )}
                </Box>
              </Box>
            )}

            <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
              <Typography variant="delta" tag="h2">
                {comparing ? t('moderation.changes.title') : t('moderation.content.title')}
              </Typography>
              <Box paddingTop={4}>
                <Table colCount={comparing ? 3 : 2} rowCount={item.changes.length + 1}>
                  <Thead>
                    <Tr>
                      <Th>
                        <Typography variant="sigma">{t('moderation.column.field')}</Typography>
                      </Th>
                      {comparing && (
                        <Th>
                          <Typography variant="sigma">{t('moderation.column.before')}</Typography>
                        </Th>
                      )}
                      <Th>
                        <Typography variant="sigma">
                          {comparing ? t('moderation.column.after') : t('moderation.column.value')}
                        </Typography>
                      </Th>
                    </Tr>
                  </Thead>
                  <Tbody>
                    {item.changes.map((change) => (
                      <Tr key={change.field}>
                        <Td>
                          <Flex direction="column" alignItems="flex-start" gap={1}>
                            <Typography fontWeight="bold">{change.label}</Typography>
                            {comparing && change.changed && (
                              <Badge variant="secondary">{t('moderation.changed')}</Badge>
                            )}
                            {change.changedSinceProposal && (
                              <Badge variant="warning">{t('moderation.changedSinceProposal')}</Badge>
                            )}
                          </Flex>
                        </Td>
                        {comparing && (
                          <Td style={{ whiteSpace: 'pre-wrap', verticalAlign: 'top' }}>
                            <Typography textColor={change.changed ? 'danger700' : 'neutral800'}>
                              {value(change.before)}
                            </Typography>
                          </Td>
                        )}
                        <Td style={{ whiteSpace: 'pre-wrap', verticalAlign: 'top' }}>
                          <Typography textColor={comparing && change.changed ? 'success700' : 'neutral800'}>
                            {value(change.after)}
                          </Typography>
                        </Td>
                      </Tr>
                    ))}
                  </Tbody>
                </Table>
              </Box>
            </Box>

            {item.hints.length > 0 && (
              <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
                <Typography variant="delta" tag="h2">
                  {t('moderation.hints.title')}
                </Typography>
                <Flex direction="column" alignItems="stretch" gap={2} paddingTop={4} tag="ul">
                  {item.hints.map((hint, index) => (
                    <Box
                      key={index}
                      tag="li"
                      padding={3}
                      hasRadius
                      background={hint.level === 'warning' ? 'warning100' : 'neutral100'}
                    >
                      <Typography fontWeight="bold">{hint.label}</Typography>
                      <Typography> : {hint.value}</Typography>
                    </Box>
                  ))}
                </Flex>
              </Box>
            )}

            {item.reports.length > 0 && (
              <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
                <Typography variant="delta" tag="h2">
                  {t('moderation.reports.title', { count: item.reports.length })}
                </Typography>
                <Flex direction="column" alignItems="stretch" gap={3} paddingTop={4} tag="ul">
                  {item.reports.map((report, index) => (
                    <Box key={index} tag="li" padding={3} background="neutral100" hasRadius>
                      <Typography fontWeight="bold">{t(`moderation.report.${report.reason}`)}</Typography>
                      <Typography textColor="neutral600">
                        {' · '}
                        {formatDate(report.at, { dateStyle: 'short', timeStyle: 'short' })}
                      </Typography>
                      {report.text && (
                        <Box paddingTop={1} style={{ whiteSpace: 'pre-wrap' }}>
                          <Typography>{report.text}</Typography>
                        </Box>
                      )}
                    </Box>
                  ))}
                </Flex>
              </Box>
            )}

            {item.duplicates.length > 0 && (
              <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
                <Typography variant="delta" tag="h2">
                  {t('moderation.duplicates.title')}
                </Typography>
                <Flex direction="column" alignItems="flex-start" gap={2} paddingTop={4} tag="ul">
                  {item.duplicates.map((other) => (
                    <li key={other.id}>
                      <Link tag={RouterLink} to={`${MODERATION_BASE}/${other.id}`}>
                        {other.title || t('moderation.untitled')}
                      </Link>{' '}
                      <Badge variant={STATUS_VARIANTS[other.status]}>{t(`moderation.status.${other.status}`)}</Badge>
                    </li>
                  ))}
                </Flex>
              </Box>
            )}
          </Flex>
        )}

        {item && (
          <Dialog.Root open={open !== null} onOpenChange={(isOpen: boolean) => !isOpen && openDialog(null)}>
            {open && (
              <Dialog.Content>
                <Dialog.Header>{t(`moderation.dialog.${open}.title`)}</Dialog.Header>
                <Dialog.Body>
                  <Flex direction="column" alignItems="stretch" gap={4} width="100%">
                    <Typography>{t(effectKey(open, item))}</Typography>
                    <Box
                      padding={3}
                      hasRadius
                      background={notifies(open, item) ? 'primary100' : 'warning100'}
                      borderColor={notifies(open, item) ? 'primary200' : 'warning200'}
                    >
                      <Typography>
                        {notifies(open, item)
                          ? t('moderation.dialog.notified')
                          : item.submitterEmail
                            ? t('moderation.dialog.notNotified')
                            : t('moderation.dialog.noAddress')}
                      </Typography>
                    </Box>
                    <Field.Root name="message" required={messageRequired} hint={t(`moderation.dialog.${open}.hint`)}>
                      <Field.Label>{t(`moderation.dialog.${open}.message`)}</Field.Label>
                      <Textarea
                        value={message}
                        onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setMessage(event.target.value)}
                      />
                      <Field.Hint />
                    </Field.Root>
                    <Field.Root name="note" hint={t('moderation.dialog.note.hint')}>
                      <Field.Label>{t('moderation.dialog.note')}</Field.Label>
                      <Textarea
                        value={note}
                        onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setNote(event.target.value)}
                      />
                      <Field.Hint />
                    </Field.Root>
                  </Flex>
                </Dialog.Body>
                <Dialog.Footer>
                  <Dialog.Cancel>
                    <Button variant="tertiary">{t('moderation.dialog.cancel')}</Button>
                  </Dialog.Cancel>
                  <Button
                    variant={DECISIONS.find((entry) => entry.decision === open)?.variant ?? 'default'}
                    loading={busy}
                    disabled={messageRequired && !message.trim()}
                    onClick={() => void confirm()}
                  >
                    {t(`moderation.dialog.${open}.confirm`)}
                  </Button>
                </Dialog.Footer>
              </Dialog.Content>
            )}
          </Dialog.Root>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
