export * from './lifecycle';
export * from './access';
export * from './policy-facts';
