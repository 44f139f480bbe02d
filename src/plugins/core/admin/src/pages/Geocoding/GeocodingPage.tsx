import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import {
  Box,
  Button,
  Checkbox,
  EmptyStateLayout,
  Field,
  Flex,
  Link,
  Table,
  Tbody,
  Td,
  TextInput,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, isFetchError, useFetchClient, useNotification } from '@strapi/strapi/admin';
import {
  isInFrance,
  type GeocodingLookupResult,
  type GeocodingOverrideList,
  type GeocodingOverrideRequest,
  type GeocodingOverrideView,
} from '../../../../shared/contracts/geocoding';
import { ACTIONS } from '../../../../shared/permissions';
import { PLUGIN_ID } from '../../pluginId';

type Translate = (key: string, values?: Record<string, string | number>) => string;

interface OverrideForm {
  address: string;
  latitude: string;
  longitude: string;
  note: string;
}

const EMPTY_FORM: OverrideForm = { address: '', latitude: '', longitude: '', note: '' };

/** The server's French messages, by field; or one general message. */
function errorsOf(error: unknown): { fields: Record<string, string>; message: string | null } {
  if (!isFetchError(error)) return { fields: {}, message: null };
  const data = error.response?.data?.error;
  const details = data?.details as { errors?: { path: string[]; message: string }[] } | undefined;
  const fields = Object.fromEntries((details?.errors ?? []).map((item) => [item.path.join('.'), item.message]));
  return { fields, message: data?.message ?? null };
}

const number = (text: string) => Number(text.trim().replace(',', '.'));

/** The same checks as the server, so staff see a mistake before sending. */
function checkForm(form: OverrideForm, t: Translate): Record<string, string> {
  const errors: Record<string, string> = {};
  if (form.address.trim().length < 3) errors.address = t('geocoding.form.error.address');
  const latitude = number(form.latitude);
  const longitude = number(form.longitude);
  if (form.latitude.trim() === '' || Number.isNaN(latitude) || Math.abs(latitude) > 90) {
    errors.latitude = t('geocoding.form.error.latitude');
  }
  if (form.longitude.trim() === '' || Number.isNaN(longitude) || Math.abs(longitude) > 180) {
    errors.longitude = t('geocoding.form.error.longitude');
  }
  if (!errors.latitude && !errors.longitude && !isInFrance(latitude, longitude)) {
    errors.latitude = t('geocoding.form.error.france');
  }
  return errors;
}

const mapLink = (latitude: number, longitude: number) =>
  `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=18/${latitude}/${longitude}`;

