export * from './contracts/summary';
export * from './contracts/offers';
export * from './contracts/values';
export * from './contracts/members';
export * from './permissions';
export * from './siret';
export * from './job-posting';
