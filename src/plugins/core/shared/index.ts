export * from './contracts/health';
export * from './contracts/overview';
export * from './permissions';
