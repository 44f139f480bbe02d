import { ACTIONS } from '../../../shared/permissions';

const policies = [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions: [ACTIONS.readMail] } },
];

/** Admin routes of the e-mail channel, spread into `routes/admin.ts`. */
export const mailAdminRoutes = [
  { method: 'GET' as const, path: '/e-mails', handler: 'mail.list', config: { policies } },
  { method: 'GET' as const, path: '/e-mails/:id', handler: 'mail.findOne', config: { policies } },
];
