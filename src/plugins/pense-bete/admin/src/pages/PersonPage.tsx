import { useCallback, useEffect, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router-dom';
import {
  Badge,
  Box,
  Button,
  EmptyStateLayout,
  Flex,
  Grid,
  LinkButton,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Pencil, Plus } from '@strapi/icons';
import { BackButton, Layouts, Page, useFetchClient, useRBAC } from '@strapi/strapi/admin';
import type { Channel, PersonView, StepView } from '../../../shared/contracts/pense-bete';
import { ACTIONS } from '../../../shared/permissions';
import { DeleteStepDialog } from '../components/DeleteStepDialog';
import { PersonEditModal } from '../components/PersonEditModal';
import { ReminderHistory } from '../components/ReminderHistory';
import { WithdrawConsentDialog } from '../components/WithdrawConsentDialog';
import { API, PAGES, isNotFound } from '../utils/api';
import { useParisDates } from '../utils/dates';
import { offsetLabel, repeatLabel } from '../utils/steps';
import { useT } from '../utils/translate';
import { LoadError } from '@csc/plugin-core/admin-toolkit';

type Detail = PersonView & { steps: StepView[] };
type State = { kind: 'loading' } | { kind: 'error' } | { kind: 'missing' } | { kind: 'ready'; person: Detail };

const Line = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Box paddingBottom={3}>
    <Typography variant="sigma" textColor="neutral600" tag="p">
      {label}
    </Typography>
    <Typography tag="div">{children}</Typography>
  </Box>
);

const Section = ({
  title,
  action,
  children,
}: {
  title: string;
  action?: React.ReactNode;
  children: React.ReactNode;
}) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
    <Flex justifyContent="space-between" alignItems="center" paddingBottom={4} gap={4} wrap="wrap">
      <Typography variant="delta" tag="h2">
        {title}
      </Typography>
      {action}
    </Flex>
    {children}
  </Box>
);

