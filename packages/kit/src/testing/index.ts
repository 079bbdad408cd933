export * from './pausable-proxy.ts';
export * from './shared-redis.ts';
export * from './subgraph-harness.ts';
