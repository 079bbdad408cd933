import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomUUID,
} from 'node:crypto';
import { DomainError } from '@polystatus/kit';
import type { SigningKeyRecord, SigningKeyStore } from '../store/signing-key-store.ts';
import type { StreamWrites } from '../store/stream-writes.ts';
import type { SigningKey } from './access-token.ts';
import type { KeySealer } from './key-sealer.ts';

/** A public key as published at /.well-known/jwks.json. */
export interface PublicJwk {
  kty: string;
  crv: string;
  x: string;
  kid: string;
  alg: string;
  use: 'sig';
}

interface Loaded {
  record: SigningKeyRecord;
  publicKey: KeyObject;
  /** Opened on first use: only the active key's private half is ever needed. */
  privateKey?: KeyObject;
}

export interface KeyringOptions {
  store: SigningKeyStore;
  sealer: KeySealer;
  /** A retired key stays published this long: the longest an access token it signed can still be valid. */
  retentionMs: number;
  /** How stale this replica's view of the keys may get before it re-reads them (rotation by another replica). */
  refreshMs?: number;
  clock?: () => number;
}

function generate(now: number, sealer: KeySealer): SigningKeyRecord {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const kid = `${new Date(now).toISOString().slice(0, 10)}-${randomUUID().slice(0, 8)}`;
  return {
    kid,
    alg: 'EdDSA',
    createdAt: now,
    retiredAt: null,
    publicJwk: publicKey.export({ format: 'jwk' }) as Record<string, string>,
    sealedPrivateJwk: sealer.seal(JSON.stringify(privateKey.export({ format: 'jwk' })), kid),
  };
}

/**
 * The service's view of its signing keys, cached in memory over the store. Every replica signs with the key the
 * store marks active and verifies with any key still published, so rotating on one replica is picked up by the
 * others within `refreshMs` (and at once for verification, since an unknown kid triggers a re-read).
 */
/** The stored signing key cannot be opened with this process's key-encryption key. */
export class UnreadableSigningKeyError extends Error {
  constructor(readonly kid: string) {
    super(
      `signing key ${kid} cannot be decrypted: POLYSTATUS_KEY_ENCRYPTION_KEY differs from the one it was sealed with`,
    );
    this.name = 'UnreadableSigningKeyError';
  }
}

export class Keyring {
  private loaded = new Map<string, Loaded>();
  private activeKid: string | null = null;
  private loadedAt = 0;
  private reloading: Promise<void> | undefined;
  private readonly clock: () => number;
  private readonly refreshMs: number;

  constructor(private readonly opts: KeyringOptions) {
    this.clock = opts.clock ?? Date.now;
    this.refreshMs = opts.refreshMs ?? 5_000;
  }

  /** Loads the keys, creating the first one when the store has none. Fails when the keys cannot be opened. */
  async start(): Promise<void> {
    await this.reload();
    if (!this.activeKid) {
      await this.opts.store.initialize(generate(this.clock(), this.opts.sealer));
      await this.reload();
    }
    // Opening the active key now turns a wrong POLYSTATUS_KEY_ENCRYPTION_KEY into a failed start, not failed logins.
    await this.signingKey();
  }

  async signingKey(): Promise<SigningKey> {
    if (this.clock() - this.loadedAt > this.refreshMs) await this.reload();
    const kid = this.activeKid;
    const entry = kid ? this.loaded.get(kid) : undefined;
    if (!kid || !entry) throw new DomainError('UNAVAILABLE', 'no signing key is available');
    entry.privateKey ??= this.open(entry.record);
    return { kid, privateKey: entry.privateKey };
  }

  /** The public key for `kid`, re-reading the store once when it is unknown here (another replica rotated). */
  async publicKey(kid: string): Promise<KeyObject | null> {
    let entry = this.loaded.get(kid);
    if (!entry && this.clock() - this.loadedAt > 1_000) {
      await this.reload();
      entry = this.loaded.get(kid);
    }
    if (!entry || this.expired(entry.record)) return null;
    return entry.publicKey;
  }

  async jwks(): Promise<{ keys: PublicJwk[] }> {
    if (this.clock() - this.loadedAt > this.refreshMs) await this.reload();
    const keys = [...this.loaded.values()]
      .filter((e) => !this.expired(e.record))
      .sort((a, b) => b.record.createdAt - a.record.createdAt)
      .map(({ record }) => ({
        kty: record.publicJwk.kty ?? 'OKP',
        crv: record.publicJwk.crv ?? 'Ed25519',
        x: record.publicJwk.x ?? '',
        kid: record.kid,
        alg: record.alg,
        use: 'sig' as const,
      }));
    return { keys };
  }

  /** Makes a fresh key active; the previous one keeps verifying until its tokens have expired. */
  async rotate(
    writes: (next: SigningKeyRecord, previousKid: string) => StreamWrites,
  ): Promise<SigningKeyRecord> {
    for (let attempt = 0; attempt < 5; attempt++) {
      await this.reload();
      const previousKid = this.activeKid ?? '';
      const now = this.clock();
      const next = generate(now, this.opts.sealer);
      const previous = this.loaded.get(previousKid)?.record;
      const retired = previous ? { ...previous, retiredAt: now } : null;
      const drop = [...this.loaded.values()].filter((e) => this.expired(e.record)).map((e) => e.record.kid);
      const ok = await this.opts.store.rotate({
        expectedActiveKid: previousKid,
        next,
        retired,
        drop,
        writes: writes(next, previousKid),
      });
      if (ok) {
        await this.reload();
        return next;
      }
    }
    throw new DomainError('CONFLICT', 'signing keys are being rotated concurrently; try again');
  }

  private expired(record: SigningKeyRecord): boolean {
    return record.retiredAt !== null && record.retiredAt + this.opts.retentionMs < this.clock();
  }

  private open(record: SigningKeyRecord): KeyObject {
    // A wrong key-encryption key is the likely cause; UnreadableSigningKeyError lets start-up tell it apart.
    try {
      const jwk = JSON.parse(this.opts.sealer.open(record.sealedPrivateJwk, record.kid)) as Record<
        string,
        string
      >;
      return createPrivateKey({ key: jwk, format: 'jwk' });
    } catch {
      throw new UnreadableSigningKeyError(record.kid);
    }
  }

  private reload(): Promise<void> {
    // Concurrent callers share one read instead of each hitting Redis.
    this.reloading ??= (async () => {
      try {
        const { activeKid, records } = await this.opts.store.load();
        const next = new Map<string, Loaded>();
        for (const record of records) {
          const known = this.loaded.get(record.kid);
          next.set(record.kid, {
            record,
            publicKey: known?.publicKey ?? createPublicKey({ key: record.publicJwk, format: 'jwk' }),
            ...(known?.privateKey ? { privateKey: known.privateKey } : {}),
          });
        }
        this.loaded = next;
        this.activeKid = activeKid;
        this.loadedAt = this.clock();
      } finally {
        this.reloading = undefined;
      }
    })();
    return this.reloading;
  }
}