const Person = () => {
  const t = useT();
  const { id } = useParams();
  const { get } = useFetchClient();
  const { instant, short, day } = useParisDates();
  const {
    allowedActions: { canManage },
  } = useRBAC({ manage: [{ action: ACTIONS.manage, subject: null }] });
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [editing, setEditing] = useState(false);
  // Bumped after a change, so that the history shows the cancelled and new reminders.
  const [version, setVersion] = useState(0);

  const load = useCallback(async () => {
    try {
      const { data } = await get<Detail>(`${API}/persons/${id}`);
      setState({ kind: 'ready', person: data });
    } catch (error) {
      setState({ kind: isNotFound(error) ? 'missing' : 'error' });
    }
  }, [get, id]);

  useEffect(() => {
    void load();
  }, [load]);

  const changed = () => {
    setVersion((value) => value + 1);
    void load();
  };

  if (state.kind === 'loading') return <Page.Loading>{t('common.loading')}</Page.Loading>;
  if (state.kind === 'missing') return <Page.Error content={t('person.missing')} />;
  if (state.kind === 'error') return <LoadError message={t('person.error')} onRetry={() => void load()} />;

  const { person } = state;
  const consented = person.consents[person.channel];
  const anyConsent = person.consents.sms || person.consents.email;
  const consentLabel = (channel: Channel) =>
    t(person.consents[channel] ? 'person.consent.given' : 'person.consent.none', {
      channel: t(`channel.${channel}`),
    });
  const nextOf = (step: StepView) => step.reminders.find((reminder) => reminder.status === 'planned');

  return (
    <Page.Main>
      <Page.Title>{person.firstName}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={PAGES} />}
        title={person.firstName}
        subtitle={person.centre?.name}
        primaryAction={
          canManage ? (
            <LinkButton tag={RouterLink} to={`${PAGES}/personnes/${person.id}/demarches/ajouter`} startIcon={<Plus />}>
              {t('steps.add')}
            </LinkButton>
          ) : undefined
        }
        secondaryAction={
          canManage ? (
            <Button variant="tertiary" startIcon={<Pencil />} onClick={() => setEditing(true)}>
              {t('person.edit')}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {!consented && (
            <Box background="warning100" borderColor="warning200" hasRadius padding={4} role="status">
              <Typography>{t(`person.noConsent.${person.channel}`, { name: person.firstName })}</Typography>
            </Box>
          )}

          <Section title={t('person.details')}>
            <Grid.Root gap={4}>
              <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                <Line label={t('person.phone')}>{person.phone ?? '—'}</Line>
              </Grid.Item>
              <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                <Line label={t('person.email.short')}>{person.email ?? '—'}</Line>
              </Grid.Item>
              <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                <Line label={t('person.channel.short')}>{t(`channel.${person.channel}.long`)}</Line>
              </Grid.Item>
              <Grid.Item col={8} s={12} direction="column" alignItems="stretch">
                <Line label={t('person.consents')}>
                  {consentLabel('sms')} · {consentLabel('email')}
                </Line>
              </Grid.Item>
              <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                <Line label={t('person.createdAt')}>{instant(person.createdAt)}</Line>
              </Grid.Item>
            </Grid.Root>
            {canManage && anyConsent && (
              <Flex paddingTop={2}>
                <WithdrawConsentDialog person={person} onDone={changed} />
              </Flex>
            )}
          </Section>

          <Section title={t('steps.title')}>
            {person.steps.length === 0 ? (
              <EmptyStateLayout
                content={t('steps.empty', { name: person.firstName })}
                action={
                  canManage ? (
                    <LinkButton
                      tag={RouterLink}
                      variant="secondary"
                      to={`${PAGES}/personnes/${person.id}/demarches/ajouter`}
                      startIcon={<Plus />}
                    >
                      {t('steps.add')}
                    </LinkButton>
                  ) : undefined
                }
              />
            ) : (
              <Table colCount={4} rowCount={person.steps.length + 1}>
                <Thead>
                  <Tr>
                    {['title', 'date', 'next', 'actions'].map((column) => (
                      <Th key={column}>
                        <Typography variant="sigma">{t(`steps.column.${column}`)}</Typography>
                      </Th>
                    ))}
                  </Tr>
                </Thead>
                <Tbody>
                  {person.steps.map((step) => {
                    const next = nextOf(step);
                    return (
                      <Tr key={step.id}>
                        <Td>
                          <Flex direction="column" alignItems="flex-start">
                            <Typography fontWeight="bold">{step.title}</Typography>
                            <Typography variant="pi" textColor="neutral600">
                              {t('steps.reminders', {
                                list: step.offsets.map((offset) => offsetLabel(t, offset)).join(', '),
                              })}
                            </Typography>
                            {step.status === 'ended' && <Badge size="S">{t('steps.ended')}</Badge>}
                          </Flex>
                        </Td>
                        <Td>
                          <Flex direction="column" alignItems="flex-start">
                            <Typography>
                              {day(step.date)}
                              {step.time ? ` · ${step.time.replace(':', ' h ')}` : ''}
                            </Typography>
                            <Typography variant="pi" textColor="neutral600">
                              {repeatLabel(t, step.recurrence, day)}
                            </Typography>
                          </Flex>
                        </Td>
                        <Td>
                          <Typography>{next ? short(next.sendAt) : t('steps.noNext')}</Typography>
                        </Td>
                        <Td>
                          {canManage && (
                            <Flex direction="column" alignItems="stretch" gap={2}>
                              <LinkButton
                                tag={RouterLink}
                                variant="tertiary"
                                size="S"
                                startIcon={<Pencil />}
                                to={`${PAGES}/personnes/${person.id}/demarches/${step.id}`}
                              >
                                {t('steps.edit')}
                              </LinkButton>
                              <DeleteStepDialog step={step} onDone={changed} />
                            </Flex>
                          )}
                        </Td>
                      </Tr>
                    );
                  })}
                </Tbody>
              </Table>
            )}
          </Section>

          <Section title={t('history.title')}>
            <ReminderHistory person={person.id} refresh={version} />
          </Section>
        </Flex>
        {editing && (
          <PersonEditModal
            person={person}
            onClose={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              changed();
            }}
          />
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

const PersonPage = () => (
  <Page.Protect permissions={[{ action: ACTIONS.read, subject: null }]}>
    <Person />
  </Page.Protect>
);

export default PersonPage;
