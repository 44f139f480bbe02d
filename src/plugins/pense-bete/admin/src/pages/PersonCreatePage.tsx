import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Box, Button, Field, Flex, Grid, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { BackButton, Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { Channel, ConsentInput, PersonCreateRequest, PersonView } from '../../../shared/contracts/pense-bete';
import type { SummaryResponse } from '../../../shared/contracts/summary';
import { ACTIONS } from '../../../shared/permissions';
import { ChoiceField } from '../components/ChoiceField';
import { ConsentFields } from '../components/ConsentFields';
import { ProblemAlert } from '../components/ProblemAlert';
import { TextField } from '../components/TextField';
import { API, PAGES, problemOf, type Problem } from '../utils/api';
import { defaultConsent } from '../utils/consent-text';
import { useT } from '../utils/translate';

type Centres = SummaryResponse['centres'] | 'loading' | 'error';

const NO_PROBLEM: Problem = { message: '', fields: {} };

const PersonCreate = () => {
  const t = useT();
  const navigate = useNavigate();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [centres, setCentres] = useState<Centres>('loading');
  const [firstName, setFirstName] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [channel, setChannel] = useState<Channel>('sms');
  const [consent, setConsent] = useState<ConsentInput>(defaultConsent);
  const [centre, setCentre] = useState<number | undefined>();
  const [problem, setProblem] = useState<Problem>(NO_PROBLEM);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    get<SummaryResponse>(`${API}/summary`).then(
      ({ data }) => setCentres(data.centres),
      () => setCentres('error'),
    );
  }, [get]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(NO_PROBLEM);
    const body: PersonCreateRequest = {
      firstName,
      channel,
      consent,
      ...(phone.trim() ? { phone: phone.trim() } : {}),
      ...(email.trim() ? { email: email.trim() } : {}),
      ...(centre !== undefined ? { centre } : {}),
    };
    try {
      const { data } = await post<PersonView>(`${API}/persons`, body);
      toggleNotification({ type: 'success', message: t('create.done', { name: data.firstName }) });
      navigate(`${PAGES}/personnes/${data.id}`);
    } catch (error) {
      setProblem(problemOf(error, t('create.error')));
    } finally {
      setBusy(false);
    }
  };

  if (centres === 'loading') return <Page.Loading>{t('common.loading')}</Page.Loading>;
  if (centres === 'error') return <Page.Error content={t('create.error.load')} />;
  if (centres.length === 0) return <Page.Error content={t('create.noCentre')} />;

  const { fields } = problem;
  return (
    <Page.Main>
      <Page.Title>{t('create.title')}</Page.Title>
      <form onSubmit={submit} noValidate>
        <Layouts.Header
          navigationAction={<BackButton fallback={PAGES} />}
          title={t('create.title')}
          subtitle={t('create.subtitle')}
          primaryAction={
            <Button type="submit" loading={busy} size="L">
              {t('create.submit')}
            </Button>
          }
        />
        <Layouts.Content>
          <Flex direction="column" alignItems="stretch" gap={6}>
            <ProblemAlert problem={problem} />
            <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
              <Grid.Root gap={5}>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <TextField
                    name="firstName"
                    label={t('person.firstName')}
                    required
                    autoFocus
                    value={firstName}
                    onChange={setFirstName}
                    error={fields.firstName}
                  />
                </Grid.Item>
                {centres.length > 1 && (
                  <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                    <Field.Root name="centre" error={fields.centre} required>
                      <Field.Label>{t('person.centre')}</Field.Label>
                      <SingleSelect
                        value={centre === undefined ? '' : String(centre)}
                        placeholder={t('person.centre.placeholder')}
                        onChange={(value: string | number) => setCentre(Number(value))}
                      >
                        {centres.map((option) => (
                          <SingleSelectOption key={option.id} value={String(option.id)}>
                            {option.name}
                          </SingleSelectOption>
                        ))}
                      </SingleSelect>
                      <Field.Error />
                    </Field.Root>
                  </Grid.Item>
                )}
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <TextField
                    name="phone"
                    type="tel"
                    label={t('person.phone')}
                    hint={t('person.phone.hint')}
                    required={channel === 'sms'}
                    value={phone}
                    onChange={setPhone}
                    error={fields.phone}
                  />
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <TextField
                    name="email"
                    type="email"
                    label={t('person.email')}
                    hint={t('person.email.hint')}
                    required={channel === 'email'}
                    value={email}
                    onChange={setEmail}
                    error={fields.email}
                  />
                </Grid.Item>
                <Grid.Item col={12} direction="column" alignItems="stretch">
                  <ChoiceField<Channel>
                    label={t('person.channel')}
                    value={channel}
                    choices={[
                      { value: 'sms', label: t('channel.sms.long') },
                      { value: 'email', label: t('channel.email.long') },
                    ]}
                    onChange={setChannel}
                    error={fields.channel}
                  />
                </Grid.Item>
              </Grid.Root>
            </Box>
            <ConsentFields value={consent} onChange={setConsent} fields={fields} />
            <Flex justifyContent="flex-end">
              <Button type="submit" loading={busy} size="L">
                {t('create.submit')}
              </Button>
            </Flex>
          </Flex>
        </Layouts.Content>
      </form>
    </Page.Main>
  );
};

const PersonCreatePage = () => (
  <Page.Protect permissions={[{ action: ACTIONS.manage, subject: null }]}>
    <PersonCreate />
  </Page.Protect>
);

export default PersonCreatePage;
