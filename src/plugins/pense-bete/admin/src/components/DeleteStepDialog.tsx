import { useState } from 'react';
import { Button, Dialog, Typography } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { API, problemOf } from '../utils/api';
import { useT } from '../utils/translate';

interface Props {
  step: { id: string; title: string };
  onDone(): void;
}

/** Deleting a step cancels its reminders not yet sent: asked before it is done. */
export const DeleteStepDialog = ({ step, onDone }: Props) => {
  const t = useT();
  const { del } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    setBusy(true);
    try {
      await del(`${API}/steps/${step.id}`);
      toggleNotification({ type: 'success', message: t('steps.delete.done', { title: step.title }) });
      setOpen(false);
      onDone();
    } catch (error) {
      toggleNotification({ type: 'danger', message: problemOf(error, t('steps.delete.error')).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger>
        <Button variant="danger-light" size="S" startIcon={<Trash />}>
          {t('steps.delete')}
        </Button>
      </Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>{t('steps.delete.title', { title: step.title })}</Dialog.Header>
        <Dialog.Body>
          <Typography>{t('steps.delete.explanation')}</Typography>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button variant="tertiary">{t('common.cancel')}</Button>
          </Dialog.Cancel>
          <Button variant="danger" loading={busy} onClick={() => void confirm()}>
            {t('steps.delete.confirm')}
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
