export * from './segments';
export * from './phone';
export * from './hours';
export * from './sender';
