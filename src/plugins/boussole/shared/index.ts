export * from './contracts/values';
export * from './contracts/compass';
export * from './contracts/admin';
export * from './contracts/partner';
export * from './permissions';
