import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link as RouterLink, useParams } from 'react-router-dom';
import {
  Alert,
  Box,
  Button,
  EmptyStateLayout,
  Flex,
  Link,
  Table,
  Tbody,
  Td,
  Tr,
  Typography,
} from '@strapi/design-system';
import { BackButton, Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import type { CapturedEmailPage, CapturedEmailSummary, CapturedEmailView } from '../../../../shared/contracts/mail';
import { ACTIONS } from '../../../../shared/permissions';
import { PLUGIN_ID } from '../../pluginId';
import { ListHead, ListPager, LoadError, usePagedList } from '../../toolkit';

const PAGE_SIZE = 25;
const BASE = `/plugins/${PLUGIN_ID}/e-mails`;

type Load<T> = { kind: 'loading' } | { kind: 'error' } | { kind: 'missing' } | { kind: 'ready'; data: T };

const useT = () => {
  const { formatMessage } = useIntl();
  return (key: string, values?: Record<string, string | number>) =>
    formatMessage({ id: `${PLUGIN_ID}.${key}`, defaultMessage: key }, values);
};

const MailList = () => {
  const t = useT();
  const { formatDate } = useIntl();
  const [explained, setExplained] = useState(false);
  const list = usePagedList<CapturedEmailSummary, CapturedEmailPage>(
    `/${PLUGIN_ID}/e-mails`,
    {},
    {
      pageSize: PAGE_SIZE,
      error: t('mail.error'),
    },
  );
  const mode = list.body?.mode;

  return (
    <Page.Main>
      <Page.Title>{t('mail.title')}</Page.Title>
      <Layouts.Header title={t('mail.title')} subtitle={t('mail.subtitle')} />
      <Layouts.Content>
        {mode === 'capture' && !explained && (
          <Box paddingBottom={4}>
            <Alert
              closeLabel={t('mail.close')}
              title={t('mail.capture.title')}
              variant="default"
              onClose={() => setExplained(true)}
            >
              {t('mail.capture.explanation')}
            </Alert>
          </Box>
        )}
        {list.loading && <Page.Loading>{t('mail.loading')}</Page.Loading>}
        {list.error && <LoadError message={list.error} onRetry={() => void list.reload()} />}
        {list.pagination && list.rows.length === 0 && (
          <EmptyStateLayout content={mode === 'capture' ? t('mail.empty.capture') : t('mail.empty.smtp')} />
        )}
        {list.pagination && list.rows.length > 0 && (
          <>
            <Table colCount={4} rowCount={list.rows.length + 1}>
              <ListHead
                columns={[
                  t('mail.column.when'),
                  t('mail.column.subject'),
                  t('mail.column.to'),
                  t('mail.column.centre'),
                ]}
              />
              <Tbody>
                {list.rows.map((message) => (
                  <Tr key={message.id}>
                    <Td>
                      <Typography>{formatDate(message.at, { dateStyle: 'short', timeStyle: 'short' })}</Typography>
                    </Td>
                    <Td>
                      <Link tag={RouterLink} to={`${BASE}/${message.id}`}>
                        {message.subject || t('mail.noSubject')}
                      </Link>
                    </Td>
                    <Td>
                      <Typography>{message.to}</Typography>
                    </Td>
                    <Td>
                      <Typography>{message.centre?.name ?? '—'}</Typography>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
            <ListPager pagination={list.pagination} summaryKey="mail.pagination" onPage={list.setPage} />
          </>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

const MailMessage = () => {
  const t = useT();
  const { formatDate } = useIntl();
  const { id } = useParams();
  const { get } = useFetchClient();
  const [state, setState] = useState<Load<CapturedEmailView>>({ kind: 'loading' });
  const [showHtml, setShowHtml] = useState(false);

  useEffect(() => {
    let live = true;
    get<CapturedEmailView>(`/${PLUGIN_ID}/e-mails/${id}`).then(
      ({ data }) => live && setState({ kind: 'ready', data }),
      (error: { status?: number; response?: { status?: number } }) =>
        live && setState({ kind: (error.response?.status ?? error.status) === 404 ? 'missing' : 'error' }),
    );
    return () => {
      live = false;
    };
  }, [get, id]);

  const message = state.kind === 'ready' ? state.data : null;
  return (
    <Page.Main>
      <Page.Title>{message?.subject ?? t('mail.title')}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={BASE} />}
        title={message?.subject || t('mail.noSubject')}
        subtitle={message ? formatDate(message.at, { dateStyle: 'full', timeStyle: 'short' }) : undefined}
      />
      <Layouts.Content>
        {state.kind === 'loading' && <Page.Loading>{t('mail.loading')}</Page.Loading>}
        {state.kind === 'error' && <Page.Error content={t('mail.error')} />}
        {state.kind === 'missing' && <EmptyStateLayout content={t('mail.missing')} />}
        {message && (
          <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
            <Flex direction="column" alignItems="stretch" gap={2} paddingBottom={4} tag="dl">
              {(
                [
                  ['mail.to', message.to],
                  ['mail.from', message.from],
                  ['mail.replyTo', message.replyTo],
                  ['mail.centre', message.centre?.name],
                ] as const
              )
                .filter(([, value]) => value)
                .map(([key, value]) => (
                  <Flex key={key} gap={2}>
                    <Typography tag="dt" fontWeight="bold">
                      {t(key)}
                    </Typography>
                    <Typography tag="dd">{value}</Typography>
                  </Flex>
                ))}
            </Flex>
            <Box
              padding={4}
              background="neutral100"
              hasRadius
              style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            >
              <Typography>{message.text}</Typography>
            </Box>
            {message.html && (
              <Box paddingTop={4}>
                <Button variant="tertiary" onClick={() => setShowHtml(!showHtml)} aria-expanded={showHtml}>
                  {showHtml ? t('mail.html.hide') : t('mail.html.show')}
                </Button>
                {showHtml && (
                  // Sandboxed without scripts: the message is shown as a mail client would, harmlessly.
                  <iframe
                    title={t('mail.html.frame')}
                    sandbox=""
                    srcDoc={message.html}
                    style={{ width: '100%', minHeight: '24rem', border: '1px solid #dcdce4', marginTop: '1rem' }}
                  />
                )}
              </Box>
            )}
          </Box>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

const protect = (children: React.ReactNode) => (
  <Page.Protect permissions={[{ action: ACTIONS.readMail, subject: null }]}>{children}</Page.Protect>
);

export const MailPage = () => protect(<MailList />);
export const MailMessagePage = () => protect(<MailMessage />);

export default MailPage;
