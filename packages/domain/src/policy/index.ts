/**
 * Package policy as versioned DMN 1.3 decision tables (issue 5, engine part): the DMN engine,
 * the policy versions, package proposals with explanations, deviations and impact simulation.
 * The TCK runner (./tck, ./cli) is tooling and not exported.
 */
export * from './dmn/types';
export { parseDmn } from './dmn/parse';
export { evaluateDecisions } from './dmn/evaluate';
export { evaluateDecisionTable, type TableEvaluation } from './dmn/decision-table';
export * from './result';
export * from './measures';
export * from './models/manifest';
export * from './versions';
export { loadBundledPolicy, loadBundledPolicyInEffect, readBundledXml } from './models/bundled';
export * from './propose';
export * from './deviation';
export * from './explain-nl';
export * from './impact';
export * from './validate';
export * from './lifecycle';
