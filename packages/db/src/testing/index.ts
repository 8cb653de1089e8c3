export * from './test-database';
export * from './migration-database';
