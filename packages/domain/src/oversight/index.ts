export * from './anomaly-rules';
export * from './anomaly-evaluation';