const Geocoding = () => {
  const { formatMessage, formatDate, formatNumber } = useIntl();
  const { post, get, put, del } = useFetchClient();
  const { toggleNotification } = useNotification();
  const t: Translate = (key, values) => formatMessage({ id: `${PLUGIN_ID}.${key}`, defaultMessage: key }, values);

  const [address, setAddress] = useState('');
  const [refresh, setRefresh] = useState(false);
  const [lookup, setLookup] = useState<GeocodingLookupResult | null>(null);
  const [lookupError, setLookupError] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);

  const [form, setForm] = useState<OverrideForm>(EMPTY_FORM);
  const [formErrors, setFormErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  const [overrides, setOverrides] = useState<GeocodingOverrideView[] | null>(null);
  const [listFailed, setListFailed] = useState(false);

  const loadOverrides = useCallback(async () => {
    try {
      const { data } = await get<GeocodingOverrideList>(`/${PLUGIN_ID}/geocoding/overrides`);
      setOverrides(data.results);
      setListFailed(false);
    } catch {
      setListFailed(true);
    }
  }, [get]);

  useEffect(() => {
    void loadOverrides();
  }, [loadOverrides]);

  const search = async (event: React.FormEvent) => {
    event.preventDefault();
    setSearching(true);
    setLookupError(null);
    try {
      const { data } = await post<GeocodingLookupResult>(`/${PLUGIN_ID}/geocoding/lookup`, { address, refresh });
      setLookup(data);
    } catch (error) {
      const { fields, message } = errorsOf(error);
      setLookup(null);
      setLookupError(fields.address ?? message ?? t('geocoding.error'));
    } finally {
      setSearching(false);
    }
  };

  const correct = (result: GeocodingLookupResult) => {
    const outcome = result.outcome;
    setForm({
      address: result.address,
      latitude: outcome.status === 'found' ? String(outcome.latitude).replace('.', ',') : '',
      longitude: outcome.status === 'found' ? String(outcome.longitude).replace('.', ',') : '',
      note: result.override?.note ?? '',
    });
    setFormErrors({});
    document.getElementById('geocoding-override-form')?.scrollIntoView({ behavior: 'smooth' });
  };

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const errors = checkForm(form, t);
    setFormErrors(errors);
    if (Object.keys(errors).length > 0) return;
    setSaving(true);
    try {
      const body: GeocodingOverrideRequest = {
        address: form.address,
        latitude: form.latitude,
        longitude: form.longitude,
        note: form.note.trim() || null,
      };
      await put<GeocodingOverrideView>(`/${PLUGIN_ID}/geocoding/overrides`, body);
      toggleNotification({ type: 'success', message: t('geocoding.form.saved') });
      setForm(EMPTY_FORM);
      setLookup(null);
      await loadOverrides();
    } catch (error) {
      const { fields, message } = errorsOf(error);
      setFormErrors(fields);
      if (Object.keys(fields).length === 0)
        toggleNotification({ type: 'danger', message: message ?? t('geocoding.error') });
    } finally {
      setSaving(false);
    }
  };

  const clear = async (override: GeocodingOverrideView) => {
    try {
      await del(`/${PLUGIN_ID}/geocoding/overrides/${override.id}`);
      toggleNotification({ type: 'success', message: t('geocoding.overrides.cleared', { address: override.address }) });
      await loadOverrides();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorsOf(error).message ?? t('geocoding.error') });
    }
  };

  const coordinates = (latitude: number, longitude: number) =>
    `${formatNumber(latitude, { maximumFractionDigits: 6 })} ; ${formatNumber(longitude, { maximumFractionDigits: 6 })}`;

  const field = (name: keyof OverrideForm, type: 'text' | 'decimal' = 'text') => (
    <Field.Root
      name={name}
      error={formErrors[name]}
      hint={t(`geocoding.form.${name}.hint`)}
      required={name !== 'note'}
      width={type === 'decimal' ? '280px' : undefined}
    >
      <Field.Label>{t(`geocoding.form.${name}`)}</Field.Label>
      <TextInput
        inputMode={type === 'decimal' ? 'decimal' : undefined}
        autoComplete="off"
        value={form[name]}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [name]: e.target.value })}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );

  return (
    <Page.Main>
      <Page.Title>{t('geocoding.title')}</Page.Title>
      <Layouts.Header title={t('geocoding.title')} subtitle={t('geocoding.subtitle')} />
      <Layouts.Content>
        <Box background="neutral0" hasRadius shadow="tableShadow" padding={6} marginBottom={4}>
          <Typography variant="delta" tag="h2">
            {t('geocoding.lookup.title')}
          </Typography>
          <form onSubmit={search}>
            <Flex gap={4} alignItems="flex-end" wrap="wrap" paddingTop={4}>
              <Field.Root name="lookup-address" error={lookupError ?? undefined} width="420px">
                <Field.Label>{t('geocoding.lookup.address')}</Field.Label>
                <TextInput
                  placeholder="12 rue des Écoles, 59000 Lille"
                  value={address}
                  onChange={(e: React.ChangeEvent<HTMLInputElement>) => setAddress(e.target.value)}
                />
                <Field.Error />
              </Field.Root>
              <Checkbox checked={refresh} onCheckedChange={(checked) => setRefresh(checked === true)}>
                {t('geocoding.lookup.refresh')}
              </Checkbox>
              <Button type="submit" loading={searching} disabled={address.trim().length < 3}>
                {t('geocoding.lookup.submit')}
              </Button>
            </Flex>
          </form>

          {lookup && (
            <Box paddingTop={6}>
              {lookup.outcome.status === 'found' ? (
                <Flex direction="column" alignItems="flex-start" gap={2}>
                  <Typography variant="omega" fontWeight="bold">
                    {lookup.outcome.label}
                  </Typography>
                  <Typography>
                    {t('geocoding.result.position', {
                      position: coordinates(lookup.outcome.latitude, lookup.outcome.longitude),
                    })}
                  </Typography>
                  <Typography textColor="neutral600">
                    {t(`geocoding.source.${lookup.outcome.source}`)}
                    {lookup.outcome.score !== null &&
                      ` · ${t('geocoding.result.score', { score: Math.round(lookup.outcome.score * 100) })}`}
                  </Typography>
                  <Link href={mapLink(lookup.outcome.latitude, lookup.outcome.longitude)} isExternal>
                    {t('geocoding.result.map')}
                  </Link>
                </Flex>
              ) : (
                <Typography textColor="danger600">{lookup.outcome.message}</Typography>
              )}
              {lookup.cached && (
                <Box paddingTop={2}>
                  <Typography textColor="neutral600">
                    {t('geocoding.result.cached', {
                      from: formatDate(lookup.cached.cachedAt, { dateStyle: 'short', timeStyle: 'short' }),
                      to: formatDate(lookup.cached.expiresAt, { dateStyle: 'short' }),
                    })}
                  </Typography>
                </Box>
              )}
              <Box paddingTop={4}>
                <Button variant="secondary" onClick={() => correct(lookup)}>
                  {t('geocoding.result.correct')}
                </Button>
              </Box>
            </Box>
          )}
        </Box>

        <Box
          id="geocoding-override-form"
          background="neutral0"
          hasRadius
          shadow="tableShadow"
          padding={6}
          marginBottom={4}
        >
          <Typography variant="delta" tag="h2">
            {t('geocoding.form.title')}
          </Typography>
          <Box paddingTop={2} paddingBottom={4}>
            <Typography textColor="neutral600">{t('geocoding.form.help')}</Typography>
          </Box>
          <form onSubmit={save} noValidate>
            <Flex direction="column" alignItems="stretch" gap={4}>
              {field('address')}
              <Flex gap={4} wrap="wrap" alignItems="flex-start">
                {field('latitude', 'decimal')}
                {field('longitude', 'decimal')}
              </Flex>
              {field('note')}
              <Box>
                <Button type="submit" loading={saving}>
                  {t('geocoding.form.submit')}
                </Button>
              </Box>
            </Flex>
          </form>
        </Box>

        <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
          <Typography variant="delta" tag="h2">
            {t('geocoding.overrides.title')}
          </Typography>
          <Box paddingTop={4}>
            {listFailed && <Typography textColor="danger600">{t('geocoding.error')}</Typography>}
            {overrides && overrides.length === 0 && <EmptyStateLayout content={t('geocoding.overrides.empty')} />}
            {overrides && overrides.length > 0 && (
              <Table colCount={5} rowCount={overrides.length + 1}>
                <Thead>
                  <Tr>
                    <Th>
                      <Typography variant="sigma">{t('geocoding.overrides.address')}</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">{t('geocoding.overrides.position')}</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">{t('geocoding.overrides.note')}</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">{t('geocoding.overrides.updated')}</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">{t('geocoding.overrides.actions')}</Typography>
                    </Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {overrides.map((override) => (
                    <Tr key={override.id}>
                      <Td>
                        <Typography>{override.address}</Typography>
                      </Td>
                      <Td>
                        <Link href={mapLink(override.latitude, override.longitude)} isExternal>
                          {coordinates(override.latitude, override.longitude)}
                        </Link>
                      </Td>
                      <Td>
                        <Typography textColor="neutral600">{override.note ?? '—'}</Typography>
                      </Td>
                      <Td>
                        <Typography>{formatDate(override.updatedAt, { dateStyle: 'short' })}</Typography>
                      </Td>
                      <Td>
                        <Button variant="danger-light" size="S" onClick={() => void clear(override)}>
                          {t('geocoding.overrides.clear')}
                        </Button>
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            )}
          </Box>
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
};

const GeocodingPage = () => (
  <Page.Protect permissions={[{ action: ACTIONS.manageGeocoding, subject: null }]}>
    <Geocoding />
  </Page.Protect>
);

export default GeocodingPage;
