import { useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import {
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  Grid,
  Link,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { BackButton, Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import {
  ChoiceField,
  NO_PROBLEM,
  ProblemAlert,
  TextField,
  problemOf,
  useAdminGet,
  type Problem,
} from '@csc/plugin-core/admin-toolkit';
import type {
  Availability,
  CandidateChoicesResponse,
  StaffCandidateRequest,
  StaffConsentMethod,
} from '../../../shared/contracts/staff';
import { StaffConsentFields } from '../components/StaffConsentFields';
import { API, PAGES, linesOf, useT } from '../utils';

/** The fields an employer may be shown, in the order of the profile; the first three by default. */
const VISIBLE = ['desiredJobs', 'skills', 'commune', 'mobilityKm', 'availability', 'languages'] as const;
const DEFAULT_VISIBLE = ['desiredJobs', 'skills', 'commune'];

interface Form {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  commune: string;
  centre: string;
  desiredJobs: string;
  skills: string;
  languages: string;
  mobilityKm: number | undefined;
  availability: Availability | '';
  visibility: string[];
  referent: string;
  consentMethod: StaffConsentMethod;
  consentConfirmed: boolean;
}

const EMPTY: Form = {
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  commune: '',
  centre: '',
  desiredJobs: '',
  skills: '',
  languages: '',
  mobilityKm: undefined,
  availability: '',
  visibility: DEFAULT_VISIBLE,
  referent: '',
  consentMethod: 'oral',
  consentConfirmed: false,
};

/** What the API receives: empty optional fields left out, lists split into entries. */
function requestOf(form: Form, centres: number): StaffCandidateRequest {
  const lists = {
    desiredJobs: linesOf(form.desiredJobs),
    skills: linesOf(form.skills),
    languages: linesOf(form.languages),
  };
  return {
    firstName: form.firstName.trim(),
    lastName: form.lastName.trim(),
    commune: form.commune.trim(),
    referent: form.referent,
    consentMethod: form.consentMethod,
    visibility: form.visibility,
    ...(form.email.trim() ? { email: form.email.trim() } : {}),
    ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
    ...(centres > 1 && form.centre ? { centre: form.centre } : {}),
    ...(lists.desiredJobs.length ? { desiredJobs: lists.desiredJobs } : {}),
    ...(lists.skills.length ? { skills: lists.skills } : {}),
    ...(lists.languages.length ? { languages: lists.languages } : {}),
    ...(form.mobilityKm !== undefined ? { mobilityKm: form.mobilityKm } : {}),
    ...(form.availability ? { availability: form.availability } : {}),
  };
}

const CandidateCreatePage = () => {
  const t = useT();
  const navigate = useNavigate();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const choices = useAdminGet<CandidateChoicesResponse>(`${API}/candidates/choices`);
  const [form, setForm] = useState<Form>(EMPTY);
  const [problem, setProblem] = useState<Problem>(NO_PROBLEM);
  const [busy, setBusy] = useState(false);
  const set = <Key extends keyof Form>(key: Key, value: Form[Key]) =>
    setForm((current) => ({ ...current, [key]: value }));

  if (choices === undefined) return <Page.Loading>{t('common.loading')}</Page.Loading>;
  if (choices === 'error') return <Page.Error content={t('create.error.load')} />;
  if (choices.centres.length === 0) return <Page.Error content={t('create.noCentre')} />;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    // The confirmation box is the team's word that the text was read: the server records the method.
    const missing: Record<string, string> = {};
    if (!form.referent) missing.referent = t('candidate.referent.required');
    if (!form.consentConfirmed) missing.consentConfirmed = t('consent.confirm.required');
    if (Object.keys(missing).length > 0) {
      setProblem({ message: t('create.error.missing'), fields: missing });
      return;
    }
    setBusy(true);
    setProblem(NO_PROBLEM);
    try {
      await post(`${API}/candidates`, requestOf(form, choices.centres.length));
      toggleNotification({ type: 'success', message: t('create.done', { name: form.firstName.trim() }) });
      navigate(`${PAGES}/candidats`);
    } catch (error) {
      setProblem(problemOf(error, t('create.error')));
    } finally {
      setBusy(false);
    }
  };

  const { fields } = problem;
  const text = (key: 'firstName' | 'lastName' | 'email' | 'phone' | 'commune', extra: object = {}) => (
    <TextField
      name={key}
      label={t(`candidate.${key}`)}
      value={form[key]}
      onChange={(value) => set(key, value)}
      error={fields[key]}
      {...extra}
    />
  );
  const list = (key: 'desiredJobs' | 'skills' | 'languages') => (
    <TextField
      name={key}
      label={t(`candidate.${key}`)}
      hint={t('candidate.list.hint')}
      multiline
      value={form[key]}
      onChange={(value) => set(key, value)}
      error={fields[key]}
    />
  );
  const toggleVisible = (field: string, checked: boolean) =>
    set('visibility', checked ? [...form.visibility, field] : form.visibility.filter((item) => item !== field));

  return (
    <Page.Main>
      <Page.Title>{t('create.title')}</Page.Title>
      <form onSubmit={submit} noValidate>
        <Layouts.Header
          navigationAction={<BackButton fallback={`${PAGES}/candidats`} />}
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
              <Typography variant="delta" tag="h2" paddingBottom={4}>
                {t('create.person')}
              </Typography>
              <Grid.Root gap={5}>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  {text('firstName', { required: true, autoFocus: true })}
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  {text('lastName', { required: true, hint: t('candidate.lastName.hint') })}
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  {text('email', { type: 'email', hint: t('candidate.email.hint') })}
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  {text('phone', { type: 'tel', hint: t('candidate.phone.hint') })}
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  {text('commune', { required: true })}
                </Grid.Item>
                {choices.centres.length > 1 && (
                  <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                    <Field.Root name="centre" error={fields.centre} required>
                      <Field.Label>{t('candidate.centre')}</Field.Label>
                      <SingleSelect
                        value={form.centre}
                        placeholder={t('candidate.centre.placeholder')}
                        onChange={(value: string | number) => set('centre', String(value))}
                      >
                        {choices.centres.map((centre) => (
                          <SingleSelectOption key={centre.slug} value={centre.slug}>
                            {centre.name}
                          </SingleSelectOption>
                        ))}
                      </SingleSelect>
                      <Field.Error />
                    </Field.Root>
                  </Grid.Item>
                )}
              </Grid.Root>
            </Box>
            <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
              <Typography variant="delta" tag="h2" paddingBottom={4}>
                {t('create.search')}
              </Typography>
              <Grid.Root gap={5}>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  {list('desiredJobs')}
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  {list('skills')}
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  {list('languages')}
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Field.Root name="mobilityKm" error={fields.mobilityKm} hint={t('candidate.mobilityKm.hint')}>
                    <Field.Label>{t('candidate.mobilityKm')}</Field.Label>
                    <NumberInput
                      value={form.mobilityKm}
                      step={1}
                      onValueChange={(km: number | undefined) => set('mobilityKm', km)}
                    />
                    <Field.Hint />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
                <Grid.Item col={12} direction="column" alignItems="stretch">
                  <ChoiceField<Availability | ''>
                    label={t('candidate.availability')}
                    value={form.availability}
                    choices={[
                      { value: 'immediate', label: t('availability.immediate') },
                      { value: 'within-month', label: t('availability.within-month') },
                      { value: 'later', label: t('availability.later') },
                      { value: '', label: t('availability.unknown') },
                    ]}
                    onChange={(value) => set('availability', value)}
                    error={fields.availability}
                  />
                </Grid.Item>
                <Grid.Item col={12} direction="column" alignItems="stretch">
                  <Field.Root name="visibility" error={fields.visibility} hint={t('candidate.visibility.hint')}>
                    <Field.Label>{t('candidate.visibility')}</Field.Label>
                    <Flex gap={4} wrap="wrap" paddingTop={1}>
                      {VISIBLE.map((field) => (
                        <Checkbox
                          key={field}
                          checked={form.visibility.includes(field)}
                          onCheckedChange={(checked: boolean) => toggleVisible(field, checked === true)}
                        >
                          {t(`candidate.${field}`)}
                        </Checkbox>
                      ))}
                    </Flex>
                    <Field.Hint />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
              </Grid.Root>
            </Box>
            <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
              <Typography variant="delta" tag="h2" paddingBottom={2}>
                {t('candidate.referent')}
              </Typography>
              <Typography tag="p" textColor="neutral700" paddingBottom={4}>
                {t('create.referent.intro')}
              </Typography>
              {choices.referents.length === 0 ? (
                <Typography tag="p" textColor="danger600">
                  {t('create.referent.none')}{' '}
                  <Link tag={RouterLink} to={`${PAGES}/referents`}>
                    {t('create.referent.create')}
                  </Link>
                </Typography>
              ) : (
                <Field.Root name="referent" error={fields.referent} required>
                  <Field.Label>{t('candidate.referent')}</Field.Label>
                  <SingleSelect
                    value={form.referent}
                    placeholder={t('candidate.referent.placeholder')}
                    onChange={(value: string | number) => set('referent', String(value))}
                  >
                    {choices.referents.map((email) => (
                      <SingleSelectOption key={email} value={email}>
                        {email}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                  <Field.Error />
                </Field.Root>
              )}
            </Box>
            <StaffConsentFields
              text={choices.consentText}
              method={form.consentMethod}
              onMethod={(method) => set('consentMethod', method)}
              confirmed={form.consentConfirmed}
              onConfirmed={(confirmed) => set('consentConfirmed', confirmed)}
              fields={fields}
            />
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

export default CandidateCreatePage;
