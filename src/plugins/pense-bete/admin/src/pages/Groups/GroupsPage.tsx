import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import {
  Alert,
  Badge,
  Box,
  Button,
  EmptyStateLayout,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  TextInput,
  Textarea,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { GroupDetail, GroupView, NewsPreview, NewsSent } from '../../../../shared/contracts/news';
import type { PersonPage } from '../../../../shared/contracts/pense-bete';
import { ACTIONS } from '../../../../shared/permissions';
import { PLUGIN_ID } from '../../pluginId';
import { ListHead, messageOf, usePagedList } from '@csc/plugin-core/admin-toolkit';

const CONSENT_METHODS = ['oral', 'paper', 'online-form', 'email'] as const;

/**
 * Groups and their news: create a group, add members with their consent for it, write a news,
 * see exactly who will receive it and what it costs, then confirm. Nothing is sent without the
 * preview's confirmation; the server refuses a stale one.
 */
const Groups = () => {
  const { formatMessage, formatNumber } = useIntl();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const t = (key: string, values?: Record<string, string | number>) =>
    formatMessage({ id: `${PLUGIN_ID}.${key}`, defaultMessage: key }, values);
  const fail = (error: unknown) => toggleNotification({ type: 'danger', message: messageOf(error, t('home.error')) });

  const list = usePagedList<GroupView>(`/${PLUGIN_ID}/groups`, {}, { paged: false, error: t('home.error') });
  const groups = list.rows;
  // After an action the list is read again behind what is shown.
  const load = () => list.reload({ quiet: true });
  const [selected, setSelected] = useState<GroupDetail | null>(null);
  const [name, setName] = useState('');
  const [persons, setPersons] = useState<PersonPage['results']>([]);
  const [member, setMember] = useState({ person: '', method: 'oral', informationText: '' });
  const [template, setTemplate] = useState('');
  const [preview, setPreview] = useState<NewsPreview | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    get<PersonPage>(`/${PLUGIN_ID}/persons?pageSize=100`).then(
      ({ data }) => setPersons(data.results),
      () => setPersons([]),
    );
  }, [get]);

  const open = async (id: string) => {
    try {
      const { data } = await get<GroupDetail>(`/${PLUGIN_ID}/groups/${id}`);
      setSelected(data);
      setPreview(null);
    } catch (error) {
      fail(error);
    }
  };

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const create = (event: React.FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const { data } = await post<GroupDetail>(`/${PLUGIN_ID}/groups`, { name });
      setName('');
      await load();
      setSelected(data);
    });
  };

  const addMember = (event: React.FormEvent) => {
    event.preventDefault();
    if (!selected) return;
    void run(async () => {
      const { data } = await post<GroupDetail>(`/${PLUGIN_ID}/groups/${selected.id}/members`, {
        person: member.person,
        consent: { method: member.method, informationText: member.informationText },
      });
      setSelected(data);
      setPreview(null);
      setMember({ ...member, person: '' });
      await load();
    });
  };

  const removeMember = (person: string) => {
    if (!selected) return;
    void run(async () => {
      const { data } = await post<GroupDetail>(`/${PLUGIN_ID}/groups/${selected.id}/remove-member`, {
        person,
        method: 'oral',
      });
      setSelected(data);
      setPreview(null);
      await load();
    });
  };

  const showPreview = (event: React.FormEvent) => {
    event.preventDefault();
    if (!selected) return;
    void run(async () => {
      const { data } = await post<NewsPreview>(`/${PLUGIN_ID}/groups/${selected.id}/news/preview`, { template });
      setPreview(data);
    });
  };

  const send = () => {
    if (!selected || !preview?.confirmation) return;
    void run(async () => {
      const { data } = await post<NewsSent>(`/${PLUGIN_ID}/groups/${selected.id}/news`, {
        template,
        confirmation: preview.confirmation,
        recipients: preview.count,
      });
      toggleNotification({
        type: 'success',
        message: t(data.alreadySent ? 'groups.news.alreadySent' : 'groups.news.sent', { count: data.recipients }),
      });
      setPreview(null);
      setTemplate('');
    });
  };

  if (list.loading) return <Page.Loading>{t('home.loading')}</Page.Loading>;
  if (list.error) return <Page.Error content={list.error} />;
  return (
    <Page.Main>
      <Page.Title>{t('groups.title')}</Page.Title>
      <Layouts.Header title={t('groups.title')} subtitle={t('groups.subtitle')} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Box background="neutral0" hasRadius shadow="tableShadow" padding={5}>
            <form onSubmit={create}>
              <Flex gap={4} alignItems="flex-end">
                <Field.Root name="name" required>
                  <Field.Label>{t('groups.create.name')}</Field.Label>
                  <TextInput
                    value={name}
                    onChange={(event: React.ChangeEvent<HTMLInputElement>) => setName(event.target.value)}
                  />
                </Field.Root>
                <Button type="submit" disabled={busy || name.trim() === ''}>
                  {t('groups.create.submit')}
                </Button>
              </Flex>
            </form>
          </Box>

          {groups.length === 0 ? (
            <EmptyStateLayout content={t('groups.empty')} />
          ) : (
            <Table colCount={2} rowCount={groups.length + 1}>
              <ListHead columns={[t('groups.column.name'), t('groups.column.members')]} />
              <Tbody>
                {groups.map((group) => (
                  <Tr key={group.id} onClick={() => void open(group.id)} style={{ cursor: 'pointer' }}>
                    <Td>
                      <Typography fontWeight={selected?.id === group.id ? 'bold' : undefined}>{group.name}</Typography>
                    </Td>
                    <Td>
                      <Typography>{formatNumber(group.members)}</Typography>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}

          {selected && (
            <Box background="neutral0" hasRadius shadow="tableShadow" padding={5}>
              <Typography variant="beta" tag="h2">
                {selected.name}
              </Typography>
              <Box paddingTop={4}>
                <Typography variant="delta" tag="h3">
                  {t('groups.members.title')}
                </Typography>
                {selected.memberList.length === 0 ? (
                  <Typography tag="p">{t('groups.members.none')}</Typography>
                ) : (
                  <ul>
                    {selected.memberList.map((row) => (
                      <li key={row.person.id}>
                        <Flex gap={3} paddingTop={2}>
                          <Typography>{row.person.firstName}</Typography>
                          <Badge active={row.consent}>
                            {t(row.consent ? 'groups.members.consent' : 'groups.members.noConsent')}
                          </Badge>
                          <Button
                            variant="tertiary"
                            size="S"
                            disabled={busy}
                            onClick={() => removeMember(row.person.id)}
                          >
                            {t('groups.members.remove')}
                          </Button>
                        </Flex>
                      </li>
                    ))}
                  </ul>
                )}
              </Box>

              <Box paddingTop={5}>
                <form onSubmit={addMember}>
                  <Flex direction="column" alignItems="stretch" gap={3}>
                    <Typography variant="delta" tag="h3">
                      {t('groups.add.title')}
                    </Typography>
                    <Field.Root name="person" required>
                      <Field.Label>{t('groups.add.person')}</Field.Label>
                      <SingleSelect
                        value={member.person}
                        onChange={(value: string | number) => setMember({ ...member, person: String(value) })}
                      >
                        {persons.map((person) => (
                          <SingleSelectOption key={person.id} value={person.id}>
                            {person.firstName}
                          </SingleSelectOption>
                        ))}
                      </SingleSelect>
                    </Field.Root>
                    <Field.Root name="method" required>
                      <Field.Label>{t('groups.add.method')}</Field.Label>
                      <SingleSelect
                        value={member.method}
                        onChange={(value: string | number) => setMember({ ...member, method: String(value) })}
                      >
                        {CONSENT_METHODS.map((method) => (
                          <SingleSelectOption key={method} value={method}>
                            {t(`groups.add.method.${method}`)}
                          </SingleSelectOption>
                        ))}
                      </SingleSelect>
                    </Field.Root>
                    <Field.Root name="informationText" required hint={t('groups.add.information.hint')}>
                      <Field.Label>{t('groups.add.information')}</Field.Label>
                      <Textarea
                        value={member.informationText}
                        onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
                          setMember({ ...member, informationText: event.target.value })
                        }
                      />
                      <Field.Hint />
                    </Field.Root>
                    <Box>
                      <Button type="submit" disabled={busy || member.person === ''}>
                        {t('groups.add.submit')}
                      </Button>
                    </Box>
                  </Flex>
                </form>
              </Box>

              <Box paddingTop={6}>
                <form onSubmit={showPreview}>
                  <Flex direction="column" alignItems="stretch" gap={3}>
                    <Typography variant="delta" tag="h3">
                      {t('groups.news.title')}
                    </Typography>
                    <Field.Root name="template" required hint={t('groups.news.hint')}>
                      <Field.Label>{t('groups.news.template')}</Field.Label>
                      <Textarea
                        value={template}
                        onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => {
                          setTemplate(event.target.value);
                          setPreview(null);
                        }}
                      />
                      <Field.Hint />
                    </Field.Root>
                    <Box>
                      <Button type="submit" variant="secondary" disabled={busy || template.trim() === ''}>
                        {t('groups.news.preview')}
                      </Button>
                    </Box>
                  </Flex>
                </form>
              </Box>

              {preview && (
                <Box paddingTop={5}>
                  <Box background="neutral100" hasRadius padding={4}>
                    <Typography tag="p">{preview.text}</Typography>
                  </Box>
                  <Box paddingTop={3}>
                    <Typography tag="p">
                      {t('groups.news.figures', {
                        count: preview.count,
                        parts: preview.sms.parts,
                        credits: preview.sms.credits,
                        used: preview.caps.monthly.after,
                        limit: preview.caps.monthly.limit,
                      })}
                    </Typography>
                  </Box>
                  <Box paddingTop={3}>
                    <Typography variant="sigma" tag="p">
                      {t('groups.news.recipients')}
                    </Typography>
                    <ul>
                      {preview.recipients.map((one) => (
                        <li key={one.id}>
                          <Typography>
                            {one.firstName} — {one.to} ({t(`groups.news.channel.${one.channel}`)})
                          </Typography>
                        </li>
                      ))}
                    </ul>
                  </Box>
                  {preview.excluded.length > 0 && (
                    <Box paddingTop={3}>
                      <Typography variant="sigma" tag="p">
                        {t('groups.news.excluded')}
                      </Typography>
                      <ul>
                        {preview.excluded.map((one) => (
                          <li key={one.id}>
                            <Typography>
                              {one.firstName} : {one.message}
                            </Typography>
                          </li>
                        ))}
                      </ul>
                    </Box>
                  )}
                  <Box paddingTop={4}>
                    {preview.refusal ? (
                      <Alert variant="danger" title={t('groups.news.refused')} closeLabel={t('budget.close')}>
                        {preview.refusal}
                      </Alert>
                    ) : (
                      <Button onClick={send} disabled={busy}>
                        {t('groups.news.confirm', { count: preview.count })}
                      </Button>
                    )}
                  </Box>
                </Box>
              )}
            </Box>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

const GroupsPage = () => (
  <Page.Protect permissions={[{ action: ACTIONS.read, subject: null }]}>
    <Groups />
  </Page.Protect>
);

export default GroupsPage;
