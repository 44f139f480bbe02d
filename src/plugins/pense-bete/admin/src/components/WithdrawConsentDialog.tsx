import { useState } from 'react';
import { Box, Button, Dialog, Flex, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { WithdrawRequest } from '../../../shared/contracts/pense-bete';
import { API, problemOf } from '../utils/api';
import { useT } from '../utils/translate';
import { ChoiceField } from './ChoiceField';

type Method = WithdrawRequest['method'];
const METHODS: Method[] = ['oral', 'paper', 'email', 'online-form', 'sms-stop'];

interface Props {
  person: { id: string; firstName: string };
  onDone(): void;
}

/** « Retirer le consentement »: says plainly that every message stops at once, then does it. */
export const WithdrawConsentDialog = ({ person, onDone }: Props) => {
  const t = useT();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [open, setOpen] = useState(false);
  const [method, setMethod] = useState<Method>('oral');
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    setBusy(true);
    try {
      const body: WithdrawRequest = { method };
      const { data } = await post<{ cancelled: number }>(`${API}/persons/${person.id}/withdraw-consent`, body);
      toggleNotification({ type: 'success', message: t('withdraw.done', { count: data.cancelled }) });
      setOpen(false);
      onDone();
    } catch (error) {
      toggleNotification({ type: 'danger', message: problemOf(error, t('withdraw.error')).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger>
        <Button variant="danger-light">{t('withdraw.button')}</Button>
      </Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>{t('withdraw.title', { name: person.firstName })}</Dialog.Header>
        <Dialog.Body>
          <Flex direction="column" alignItems="stretch" gap={4} width="100%">
            <Box background="danger100" borderColor="danger200" hasRadius padding={3}>
              <Typography>{t('withdraw.explanation', { name: person.firstName })}</Typography>
            </Box>
            <ChoiceField<Method>
              label={t('withdraw.method')}
              value={method}
              choices={METHODS.map((value) => ({ value, label: t(`withdraw.method.${value}`) }))}
              onChange={setMethod}
            />
          </Flex>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button variant="tertiary">{t('common.cancel')}</Button>
          </Dialog.Cancel>
          <Button variant="danger" loading={busy} onClick={() => void confirm()}>
            {t('withdraw.confirm')}
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
