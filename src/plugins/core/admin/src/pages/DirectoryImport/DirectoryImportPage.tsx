import { useEffect, useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import {
  Badge,
  Box,
  Button,
  Checkbox,
  EmptyStateLayout,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  TextInput,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, isFetchError, useFetchClient } from '@strapi/strapi/admin';
import { SERVICE_UID, STRUCTURE_UID } from '../../../../shared/contracts/directory';
import {
  IMPORT_FORMATS,
  IMPORT_KINDS,
  PLAIN_CSV_FIELDS,
  type DirectoryImportColumns,
  type DirectoryImportReport,
  type ImportCentre,
  type ImportFormat,
  type ImportKind,
  type ImportRowReport,
} from '../../../../shared/contracts/directory-import';
import { ACTIONS } from '../../../../shared/permissions';
import { ListPager } from '../../components/ListPager';
import { PLUGIN_ID } from '../../pluginId';

type Translate = (key: string, values?: Record<string, string | number>) => string;

const PAGE_SIZE = 50;
const STATUS_BADGE = { created: 'success', updated: 'primary', unchanged: 'neutral', skipped: 'danger' } as const;
const toCheckLink = (uid: string) =>
  `/content-manager/collection-types/${uid}?page=1&filters[$and][0][adresse_a_verifier][$eq]=true`;

/** The server's French message, or null. */
function messageOf(error: unknown): string | null {
  if (!isFetchError(error)) return null;
  const data = error.response?.data?.error;
  return data?.message ?? null;
}

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" padding={6} marginBottom={4}>
    <Typography variant="delta" tag="h2">
      {title}
    </Typography>
    <Box paddingTop={4}>{children}</Box>
  </Box>
);

