import { useState } from 'react';
import { Button, Flex, Modal, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { Channel, ConsentInput, PersonUpdateRequest, PersonView } from '../../../shared/contracts/pense-bete';
import { API, problemOf, type Problem } from '../utils/api';
import { defaultConsent } from '../utils/consent-text';
import { useT } from '../utils/translate';
import { ChoiceField } from './ChoiceField';
import { ConsentFields } from './ConsentFields';
import { ProblemAlert } from './ProblemAlert';
import { TextField } from './TextField';

interface Props {
  person: PersonView;
  onClose(): void;
  onSaved(): void;
}

const NO_PROBLEM: Problem = { message: '', fields: {} };

/**
 * The person's first name and contact. Choosing a channel the person has not agreed to (or
 * agreeing again after a withdrawal) asks for the consent, as when the person was added.
 */
export const PersonEditModal = ({ person, onClose, onSaved }: Props) => {
  const t = useT();
  const { put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [firstName, setFirstName] = useState(person.firstName);
  const [phone, setPhone] = useState(person.phone ?? '');
  const [email, setEmail] = useState(person.email ?? '');
  const [channel, setChannel] = useState<Channel>(person.channel);
  const [consent, setConsent] = useState<ConsentInput>(defaultConsent);
  const [problem, setProblem] = useState<Problem>(NO_PROBLEM);
  const [busy, setBusy] = useState(false);
  const needsConsent = !person.consents[channel];

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(NO_PROBLEM);
    const body: PersonUpdateRequest = { firstName, channel };
    if (phone.trim() !== (person.phone ?? '')) body.phone = phone.trim() || null;
    if (email.trim() !== (person.email ?? '')) body.email = email.trim() || null;
    if (needsConsent) body.consent = consent;
    try {
      await put(`${API}/persons/${person.id}`, body);
      toggleNotification({ type: 'success', message: t('edit.done') });
      onSaved();
    } catch (error) {
      setProblem(problemOf(error, t('edit.error')));
    } finally {
      setBusy(false);
    }
  };

  const { fields } = problem;
  return (
    <Modal.Root open onOpenChange={(isOpen: boolean) => !isOpen && onClose()}>
      <Modal.Content>
        <form onSubmit={submit} noValidate>
          <Modal.Header closeLabel={t('common.close')}>
            <Modal.Title>{t('edit.title', { name: person.firstName })}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <ProblemAlert problem={problem} />
              <TextField
                name="firstName"
                label={t('person.firstName')}
                required
                value={firstName}
                onChange={setFirstName}
                error={fields.firstName}
              />
              <TextField
                name="phone"
                type="tel"
                label={t('person.phone')}
                hint={t('person.phone.hint')}
                value={phone}
                onChange={setPhone}
                error={fields.phone}
              />
              <TextField
                name="email"
                type="email"
                label={t('person.email')}
                value={email}
                onChange={setEmail}
                error={fields.email}
              />
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
              {needsConsent && (
                <>
                  <Typography>{t(`edit.consentNeeded.${channel}`)}</Typography>
                  <ConsentFields value={consent} onChange={setConsent} fields={fields} />
                </>
              )}
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{t('common.cancel')}</Button>
            </Modal.Close>
            <Button type="submit" loading={busy}>
              {t('edit.submit')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
