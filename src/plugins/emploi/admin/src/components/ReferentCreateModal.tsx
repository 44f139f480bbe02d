import { useState } from 'react';
import { Button, Flex, Modal, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { NO_PROBLEM, ProblemAlert, TextField, problemOf, type Problem } from '@csc/plugin-core/admin-toolkit';
import type { CreatedReferent } from '../../../shared/contracts/staff';
import { API, useT } from '../utils';

/** A referent's account, by her address: she chooses her password with « mot de passe oublié ». */
export const ReferentCreateModal = ({ onClose, onSaved }: { onClose(): void; onSaved(): void }) => {
  const t = useT();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [email, setEmail] = useState('');
  const [problem, setProblem] = useState<Problem>(NO_PROBLEM);
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(NO_PROBLEM);
    try {
      const { data } = await post<{ data: CreatedReferent }>(`${API}/referents`, { email: email.trim() });
      const done = data.data.added ? 'referentCreate.added' : 'referentCreate.done';
      toggleNotification({ type: 'success', message: t(done, { email: data.data.email }) });
      onSaved();
    } catch (error) {
      setProblem(problemOf(error, t('referentCreate.error')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal.Root open onOpenChange={(isOpen: boolean) => !isOpen && onClose()}>
      <Modal.Content>
        <form onSubmit={submit} noValidate>
          <Modal.Header closeLabel={t('common.close')}>
            <Modal.Title>{t('referentCreate.title')}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <ProblemAlert problem={problem} />
              <Typography tag="p">{t('referentCreate.intro')}</Typography>
              <TextField
                name="email"
                type="email"
                label={t('referentCreate.email')}
                required
                autoFocus
                value={email}
                onChange={setEmail}
                error={problem.fields.email}
              />
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{t('common.cancel')}</Button>
            </Modal.Close>
            <Button type="submit" loading={busy}>
              {t('referentCreate.submit')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
