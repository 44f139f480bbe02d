export * from './contracts/health';
export * from './contracts/overview';
export * from './contracts/audit';
export * from './contracts/centre';
export * from './contracts/gdpr';
export * from './permissions';
export * from './contracts/outbox';
