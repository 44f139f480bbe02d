export * from './contracts/summary';
export * from './contracts/public-content';
export * from './permissions';
