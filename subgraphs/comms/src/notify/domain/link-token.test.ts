import { describe, expect, it } from 'vitest';
import { createLinkSigner } from './link-token.ts';

describe('subscriber link tokens', () => {
  const signer = createLinkSigner('a key-encryption secret of 32+ characters');

  it('confirms until it expires, for its purpose only', () => {
    const token = signer.sign({ purpose: 'confirm', subscriptionId: 's1', expiresAt: 2000 });
    expect(signer.verify(token, 'confirm', 1999)?.subscriptionId).toBe('s1');
    expect(signer.verify(token, 'confirm', 2000)).toBeNull();
    expect(signer.verify(token, 'unsubscribe', 1000)).toBeNull();
  });

  it('refuses another key, a tampered payload and garbage', () => {
    const token = signer.sign({ purpose: 'unsubscribe', subscriptionId: 's1' });
    expect(signer.verify(token, 'unsubscribe', Date.now())?.subscriptionId).toBe('s1');
    expect(
      createLinkSigner('another secret of thirty-two characters!!').verify(token, 'unsubscribe', 0),
    ).toBeNull();
    const forged = `${Buffer.from('{"p":"unsubscribe","s":"s2"}').toString('base64url')}.${token.split('.')[1]}`;
    expect(signer.verify(forged, 'unsubscribe', 0)).toBeNull();
    expect(signer.verify('nonsense', 'unsubscribe', 0)).toBeNull();
    // A confirm link must expire: one without an expiry is refused.
    expect(signer.verify(signer.sign({ purpose: 'confirm', subscriptionId: 's1' }), 'confirm', 0)).toBeNull();
  });
});
