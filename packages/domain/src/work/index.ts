export * from './work-queues';
export * from './attention';
export * from './execution-queues';
