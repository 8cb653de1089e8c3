export * from './audit-chain';
export * from './merkle';
export * from './checkpoint';
export * from './tree-audit';
export * from './seal-gaps';
export * from './stored-nodes';
