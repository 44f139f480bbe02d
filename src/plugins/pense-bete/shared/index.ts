export * from './contracts/summary';
export * from './contracts/pense-bete';
export * from './permissions';
export * from './contracts/news';
export * from './news';
