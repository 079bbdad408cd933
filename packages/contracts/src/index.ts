export * from './comms.ts';
export * from './csp.ts';
export * from './envelope.ts';
export * from './flags.ts';
export * from './incidents.ts';
export * from './registry.ts';
export * from './users.ts';
