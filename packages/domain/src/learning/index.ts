export * from './incident';
export * from './evaluation';
export * from './evaluation-templates';
export * from './lesson';
export * from './lesson-follow-up';