const Report = ({ report, t }: { report: DirectoryImportReport; t: Translate }) => {
  const [onlyProblems, setOnlyProblems] = useState(report.counts.skipped > 0);
  const [page, setPage] = useState(1);
  const rows = useMemo(
    () => report.rows.filter((row) => !onlyProblems || row.status === 'skipped' || row.warning),
    [report, onlyProblems],
  );
  const pageCount = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const shown = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const fieldLabel = (field: string | null) => (field ? t(`import.field.${field}`) : t('import.field.none'));
  const detail = (row: ImportRowReport) =>
    [...row.problems.map((problem) => `${fieldLabel(problem.field)} : ${problem.message}`), row.warning]
      .filter(Boolean)
      .join(' — ');

  return (
    <Section
      title={t(report.dryRun ? 'import.report.title.dry' : 'import.report.title', { centre: report.centre.name })}
    >
      <Flex gap={6} wrap="wrap" paddingBottom={4} role="status">
        {(['created', 'updated', 'unchanged', 'skipped', 'toCheck'] as const).map((key) => (
          <Flex key={key} direction="column" alignItems="flex-start">
            <Typography variant="alpha" tag="p">
              {report.counts[key]}
            </Typography>
            <Typography textColor="neutral600">{t(`import.count.${key}${report.dryRun ? '.dry' : ''}`)}</Typography>
          </Flex>
        ))}
      </Flex>
      {!report.dryRun && !report.publish && report.counts.created + report.counts.updated > 0 && (
        <Typography tag="p">{t('import.report.drafts')}</Typography>
      )}
      {!report.dryRun && report.counts.toCheck > 0 && (
        <Flex gap={4} paddingTop={2} paddingBottom={2}>
          <Link to={toCheckLink(STRUCTURE_UID)}>{t('import.report.toCheck.structures')}</Link>
          <Link to={toCheckLink(SERVICE_UID)}>{t('import.report.toCheck.services')}</Link>
        </Flex>
      )}
      <Box paddingTop={2} paddingBottom={4}>
        <Checkbox
          checked={onlyProblems}
          onCheckedChange={(checked) => {
            setOnlyProblems(checked === true);
            setPage(1);
          }}
        >
          {t('import.report.onlyProblems')}
        </Checkbox>
      </Box>
      {rows.length === 0 ? (
        <EmptyStateLayout content={t('import.report.empty')} />
      ) : (
        <>
          <Table colCount={5} rowCount={shown.length + 1}>
            <Thead>
              <Tr>
                {['line', 'type', 'name', 'status', 'detail'].map((column) => (
                  <Th key={column}>
                    <Typography variant="sigma">{t(`import.report.${column}`)}</Typography>
                  </Th>
                ))}
              </Tr>
            </Thead>
            <Tbody>
              {shown.map((row) => (
                <Tr key={`${row.file}-${row.line}`}>
                  <Td>
                    <Typography>
                      {row.file} · {row.line}
                    </Typography>
                  </Td>
                  <Td>
                    <Typography>{t(`import.type.${row.type}`)}</Typography>
                  </Td>
                  <Td>
                    <Typography>{row.nom ?? row.sourceId ?? '—'}</Typography>
                  </Td>
                  <Td>
                    <Badge variant={STATUS_BADGE[row.status]}>{t(`import.status.${row.status}`)}</Badge>
                  </Td>
                  <Td style={{ whiteSpace: 'normal' }}>
                    <Typography textColor={row.status === 'skipped' ? 'danger600' : 'neutral800'}>
                      {detail(row) || '—'}
                    </Typography>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
          <ListPager
            pagination={{ page, pageCount, total: rows.length }}
            summaryKey="import.report.pagination"
            onPage={setPage}
          />
        </>
      )}
    </Section>
  );
};

const DirectoryImport = () => {
  const { formatMessage } = useIntl();
  const { get, post } = useFetchClient();
  const t: Translate = (key, values) => formatMessage({ id: `${PLUGIN_ID}.${key}`, defaultMessage: key }, values);

  const [centres, setCentres] = useState<ImportCentre[] | null>(null);
  const [centre, setCentre] = useState<number | null>(null);
  const [format, setFormat] = useState<ImportFormat>('csv');
  const [kind, setKind] = useState<ImportKind>('structures');
  const [files, setFiles] = useState<File[]>([]);
  const [columns, setColumns] = useState<DirectoryImportColumns | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [source, setSource] = useState('');
  const [publish, setPublish] = useState(false);
  const [busy, setBusy] = useState<'columns' | 'check' | 'import' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<DirectoryImportReport | null>(null);
  // Each new report starts with its own filter and first page.
  const [reportRun, setReportRun] = useState(0);

  useEffect(() => {
    get<ImportCentre[]>(`/${PLUGIN_ID}/directory/import/centres`)
      .then(({ data }) => {
        setCentres(data);
        if (data.length === 1) setCentre(data[0].id);
      })
      .catch(() => setCentres([]));
  }, [get]);

  // A plain CSV: read its columns as soon as it is chosen, for the mapping step.
  useEffect(() => {
    setColumns(null);
    setReport(null);
    if (format !== 'csv' || files.length !== 1) return;
    const body = new FormData();
    body.append('kind', kind);
    body.append('file', files[0]);
    setBusy('columns');
    setError(null);
    post<DirectoryImportColumns>(`/${PLUGIN_ID}/directory/import/columns`, body)
      .then(({ data }) => {
        setColumns(data);
        setMapping(Object.fromEntries(data.columns.map((column) => [column, data.suggestions[column] ?? ''])));
      })
      .catch((failure: unknown) => setError(messageOf(failure) ?? t('import.error')))
      .finally(() => setBusy(null));
    // `t` changes on every render; the request depends on the file and the kind only.
  }, [files, format, kind, post]);

  const send = async (dryRun: boolean) => {
    if (centre === null) return;
    const body = new FormData();
    body.append('centre', String(centre));
    body.append('format', format);
    if (format === 'csv') {
      body.append('kind', kind);
      body.append('mapping', JSON.stringify(mapping));
      if (source.trim()) body.append('source', source.trim());
    }
    body.append('dryRun', String(dryRun));
    body.append('publish', String(publish));
    for (const file of files) body.append('file', file);
    setBusy(dryRun ? 'check' : 'import');
    setError(null);
    setReport(null);
    try {
      const { data } = await post<DirectoryImportReport>(`/${PLUGIN_ID}/directory/import`, body);
      setReport(data);
      setReportRun((run) => run + 1);
    } catch (failure) {
      setError(messageOf(failure) ?? t('import.error'));
    } finally {
      setBusy(null);
    }
  };

  const mapped = new Set(Object.values(mapping).filter(Boolean));
  const mappingReady =
    format !== 'csv' || (columns !== null && mapped.has('nom') && (kind === 'structures' || mapped.has('description')));
  const ready = centre !== null && files.length > 0 && mappingReady && busy === null;

  if (centres === null) return <Page.Loading />;

  return (
    <Page.Main>
      <Page.Title>{t('import.title')}</Page.Title>
      <Layouts.Header title={t('import.title')} subtitle={t('import.subtitle')} />
      <Layouts.Content>
        {centres.length === 0 ? (
          <EmptyStateLayout content={t('import.noCentre')} />
        ) : (
          <>
            <Section title={t('import.step.file')}>
              <Flex direction="column" alignItems="stretch" gap={4}>
                {centres.length > 1 && (
                  <Field.Root name="centre" required hint={t('import.centre.hint')}>
                    <Field.Label>{t('import.centre')}</Field.Label>
                    <SingleSelect
                      value={centre ?? undefined}
                      placeholder={t('import.centre.placeholder')}
                      onChange={(value: string | number) => setCentre(Number(value))}
                    >
                      {centres.map((item) => (
                        <SingleSelectOption key={item.id} value={item.id}>
                          {item.name}
                        </SingleSelectOption>
                      ))}
                    </SingleSelect>
                    <Field.Hint />
                  </Field.Root>
                )}
                {centres.length === 1 && (
                  <Typography>{t('import.centre.only', { centre: centres[0].name })}</Typography>
                )}
                <Field.Root name="format" required>
                  <Field.Label>{t('import.format')}</Field.Label>
                  <SingleSelect
                    value={format}
                    onChange={(value: string | number) => {
                      setFormat(value as ImportFormat);
                      setFiles([]);
                    }}
                  >
                    {IMPORT_FORMATS.map((item) => (
                      <SingleSelectOption key={item} value={item}>
                        {t(`import.format.${item}`)}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Field.Root>
                {format === 'csv' && (
                  <Field.Root name="kind" required>
                    <Field.Label>{t('import.kind')}</Field.Label>
                    <SingleSelect value={kind} onChange={(value: string | number) => setKind(value as ImportKind)}>
                      {IMPORT_KINDS.map((item) => (
                        <SingleSelectOption key={item} value={item}>
                          {t(`import.kind.${item}`)}
                        </SingleSelectOption>
                      ))}
                    </SingleSelect>
                  </Field.Root>
                )}
                <Field.Root
                  name="file"
                  required
                  hint={t(format === 'csv' ? 'import.file.hint.csv' : 'import.file.hint.dataInclusion')}
                >
                  <Field.Label>{t(format === 'csv' ? 'import.file' : 'import.files')}</Field.Label>
                  {/* key: choosing another format empties the input as well as the state. */}
                  <input
                    key={format}
                    type="file"
                    accept={format === 'data-inclusion-json' ? '.json,application/json' : '.csv,text/csv'}
                    multiple={format !== 'csv'}
                    onChange={(event) => setFiles(Array.from(event.target.files ?? []).slice(0, 2))}
                  />
                  <Field.Hint />
                </Field.Root>
              </Flex>
            </Section>

            {format === 'csv' && (
              <Section title={t('import.step.mapping')}>
                {busy === 'columns' && <Typography>{t('import.mapping.reading')}</Typography>}
                {columns === null && busy !== 'columns' && <Typography>{t('import.mapping.waiting')}</Typography>}
                {columns !== null && (
                  <Flex direction="column" alignItems="stretch" gap={4}>
                    <Typography>{t('import.mapping.help')}</Typography>
                    <Typography textColor="neutral600">
                      {t('import.mapping.detected', {
                        rows: columns.rows,
                        delimiter: columns.delimiter === '\t' ? 'tab' : columns.delimiter,
                      })}
                    </Typography>
                    <Table colCount={2} rowCount={columns.columns.length + 1}>
                      <Thead>
                        <Tr>
                          <Th>
                            <Typography variant="sigma">{t('import.mapping.column')}</Typography>
                          </Th>
                          <Th>
                            <Typography variant="sigma">{t('import.mapping.field')}</Typography>
                          </Th>
                        </Tr>
                      </Thead>
                      <Tbody>
                        {columns.columns.map((column) => (
                          <Tr key={column}>
                            <Td>
                              <Typography fontWeight="semiBold">{column}</Typography>
                            </Td>
                            <Td>
                              <Field.Root name={`mapping-${column}`} width="320px">
                                <Field.Label>{t('import.mapping.fieldFor', { column })}</Field.Label>
                                <SingleSelect
                                  value={mapping[column] ?? ''}
                                  placeholder={t('import.mapping.ignore')}
                                  onChange={(value: string | number) =>
                                    setMapping((current) => ({ ...current, [column]: String(value) }))
                                  }
                                >
                                  <SingleSelectOption value="">{t('import.mapping.ignore')}</SingleSelectOption>
                                  {PLAIN_CSV_FIELDS[kind].map((field) => (
                                    <SingleSelectOption
                                      key={field}
                                      value={field}
                                      disabled={mapped.has(field) && mapping[column] !== field}
                                    >
                                      {t(`import.field.${field}`)}
                                    </SingleSelectOption>
                                  ))}
                                </SingleSelect>
                              </Field.Root>
                            </Td>
                          </Tr>
                        ))}
                      </Tbody>
                    </Table>
                    {!mappingReady && (
                      <Typography textColor="danger600">
                        {t(kind === 'services' ? 'import.mapping.needed.services' : 'import.mapping.needed')}
                      </Typography>
                    )}
                    <Field.Root name="source" hint={t('import.source.hint')} width="320px">
                      <Field.Label>{t('import.source')}</Field.Label>
                      <TextInput
                        value={source}
                        placeholder="tableur"
                        onChange={(event: React.ChangeEvent<HTMLInputElement>) => setSource(event.target.value)}
                      />
                      <Field.Hint />
                    </Field.Root>
                  </Flex>
                )}
              </Section>
            )}

            <Section title={t('import.step.run')}>
              <Flex direction="column" alignItems="flex-start" gap={4}>
                <Box>
                  <Checkbox checked={publish} onCheckedChange={(checked) => setPublish(checked === true)}>
                    {t('import.publish')}
                  </Checkbox>
                  <Typography variant="pi" textColor="neutral600">
                    {t('import.publish.hint')}
                  </Typography>
                </Box>
                <Flex gap={2}>
                  <Button
                    variant="secondary"
                    disabled={!ready}
                    loading={busy === 'check'}
                    onClick={() => void send(true)}
                  >
                    {t('import.check')}
                  </Button>
                  <Button disabled={!ready} loading={busy === 'import'} onClick={() => void send(false)}>
                    {t('import.run')}
                  </Button>
                </Flex>
                {(busy === 'check' || busy === 'import') && (
                  <Typography role="status" textColor="neutral600">
                    {t('import.busy')}
                  </Typography>
                )}
                {error && (
                  <Typography role="alert" textColor="danger600">
                    {error}
                  </Typography>
                )}
              </Flex>
            </Section>

            {report && <Report key={reportRun} report={report} t={t} />}
          </>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

const DirectoryImportPage = () => (
  <Page.Protect permissions={[{ action: ACTIONS.importDirectory, subject: null }]}>
    <DirectoryImport />
  </Page.Protect>
);

export default DirectoryImportPage;
