export * from './contracts/health';
export * from './contracts/overview';
export * from './contracts/audit';
export * from './contracts/centre';
export * from './contracts/gdpr';
export * from './contracts/mail';
export * from './contracts/moderation';
export * from './permissions';
