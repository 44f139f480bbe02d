import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Box, Button, Field, Flex, Grid, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { BackButton, Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import type {
  OffsetInput,
  PersonView,
  StepRequest,
  StepTypeView,
  StepView,
} from '../../../shared/contracts/pense-bete';
import { ACTIONS } from '../../../shared/permissions';
import { ChoiceField } from '../components/ChoiceField';
import { MessagePreview } from '../components/MessagePreview';
import { OffsetsEditor } from '../components/OffsetsEditor';
import { ProblemAlert } from '../components/ProblemAlert';
import { TextField } from '../components/TextField';
import { API, PAGES, isNotFound, problemOf, type Problem } from '../utils/api';
import { parisToday } from '../utils/dates';
import { REPEATS, repeatOf, ruleFor, splitEnd, type Repeat } from '../utils/recurrence';
import { useT } from '../utils/translate';
import { LoadError } from '@csc/plugin-core/admin-toolkit';

const OTHER = 'autre';
const DEFAULT_OFFSETS: OffsetInput[] = [
  { daysBefore: 7, time: '10:00' },
  { daysBefore: 1, time: '10:00' },
];
const DEFAULT_TEMPLATE =
  'Bonjour {prenom}, rappel : {demarche} le {date}. Besoin d’aide ? {centre} : {telephone_centre}';
const NO_PROBLEM: Problem = { message: '', fields: {} };

type Person = PersonView & { steps: StepView[] };
type Loaded = { kind: 'loading' } | { kind: 'error' } | { kind: 'missing' } | { kind: 'ready'; person: Person };

interface Form {
  type: string;
  title: string;
  date: string;
  time: string;
  repeat: Repeat;
  /** The type's or the step's own rule, kept when the plain choice says the same. */
  rule: string | null;
  until: string;
  offsets: OffsetInput[];
  template: string;
}

const emptyForm = (): Form => ({
  type: '',
  title: '',
  date: '',
  time: '',
  repeat: 'none',
  rule: null,
  until: '',
  offsets: DEFAULT_OFFSETS,
  template: DEFAULT_TEMPLATE,
});

function formOf(step: StepView): Form {
  const { rule, until } = splitEnd(step.recurrence);
  return {
    type: step.stepType?.id ?? OTHER,
    title: step.title,
    date: step.date,
    time: step.time ?? '',
    repeat: repeatOf(rule),
    rule,
    until,
    offsets: step.offsets,
    template: step.template,
  };
}

const StepForm = () => {
  const t = useT();
  const { id, stepId } = useParams();
  const navigate = useNavigate();
  const { get, post, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [types, setTypes] = useState<StepTypeView[]>([]);
  const [form, setForm] = useState<Form>(emptyForm);
  const [problem, setProblem] = useState<Problem>(NO_PROBLEM);
  const [busy, setBusy] = useState(false);
  const back = `${PAGES}/personnes/${id}`;

  const load = useCallback(async () => {
    try {
      const [person, catalogue] = await Promise.all([
        get<Person>(`${API}/persons/${id}`),
        get<{ results: StepTypeView[] }>(`${API}/step-types`),
      ]);
      setTypes(catalogue.data.results);
      if (stepId) {
        const step = person.data.steps.find((candidate) => candidate.id === stepId);
        if (!step) {
          setLoaded({ kind: 'missing' });
          return;
        }
        setForm(formOf(step));
      }
      setLoaded({ kind: 'ready', person: person.data });
    } catch (error) {
      setLoaded({ kind: isNotFound(error) ? 'missing' : 'error' });
    }
  }, [get, id, stepId]);

  useEffect(() => {
    void load();
  }, [load]);

  const change = (next: Partial<Form>) => setForm((current) => ({ ...current, ...next }));

  /** A type from the catalogue fills the reminders, the message and the repetition. */
  const chooseType = (value: string) => {
    const type = types.find((candidate) => candidate.id === value);
    if (!type) {
      change({ type: OTHER });
      return;
    }
    change({
      type: type.id,
      title: '',
      offsets: type.defaultOffsets.length > 0 ? type.defaultOffsets : DEFAULT_OFFSETS,
      template: type.template,
      rule: type.defaultRecurrence,
      repeat: repeatOf(type.defaultRecurrence),
      time: type.hasTime ? form.time : '',
    });
  };

  const chosen = types.find((type) => type.id === form.type);
  const title = chosen ? chosen.name : form.title;
  const repeating = form.repeat !== 'none';

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!form.type) {
      setProblem({ message: t('stepForm.chooseType'), fields: { stepType: t('stepForm.chooseType') } });
      return;
    }
    setBusy(true);
    setProblem(NO_PROBLEM);
    const body: StepRequest = {
      ...(chosen ? { stepType: chosen.id } : { title: form.title }),
      date: form.date,
      time: form.time || null,
      recurrence: ruleFor(form.repeat, form.rule),
      until: repeating && form.until ? form.until : null,
      offsets: form.offsets,
      template: form.template,
    };
    try {
      if (stepId) await put(`${API}/steps/${stepId}`, body);
      else await post(`${API}/persons/${id}/steps`, body);
      toggleNotification({ type: 'success', message: t(stepId ? 'stepForm.saved' : 'stepForm.added', { title }) });
      navigate(back);
    } catch (error) {
      setProblem(problemOf(error, t('stepForm.error')));
    } finally {
      setBusy(false);
    }
  };

  if (loaded.kind === 'loading') return <Page.Loading>{t('common.loading')}</Page.Loading>;
  if (loaded.kind === 'missing') return <Page.Error content={t(stepId ? 'stepForm.missing' : 'person.missing')} />;
  if (loaded.kind === 'error') return <LoadError message={t('stepForm.error.load')} onRetry={() => void load()} />;

  const { person } = loaded;
  const { fields } = problem;
  const heading = t(stepId ? 'stepForm.editTitle' : 'stepForm.title', { name: person.firstName });
  const submitButton = (
    <Button type="submit" loading={busy} size="L">
      {t(stepId ? 'stepForm.save' : 'stepForm.submit')}
    </Button>
  );

  return (
    <Page.Main>
      <Page.Title>{heading}</Page.Title>
      <form onSubmit={submit} noValidate>
        <Layouts.Header
          navigationAction={<BackButton fallback={back} />}
          title={heading}
          subtitle={t('stepForm.subtitle')}
          primaryAction={submitButton}
        />
        <Layouts.Content>
          <Flex direction="column" alignItems="stretch" gap={6}>
            <ProblemAlert problem={problem} />

            <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
              <Grid.Root gap={5}>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Field.Root name="stepType" error={fields.stepType} hint={t('stepForm.type.hint')} required>
                    <Field.Label>{t('stepForm.type')}</Field.Label>
                    <SingleSelect
                      value={form.type}
                      placeholder={t('stepForm.type.placeholder')}
                      onChange={(value: string | number) => chooseType(String(value))}
                    >
                      {types.map((type) => (
                        <SingleSelectOption key={type.id} value={type.id}>
                          {type.name}
                        </SingleSelectOption>
                      ))}
                      <SingleSelectOption value={OTHER}>{t('stepForm.type.other')}</SingleSelectOption>
                    </SingleSelect>
                    <Field.Hint />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
                {form.type === OTHER && (
                  <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                    <TextField
                      name="title"
                      label={t('stepForm.name')}
                      hint={t('stepForm.name.hint')}
                      required
                      value={form.title}
                      onChange={(value) => change({ title: value })}
                      error={fields.title}
                    />
                  </Grid.Item>
                )}
                <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                  <TextField
                    name="date"
                    type="date"
                    label={t(repeating ? 'stepForm.date.first' : 'stepForm.date')}
                    required
                    min={stepId ? undefined : parisToday()}
                    value={form.date}
                    onChange={(value) => change({ date: value })}
                    error={fields.date}
                  />
                </Grid.Item>
                <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                  <TextField
                    name="time"
                    type="time"
                    label={t('stepForm.time')}
                    hint={t(chosen?.hasTime ? 'stepForm.time.needed' : 'stepForm.time.hint')}
                    value={form.time}
                    onChange={(value) => change({ time: value })}
                    error={fields.time}
                  />
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <ChoiceField<Repeat>
                    label={t('stepForm.repeat')}
                    value={form.repeat}
                    choices={[
                      ...REPEATS.map((repeat) => ({ value: repeat, label: t(`repeat.${repeat}`) })),
                      ...(form.repeat === 'custom' ? [{ value: 'custom' as const, label: t('repeat.custom') }] : []),
                    ]}
                    onChange={(repeat) => change({ repeat })}
                    error={fields.recurrence}
                  />
                </Grid.Item>
                {repeating && (
                  <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                    <TextField
                      name="until"
                      type="date"
                      label={t('stepForm.until')}
                      hint={t('stepForm.until.hint')}
                      required
                      value={form.until}
                      onChange={(value) => change({ until: value })}
                      error={fields.until}
                    />
                  </Grid.Item>
                )}
              </Grid.Root>
            </Box>

            <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
              <OffsetsEditor value={form.offsets} onChange={(offsets) => change({ offsets })} fields={fields} />
            </Box>

            <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
              <Grid.Root gap={5}>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <TextField
                    name="template"
                    label={t('stepForm.template')}
                    hint={t('stepForm.template.hint')}
                    multiline
                    required
                    value={form.template}
                    onChange={(value) => change({ template: value })}
                    error={fields.template}
                  />
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <MessagePreview
                    channel={person.channel}
                    request={{
                      template: form.template,
                      person: person.id,
                      ...(title.trim() ? { title: title.trim() } : {}),
                      ...(/^\d{4}-\d{2}-\d{2}$/.test(form.date) ? { date: form.date } : {}),
                      ...(form.time ? { time: form.time } : {}),
                    }}
                    onApplySuggestion={(template) => change({ template })}
                  />
                </Grid.Item>
              </Grid.Root>
            </Box>

            <Flex justifyContent="flex-end">{submitButton}</Flex>
          </Flex>
        </Layouts.Content>
      </form>
    </Page.Main>
  );
};

const StepFormPage = () => (
  <Page.Protect permissions={[{ action: ACTIONS.manage, subject: null }]}>
    <StepForm />
  </Page.Protect>
);

export default StepFormPage;
