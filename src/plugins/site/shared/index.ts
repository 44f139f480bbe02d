export * from './contracts/public-content';
export * from './contracts/builds';
export * from './permissions';
