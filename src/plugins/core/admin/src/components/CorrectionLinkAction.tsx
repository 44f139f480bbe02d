import { useIntl } from 'react-intl';
import { useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { STRUCTURE_UID } from '../../../shared/contracts/directory';
import type { CorrectionLinkSent } from '../../../shared/contracts/directory-contributions';
import { ACTIONS } from '../../../shared/permissions';
import { PLUGIN_ID } from '../pluginId';
import { messageOf } from '../toolkit/errors';

/** What the content manager hands a document action (the part used here). */
interface DocumentActionProps {
  model: string;
  documentId?: string;
}

/**
 * « Envoyer un lien de correction » in the menu of a structure's edit view: e-mails the
 * structure's contact a link to correct its published entry (checked by the server: same
 * centre, published, contact e-mail, site address).
 */
export const CorrectionLinkAction = ({ model, documentId }: DocumentActionProps) => {
  const { formatMessage, formatDate } = useIntl();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const {
    allowedActions: { canSendCorrectionLink },
  } = useRBAC([{ action: ACTIONS.sendCorrectionLink, subject: null }] as never);
  const t = (key: string, values?: Record<string, string>) =>
    formatMessage({ id: `${PLUGIN_ID}.${key}`, defaultMessage: key }, values);
  if (model !== STRUCTURE_UID || !documentId || !canSendCorrectionLink) return null;
  return {
    label: t('correctionLink.action'),
    position: 'panel' as const,
    dialog: {
      type: 'dialog' as const,
      title: t('correctionLink.title'),
      content: t('correctionLink.explanation'),
      confirmLabel: t('correctionLink.confirm'),
      onConfirm: async () => {
        try {
          const { data } = await post<{ data: CorrectionLinkSent }>(
            `/${PLUGIN_ID}/directory/structures/${documentId}/correction-link`,
            {},
          );
          toggleNotification({
            type: 'success',
            message: t('correctionLink.sent', { date: formatDate(data.data.expiresAt, { dateStyle: 'long' }) }),
          });
        } catch (error) {
          toggleNotification({ type: 'danger', message: messageOf(error, t('correctionLink.error')) });
        }
      },
    },
  };
};
