import { Badge } from '@strapi/design-system';
import type { ReminderStatus as Status } from '../../../shared/contracts/pense-bete';
import { useT } from '../utils/translate';

const VARIANTS: Record<Status, 'success' | 'primary' | 'danger' | 'warning' | 'neutral' | 'secondary'> = {
  planned: 'secondary',
  sending: 'primary',
  sent: 'primary',
  delivered: 'success',
  failed: 'danger',
  cancelled: 'neutral',
  dropped: 'warning',
};

/** A reminder's state in plain French: « Prévu », « Reçu », « Non remis »… */
export const ReminderStatus = ({ status }: { status: Status }) => {
  const t = useT();
  return (
    <Badge variant={VARIANTS[status]} size="S">
      {t(`status.${status}`)}
    </Badge>
  );
};
