export * from './common';
export * from './cases';
