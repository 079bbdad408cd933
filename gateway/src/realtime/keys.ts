/**
 * The only Redis keys the realtime server touches: the domain event streams it listens to (it owns none).
 * Every domain appends its envelopes to `<prefix>:<domain>:events` (docs: ARCHITECTURE, Redis / Events); the
 * name is built in the kit, which every domain and reader shares.
 */
export { domainEventStream } from '@polystatus/kit';
