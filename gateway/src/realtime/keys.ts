/**
 * The only Redis keys the realtime server touches: the domain event streams it listens to (it owns none).
 * Every domain appends its envelopes to `<prefix>:<domain>:events` (docs: ARCHITECTURE, Redis / Events).
 */
export const domainEventStream = (prefix: string, domain: string): string => `${prefix}:${domain}:events`;
