export * from './contracts/summary';
export * from './permissions';
