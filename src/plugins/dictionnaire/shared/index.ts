export * from './contracts/summary';
export * from './contracts/public';
export * from './contracts/contributor';
export * from './contracts/admin';
export * from './permissions';
export * from './normalise';
export * from './readability';
