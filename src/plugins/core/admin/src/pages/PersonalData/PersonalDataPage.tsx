import { useState } from 'react';
import { useIntl } from 'react-intl';
import {
  Box,
  Button,
  Dialog,
  Field,
  Flex,
  Table,
  Tbody,
  Td,
  TextInput,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { EraseResult, PersonDataSummary, PersonQuery } from '../../../../shared/contracts/gdpr';
import { ACTIONS } from '../../../../shared/permissions';
import { PLUGIN_ID } from '../../pluginId';
import { messageOf } from '../../toolkit/errors';

const CONFIRMATION_WORD = 'EFFACER';

const PersonalData = () => {
  const { formatMessage } = useIntl();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const t = (key: string, values?: Record<string, string | number>) =>
    formatMessage({ id: `${PLUGIN_ID}.${key}` }, values);
  const [person, setPerson] = useState<PersonQuery>({});
  const [summary, setSummary] = useState<PersonDataSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmation, setConfirmation] = useState('');

  const query = (): PersonQuery =>
    Object.fromEntries(Object.entries(person).filter(([, value]) => value)) as PersonQuery;
  const fail = (error: unknown) => toggleNotification({ type: 'danger', message: messageOf(error, t('gdpr.error')) });

  const search = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      setSummary((await post<PersonDataSummary>(`/${PLUGIN_ID}/gdpr/search`, query())).data);
    } catch (error) {
      setSummary(null);
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const download = async () => {
    setBusy(true);
    try {
      const { data } = await post<Blob>(`/${PLUGIN_ID}/gdpr/export`, query(), { responseType: 'blob' });
      const url = URL.createObjectURL(data);
      const link = document.createElement('a');
      link.href = url;
      link.download = `donnees-personnelles-${new Date().toISOString().slice(0, 10)}.zip`;
      link.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const erase = async () => {
    setBusy(true);
    try {
      const { data } = await post<EraseResult>(`/${PLUGIN_ID}/gdpr/erase`, { ...query(), confirmation });
      const count = data.types.reduce((sum, type) => sum + type.erased + type.anonymised, 0);
      toggleNotification({ type: 'success', message: t('gdpr.erased', { count }) });
      setSummary(null);
      setConfirmation('');
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page.Main>
      <Page.Title>{t('gdpr.title')}</Page.Title>
      <Layouts.Header title={t('gdpr.title')} subtitle={t('gdpr.subtitle')} />
      <Layouts.Content>
        <Box background="neutral0" hasRadius shadow="tableShadow" padding={6} marginBottom={4}>
          <form onSubmit={search}>
            <Flex gap={4} alignItems="flex-end" wrap="wrap">
              <Field.Root name="email" hint={t('gdpr.email.hint')}>
                <Field.Label>{t('gdpr.email')}</Field.Label>
                <TextInput
                  type="email"
                  autoComplete="off"
                  value={person.email ?? ''}
                  onChange={(e: React.ChangeEvent<HTMLInputElement>) => setPerson({ ...person, email: e.target.value })}
                />
                <Field.Hint />
              </Field.Root>
              <Field.Root name="phone">
                <Field.Label>{t('gdpr.phone')}</Field.Label>
                <TextInput
                  type="tel"
                  autoComplete="off"
                  value={person.phone ?? ''}
                  onChange={(e: React.ChangeEvent<HTMLInputElement>) => setPerson({ ...person, phone: e.target.value })}
                />
              </Field.Root>
              <Button type="submit" loading={busy} disabled={!person.email && !person.phone}>
                {t('gdpr.search')}
              </Button>
            </Flex>
          </form>
        </Box>

        {summary && summary.total === 0 && (
          <Box padding={6} background="neutral0" hasRadius>
            <Typography>{t('gdpr.nothing')}</Typography>
          </Box>
        )}
        {summary && summary.total > 0 && (
          <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
            <Table colCount={2} rowCount={summary.types.length + 1}>
              <Thead>
                <Tr>
                  <Th>
                    <Typography variant="sigma">{t('gdpr.column.type')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('gdpr.column.count')}</Typography>
                  </Th>
                </Tr>
              </Thead>
              <Tbody>
                {summary.types.map((type) => (
                  <Tr key={type.uid}>
                    <Td>
                      <Typography>{type.label}</Typography>
                    </Td>
                    <Td>
                      <Typography>{type.count}</Typography>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
            <Flex gap={2} paddingTop={4}>
              <Button variant="secondary" onClick={() => void download()} loading={busy}>
                {t('gdpr.export')}
              </Button>
              <Dialog.Root onOpenChange={() => setConfirmation('')}>
                <Dialog.Trigger>
                  <Button variant="danger-light">{t('gdpr.erase')}</Button>
                </Dialog.Trigger>
                <Dialog.Content>
                  <Dialog.Header>{t('gdpr.erase.title')}</Dialog.Header>
                  <Dialog.Body>
                    <Flex direction="column" gap={4} alignItems="stretch">
                      <Typography>{t('gdpr.erase.warning', { total: summary.total })}</Typography>
                      <Field.Root name="confirmation">
                        <Field.Label>{t('gdpr.erase.type', { word: CONFIRMATION_WORD })}</Field.Label>
                        <TextInput
                          value={confirmation}
                          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setConfirmation(e.target.value)}
                        />
                      </Field.Root>
                    </Flex>
                  </Dialog.Body>
                  <Dialog.Footer>
                    <Dialog.Cancel>
                      <Button variant="tertiary">{t('gdpr.erase.cancel')}</Button>
                    </Dialog.Cancel>
                    <Dialog.Action>
                      <Button
                        variant="danger"
                        disabled={confirmation !== CONFIRMATION_WORD}
                        onClick={() => void erase()}
                      >
                        {t('gdpr.erase.confirm')}
                      </Button>
                    </Dialog.Action>
                  </Dialog.Footer>
                </Dialog.Content>
              </Dialog.Root>
            </Flex>
          </Box>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

const PersonalDataPage = () => (
  <Page.Protect permissions={[{ action: ACTIONS.managePersonalData, subject: null }]}>
    <PersonalData />
  </Page.Protect>
);

export default PersonalDataPage;
