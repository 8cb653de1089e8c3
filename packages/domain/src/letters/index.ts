export * from './awb-terms';
export * from './letter-templates';
export * from './letter-content';
export * from './objection';
export * from './letter-access';
export * from './objection-as-of';
