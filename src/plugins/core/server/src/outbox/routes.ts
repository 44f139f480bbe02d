import { ACTIONS } from '../../../shared/permissions';

const guarded = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
});

/** Admin routes of Socle › File d’attente. */
export const outboxRoutes = [
  { method: 'GET' as const, path: '/outbox/summary', handler: 'outbox.summary', config: guarded(ACTIONS.readOutbox) },
  { method: 'GET' as const, path: '/outbox/jobs', handler: 'outbox.list', config: guarded(ACTIONS.readOutbox) },
  { method: 'GET' as const, path: '/outbox/jobs/:id', handler: 'outbox.detail', config: guarded(ACTIONS.readOutbox) },
  {
    method: 'POST' as const,
    path: '/outbox/jobs/:id/retry',
    handler: 'outbox.retry',
    config: guarded(ACTIONS.manageOutbox),
  },
  {
    method: 'POST' as const,
    path: '/outbox/jobs/:id/discard',
    handler: 'outbox.discard',
    config: guarded(ACTIONS.manageOutbox),
  },
];
