export * from './suppression';
export * from './advisory-figures';
