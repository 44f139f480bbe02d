import { useEffect, useState } from 'react';
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
  Tr,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page, useDebounce, useQueryParams, useRBAC } from '@strapi/strapi/admin';
import { ListHead, LoadError, usePagedList } from '@csc/plugin-core/admin-toolkit';
import type { PersonPage } from '../../../shared/contracts/pense-bete';
import { ACTIONS } from '../../../shared/permissions';
import { API, PAGES } from '../utils/api';
import { useParisDates } from '../utils/dates';
import { useT } from '../utils/translate';
import { ListFooter } from '../components/ListFooter';

const PAGE_SIZE = 20;

const Persons = () => {
  const t = useT();
  const navigate = useNavigate();
  const { short } = useParisDates();
  const {
    allowedActions: { canManage },
  } = useRBAC({ manage: [{ action: ACTIONS.manage, subject: null }] });
  const [{ query }, setQuery] = useQueryParams<{ page?: string; q?: string }>();
  const page = Math.max(1, Number(query.page) || 1);
  const [search, setSearch] = useState(query.q ?? '');
  const debounced = useDebounce(search.trim(), 300);

  useEffect(() => {
    if (debounced !== (query.q ?? '')) setQuery({ q: debounced || undefined, page: '1' });
  }, [debounced, query.q, setQuery]);

  const list = usePagedList<PersonPage['results'][number], PersonPage>(
    `${API}/persons`,
    { q: query.q },
    {
      page,
      pageSize: PAGE_SIZE,
      error: t('persons.error'),
    },
  );

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

        {list.loading && <Page.Loading>{t('common.loading')}</Page.Loading>}
        {list.error && <LoadError message={list.error} onRetry={() => void list.reload()} />}
        {list.pagination && list.rows.length === 0 && (
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
        {list.pagination && list.rows.length > 0 && (
          <>
            <Table colCount={5} rowCount={list.rows.length + 1}>
              <ListHead
                columns={[
                  ...['firstName', 'contact', 'channel', 'next'].map((column) => t(`persons.column.${column}`)),
                  <VisuallyHidden key="open">{t('persons.column.open')}</VisuallyHidden>,
                ]}
              />
              <Tbody>
                {list.rows.map((person) => (
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
            <ListFooter summaryKey="persons.pagination" pagination={list.pagination} />
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
