export * from './text';
export * from './common';
export * from './cases';
export * from './assessments';
export * from './policy';
export * from './audit';
export * from './work';
export * from './oversight';
