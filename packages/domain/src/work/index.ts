export * from './work-queues';
export * from './attention';
