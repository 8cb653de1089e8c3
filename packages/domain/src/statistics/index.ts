export * from './suppression';
export * from './advisory-figures';
export * from './quality-monitor';
export * from './quality-daf';
