export * from './envelope.ts';
export * from './incidents.ts';
export * from './registry.ts';
export * from './users.ts';
