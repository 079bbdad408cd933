import type { Redis } from '@polystatus/kit';
import type { UsersKeys } from '../keys.ts';
import { scripts } from './scripts.ts';
import { type StreamLimits, type StreamWrites, streamArgs } from './stream-writes.ts';

/** A JWT signing key as stored: the public half in clear (it is published anyway), the private half sealed. */
export interface SigningKeyRecord {
  kid: string;
  alg: 'EdDSA';
  createdAt: number;
  /** Set when another key became active; the key still verifies tokens until they have all expired. */
  retiredAt: number | null;
  publicJwk: Record<string, string>;
  /** The private JWK, sealed by crypto/key-sealer.ts with the kid as associated data. */
  sealedPrivateJwk: string;
}

export class SigningKeyStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: UsersKeys,
    private readonly limits: StreamLimits,
  ) {
    scripts.install(redis);
  }

  async load(): Promise<{ activeKid: string | null; records: SigningKeyRecord[] }> {
    const [all, active] = await Promise.all([
      this.redis.hgetall(this.keys.signingKeys),
      this.redis.get(this.keys.activeSigningKey),
    ]);
    return { activeKid: active, records: Object.values(all).map((v) => JSON.parse(v) as SigningKeyRecord) };
  }

  /** Installs `record` as the first key unless one exists; returns the active kid (another replica's, maybe). */
  async initialize(record: SigningKeyRecord): Promise<string> {
    return (await scripts.run(
      this.redis,
      'initSigningKey',
      [this.keys.signingKeys, this.keys.activeSigningKey],
      [record.kid, JSON.stringify(record)],
    )) as string;
  }

  /** False when the active key changed since `expectedActiveKid` was read (a concurrent rotation won). */
  async rotate(opts: {
    expectedActiveKid: string;
    next: SigningKeyRecord;
    retired: SigningKeyRecord | null;
    drop: string[];
    writes: StreamWrites;
  }): Promise<boolean> {
    const k = this.keys;
    const result = await scripts.run(
      this.redis,
      'rotateSigningKey',
      [k.signingKeys, k.activeSigningKey, k.events, k.audit],
      [
        opts.expectedActiveKid,
        opts.next.kid,
        JSON.stringify(opts.next),
        opts.retired ? JSON.stringify(opts.retired) : '',
        JSON.stringify(opts.drop),
        ...streamArgs(opts.writes, this.limits, opts.next.createdAt),
      ],
    );
    return result === 'OK';
  }
}
