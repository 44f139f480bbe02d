import { useCallback, useEffect, useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import {
  Badge,
  Button,
  EmptyStateLayout,
  Field,
  Flex,
  Link,
  LinkButton,
  Table,
  Tbody,
  Td,
  TextInput,
  Th,
  Thead,
  Tr,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page, useDebounce, useFetchClient, useQueryParams, useRBAC } from '@strapi/strapi/admin';
import type { PersonPage } from '../../../shared/contracts/pense-bete';
import { ACTIONS } from '../../../shared/permissions';
import { API, PAGES } from '../utils/api';
import { useParisDates } from '../utils/dates';
import { useT } from '../utils/translate';
import { ListFooter } from '../components/ListFooter';

const PAGE_SIZE = 20;

type State = { kind: 'loading' } | { kind: 'error' } | { kind: 'ready'; page: PersonPage };

const Persons = () => {
  const t = useT();
  const navigate = useNavigate();
  const { get } = useFetchClient();
  const { short } = useParisDates();
  const {
    allowedActions: { canManage },
  } = useRBAC({ manage: [{ action: ACTIONS.manage, subject: null }] });
  const [{ query }, setQuery] = useQueryParams<{ page?: string; q?: string }>();
  const page = Math.max(1, Number(query.page) || 1);
  const [search, setSearch] = useState(query.q ?? '');
  const debounced = useDebounce(search.trim(), 300);
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    if (debounced !== (query.q ?? '')) setQuery({ q: debounced || undefined, page: '1' });
  }, [debounced, query.q, setQuery]);

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    try {
      const params: Record<string, string | number> = { page, pageSize: PAGE_SIZE };
      if (query.q) params.q = query.q;
      const { data } = await get<PersonPage>(`${API}/persons`, { params });
      setState({ kind: 'ready', page: data });
    } catch {
      setState({ kind: 'error' });
    }
  }, [get, page, query.q]);

  useEffect(() => {
    void load();
  }, [load]);

  const addButton = canManage ? (
    <LinkButton tag={RouterLink} to={`${PAGES}/ajouter`} startIcon={<Plus />} size="L">
      {t('persons.add')}
    </LinkButton>
  ) : undefined;

  return (
    <Page.Main>
      <Page.Title>{t('persons.title')}</Page.Title>
      <Layouts.Header title={t('persons.title')} subtitle={t('persons.subtitle')} primaryAction={addButton} />
      <Layouts.Content>
        <Flex gap={4} alignItems="flex-end" wrap="wrap" paddingBottom={4}>
          <Field.Root name="q" hint={t('persons.search.hint')} width="320px">
            <Field.Label>{t('persons.search')}</Field.Label>
            <TextInput
              type="search"
              autoComplete="off"
              value={search}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => setSearch(event.target.value)}
            />
            <Field.Hint />
          </Field.Root>
          <Link tag={RouterLink} to={`${PAGES}/a-relancer`}>
            {t('persons.followUpLink')}
          </Link>
        </Flex>

        {state.kind === 'loading' && <Page.Loading>{t('common.loading')}</Page.Loading>}
        {state.kind === 'error' && (
          <Page.Error
            content={t('persons.error')}
            action={
              <Button variant="secondary" onClick={() => void load()}>
                {t('common.retry')}
              </Button>
            }
          />
        )}
        {state.kind === 'ready' && state.page.results.length === 0 && (
          <EmptyStateLayout
            content={query.q ? t('persons.empty.search', { q: query.q }) : t('persons.empty')}
            action={
              query.q ? (
                <Button variant="secondary" onClick={() => setSearch('')}>
                  {t('persons.search.clear')}
                </Button>
              ) : (
                addButton
              )
            }
          />
        )}
        {state.kind === 'ready' && state.page.results.length > 0 && (
          <>
            <Table colCount={5} rowCount={state.page.results.length + 1}>
              <Thead>
                <Tr>
                  {['firstName', 'contact', 'channel', 'next', 'open'].map((column) => (
                    <Th key={column}>
                      {column === 'open' ? (
                        <VisuallyHidden>{t('persons.column.open')}</VisuallyHidden>
                      ) : (
                        <Typography variant="sigma">{t(`persons.column.${column}`)}</Typography>
                      )}
                    </Th>
                  ))}
                </Tr>
              </Thead>
              <Tbody>
                {state.page.results.map((person) => (
                  <Tr
                    key={person.id}
                    onClick={() => navigate(`${PAGES}/personnes/${person.id}`)}
                    style={{ cursor: 'pointer' }}
                  >
                    <Td>
                      <Typography fontWeight="bold">{person.firstName}</Typography>
                    </Td>
                    <Td>
                      <Typography>{person.channel === 'sms' ? person.phone : person.email}</Typography>
                    </Td>
                    <Td>
                      <Flex gap={2}>
                        <Typography>{t(`channel.${person.channel}`)}</Typography>
                        {!person.consents[person.channel] && (
                          <Badge variant="warning" size="S">
                            {t('persons.noConsent')}
                          </Badge>
                        )}
                      </Flex>
                    </Td>
                    <Td>
                      <Typography>{person.nextReminder ? short(person.nextReminder) : t('persons.noNext')}</Typography>
                    </Td>
                    <Td onClick={(event: React.MouseEvent) => event.stopPropagation()}>
                      <Link tag={RouterLink} to={`${PAGES}/personnes/${person.id}`}>
                        {t('persons.open', { name: person.firstName })}
                      </Link>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
            <ListFooter summaryKey="persons.pagination" pagination={state.page.pagination} />
          </>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

const PersonsPage = () => (
  <Page.Protect permissions={[{ action: ACTIONS.read, subject: null }]}>
    <Persons />
  </Page.Protect>
);

export default PersonsPage;
