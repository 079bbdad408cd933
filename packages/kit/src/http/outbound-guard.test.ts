import { describe, expect, it } from 'vitest';
import { assertPublicDestination, isPublicAddress, OutboundRefusedError } from './outbound-guard.ts';

describe('isPublicAddress', () => {
  it.each([
    '0.0.0.0',
    '10.1.2.3',
    '100.64.0.1',
    '127.0.0.1',
    '127.255.255.254',
    '169.254.169.254',
    '172.16.0.1',
    '172.31.255.255',
    '192.0.2.10',
    '192.168.1.1',
    '198.18.0.1',
    '224.0.0.251',
    '255.255.255.255',
    '::',
    '::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:8.8.8.8',
    'fe80::1',
    'fe80::1%eth0',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '2001:db8::1',
    '64:ff9b::a00:1', // NAT64 of 10.0.0.1
    '64:ff9b::127.0.0.1',
    '2002:7f00:1::', // 6to4 of 127.0.0.1
    'not-an-ip',
    '',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '93.184.215.14',
    '172.32.0.1', // just outside 172.16/12
    '100.128.0.1', // just outside the CGNAT /10
    '2606:4700:4700::1111',
    '2001:4860:4860::8888',
    '64:ff9b::808:808', // NAT64 of 8.8.8.8
    '2002:808:808::1', // 6to4 of 8.8.8.8
  ])('accepts %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe('assertPublicDestination on literals (no DNS involved)', () => {
  const refused = (href: string) =>
    expect(assertPublicDestination(new URL(href), { allowPrivate: false })).rejects.toBeInstanceOf(
      OutboundRefusedError,
    );

  it('refuses loopback, private and mapped literals, and non-http schemes', async () => {
    await refused('http://127.0.0.1:6379/');
    await refused('http://[::1]/hook');
    await refused('http://[::ffff:169.254.169.254]/latest/meta-data');
    await refused('https://10.0.0.5/');
    await refused('http://0x7f000001/'); // WHATWG URL normalises this to 127.0.0.1
    await refused('ftp://8.8.8.8/');
    await refused('file:///etc/passwd');
  });

  it('accepts a public literal, and anything http(s) when private networks are allowed', async () => {
    await expect(assertPublicDestination(new URL('https://8.8.8.8/'), { allowPrivate: false })).resolves.toBe(
      undefined,
    );
    await expect(
      assertPublicDestination(new URL('http://127.0.0.1:9/'), { allowPrivate: true }),
    ).resolves.toBeUndefined();
    await expect(
      assertPublicDestination(new URL('gopher://127.0.0.1/'), { allowPrivate: true }),
    ).rejects.toBeInstanceOf(OutboundRefusedError);
  });
});
