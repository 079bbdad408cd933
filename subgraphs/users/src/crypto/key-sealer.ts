import { createSealer, type Sealer } from '@polystatus/kit';

/**
 * Seals the private signing keys before they reach Redis, so a Redis dump or replica alone cannot mint tokens.
 * The sealing itself is the kit's (shared with comms' webhook secrets); the purpose below is fixed forever,
 * since it derives the key every signing key already stored was sealed with.
 */
export type KeySealer = Sealer;

export const createKeySealer = (secret: string): KeySealer =>
  createSealer(secret, { salt: 'polystatus-users', info: 'signing-key-encryption' });
