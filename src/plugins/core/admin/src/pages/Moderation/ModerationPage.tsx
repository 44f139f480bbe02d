import { Page } from '@strapi/strapi/admin';
import { ACTIONS } from '../../../../shared/permissions';
import { ModerationItem } from './ModerationItem';
import { ModerationQueue } from './ModerationQueue';

const protect = (children: React.ReactNode) => (
  <Page.Protect permissions={[{ action: ACTIONS.readModeration, subject: null }]}>{children}</Page.Protect>
);

export const ModerationPage = () => protect(<ModerationQueue />);
export const ModerationItemPage = () => protect(<ModerationItem />);

export default ModerationPage;
