import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  Grid,
  MultiSelect,
  MultiSelectOption,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import type { CompassChoicesResponse, CompassRecordResponse } from '../../../shared/contracts/admin';
import type { Audience } from '../../../shared/contracts/values';
import { ACTIONS } from '../../../shared/permissions';
import { TextField } from '../components/TextField';
import { PLUGIN_ID } from '../pluginId';
import { EMPTY_FORM, toForm, toInput, type CompassForm } from '../utils/compass-form';
import { fieldErrors } from '../utils/errors';
import { useT } from '../utils/translate';

const BASE = `/plugins/${PLUGIN_ID}`;

/** Create or change a compass: what it shows (themes, audiences, communes) and where its site lives. */
const CompassEditPage = () => {
  const t = useT();
  const { id } = useParams();
  const navigate = useNavigate();
  const { get, post, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC({ manage: [{ action: ACTIONS.manageCompasses, subject: null }] });
  const [choices, setChoices] = useState<CompassChoicesResponse['data'] | 'error' | undefined>();
  const [form, setForm] = useState<CompassForm | undefined>(id ? undefined : EMPTY_FORM);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    get<CompassChoicesResponse>(`/${PLUGIN_ID}/compasses/choices`).then(
      ({ data }) => setChoices(data.data),
      () => setChoices('error'),
    );
    if (id) {
      get<CompassRecordResponse>(`/${PLUGIN_ID}/compasses/${id}`).then(
        ({ data }) => setForm(toForm(data.data)),
        () => setChoices('error'),
      );
    }
  }, [get, id]);

  if (choices === 'error') return <Page.Error content={t('common.error')} />;
  if (!choices || !form) return <Page.Loading>{t('common.loading')}</Page.Loading>;

  const set = <Key extends keyof CompassForm>(key: Key, value: CompassForm[Key]) =>
    setForm((current) => (current ? { ...current, [key]: value } : current));
  const readOnly = !allowedActions.canManage;

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setErrors({});
    try {
      const body = toInput(form);
      const { data } = id
        ? await put<CompassRecordResponse>(`/${PLUGIN_ID}/compasses/${id}`, body)
        : await post<CompassRecordResponse>(`/${PLUGIN_ID}/compasses`, body);
      toggleNotification({ type: 'success', message: t('edit.saved') });
      if (!id) navigate(`${BASE}/${data.data.id}`);
      else setForm(toForm(data.data));
    } catch (error) {
      setErrors(fieldErrors(error));
    } finally {
      setSaving(false);
    }
  };

  const toggleAudience = (audience: Audience, on: boolean) =>
    set('audiences', on ? [...form.audiences, audience] : form.audiences.filter((item) => item !== audience));

  return (
    <Page.Main>
      <Page.Title>{id ? form.title : t('edit.createTitle')}</Page.Title>
      <form onSubmit={save} noValidate>
        <Layouts.Header
          title={id ? form.title : t('edit.createTitle')}
          subtitle={t('edit.subtitle')}
          navigationAction={
            <Button variant="tertiary" onClick={() => navigate(BASE)}>
              {t('common.back')}
            </Button>
          }
          primaryAction={
            readOnly ? undefined : (
              <Button type="submit" loading={saving}>
                {t('edit.save')}
              </Button>
            )
          }
        />
        <Layouts.Content>
          {errors[''] ? (
            <Box paddingBottom={4}>
              <Alert variant="danger" closeLabel={t('common.close')} title={t('edit.problem')}>
                {errors['']}
              </Alert>
            </Box>
          ) : null}
          <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
            <Grid.Root gap={5}>
              <Grid.Item col={6} s={12}>
                <TextField
                  name="title"
                  label={t('edit.title')}
                  value={form.title}
                  onChange={(value) => set('title', value)}
                  error={errors.title}
                  required
                />
              </Grid.Item>
              <Grid.Item col={6} s={12}>
                <TextField
                  name="slug"
                  label={t('edit.slug')}
                  hint={t('edit.slugHint')}
                  value={form.slug}
                  onChange={(value) => set('slug', value)}
                  error={errors.slug}
                  required
                />
              </Grid.Item>
              <Grid.Item col={12}>
                <TextField
                  name="intro"
                  label={t('edit.intro')}
                  hint={t('edit.introHint')}
                  value={form.intro}
                  onChange={(value) => set('intro', value)}
                  error={errors.intro}
                  multiline
                />
              </Grid.Item>
              <Grid.Item col={6} s={12}>
                <TextField
                  name="sitePath"
                  label={t('edit.sitePath')}
                  hint={t('edit.sitePathHint')}
                  value={form.sitePath}
                  onChange={(value) => set('sitePath', value)}
                  error={errors.sitePath}
                  required
                />
              </Grid.Item>
              {choices.centres.length > 1 ? (
                <Grid.Item col={6} s={12}>
                  <Field.Root name="centre" error={errors.centre} required>
                    <Field.Label>{t('edit.centre')}</Field.Label>
                    <SingleSelect
                      value={form.centre ?? undefined}
                      onChange={(value: string | number) => set('centre', Number(value))}
                    >
                      {choices.centres.map((centre) => (
                        <SingleSelectOption key={centre.id} value={centre.id}>
                          {centre.name}
                        </SingleSelectOption>
                      ))}
                    </SingleSelect>
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
              ) : null}
              <Grid.Item col={12}>
                <Field.Root name="themes" error={errors.themes} hint={t('edit.themesHint')}>
                  <Field.Label>{t('edit.themes')}</Field.Label>
                  <MultiSelect value={form.themes} onChange={(values: string[]) => set('themes', values)} withTags>
                    {choices.themes.map((theme) => (
                      <MultiSelectOption key={theme.code} value={theme.code}>
                        {theme.label}
                      </MultiSelectOption>
                    ))}
                  </MultiSelect>
                  <Field.Hint />
                  <Field.Error />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={12}>
                <TextField
                  name="localThemes"
                  label={t('edit.localThemes')}
                  hint={t('edit.localThemesHint')}
                  value={form.localThemes}
                  onChange={(value) => set('localThemes', value)}
                  error={errors.localThemes}
                  multiline
                />
              </Grid.Item>
              <Grid.Item col={12}>
                <Field.Root name="audiences" error={errors.audiences}>
                  <Field.Label>{t('edit.audiences')}</Field.Label>
                  <Flex gap={4} wrap="wrap" paddingTop={1}>
                    {choices.audiences.map((audience) => (
                      <Checkbox
                        key={audience.code}
                        checked={form.audiences.includes(audience.code)}
                        onCheckedChange={(checked: boolean) => toggleAudience(audience.code, checked === true)}
                      >
                        {audience.label}
                      </Checkbox>
                    ))}
                  </Flex>
                  <Field.Error />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={12}>
                <TextField
                  name="communes"
                  label={t('edit.communes')}
                  hint={t('edit.communesHint')}
                  value={form.communes}
                  onChange={(value) => set('communes', value)}
                  error={errors.communes}
                  multiline
                />
              </Grid.Item>
              <Grid.Item col={6} s={12}>
                <TextField
                  name="mapTiles"
                  label={t('edit.mapTiles')}
                  hint={t('edit.mapTilesHint')}
                  value={form.mapTiles}
                  onChange={(value) => set('mapTiles', value)}
                  error={errors.mapTiles}
                />
              </Grid.Item>
              <Grid.Item col={6} s={12}>
                <TextField
                  name="mapAttribution"
                  label={t('edit.mapAttribution')}
                  value={form.mapAttribution}
                  onChange={(value) => set('mapAttribution', value)}
                  error={errors.mapAttribution}
                />
              </Grid.Item>
            </Grid.Root>
            {readOnly ? (
              <Box paddingTop={4}>
                <Typography textColor="neutral600">{t('edit.readOnly')}</Typography>
              </Box>
            ) : null}
          </Box>
        </Layouts.Content>
      </form>
    </Page.Main>
  );
};

export default CompassEditPage;
