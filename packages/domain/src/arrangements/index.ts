export * from './lifecycle';
export * from './access';
export * from './policy-facts';
export * from './as-of';
