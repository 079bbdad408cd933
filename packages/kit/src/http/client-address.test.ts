import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustedProxies } from './client-address.ts';

const loopback = parseTrustedProxies('127.0.0.0/8,::1/128');

describe('client address', () => {
  it('uses the socket peer when it is not a trusted proxy, whatever X-Forwarded-For says', () => {
    expect(clientAddress('203.0.113.9', '10.0.0.1', loopback)).toBe('203.0.113.9');
  });

  it('believes X-Forwarded-For from a trusted proxy', () => {
    expect(clientAddress('127.0.0.1', '198.51.100.7', loopback)).toBe('198.51.100.7');
    expect(clientAddress('::ffff:127.0.0.1', '198.51.100.7', loopback)).toBe('198.51.100.7');
  });

  it('walks from the right so a client cannot spoof the left of the chain', () => {
    expect(clientAddress('127.0.0.1', '1.2.3.4, 198.51.100.7', loopback)).toBe('198.51.100.7');
    expect(clientAddress('127.0.0.1', ['1.2.3.4', '198.51.100.7, 127.0.0.2'], loopback)).toBe('198.51.100.7');
  });

  it('stops at a hop that is not an address', () => {
    expect(clientAddress('127.0.0.1', 'garbage', loopback)).toBe('127.0.0.1');
  });

  it('trusts nobody with `none`, and refuses a bad entry', () => {
    expect(clientAddress('127.0.0.1', '198.51.100.7', parseTrustedProxies('none'))).toBe('127.0.0.1');
    expect(() => parseTrustedProxies('10.0.0.0/8, not-an-ip')).toThrow(/not-an-ip/);
  });
});
