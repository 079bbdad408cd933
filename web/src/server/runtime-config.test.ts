import { describe, expect, it } from 'vitest';
import { readRuntimeConfig } from './runtime-config.ts';

describe('readRuntimeConfig', () => {
  it('gives the browser the gateway over HTTP and the same path over WebSocket', () => {
    expect(readRuntimeConfig({ GATEWAY_URL: 'http://127.0.0.1:4100/graphql' }).browser).toEqual({
      httpUrl: 'http://127.0.0.1:4100/graphql',
      wsUrl: 'ws://127.0.0.1:4100/graphql',
    });
  });

  it('uses PUBLIC_GATEWAY_URL for the browser when the server reaches the gateway elsewhere', () => {
    const config = readRuntimeConfig({
      GATEWAY_URL: 'http://gateway:4000/graphql',
      PUBLIC_GATEWAY_URL: 'https://status.example.com/graphql',
    });
    expect(config.gatewayUrl).toBe('http://gateway:4000/graphql');
    expect(config.browser.wsUrl).toBe('wss://status.example.com/graphql');
  });

  it('refuses what is not an http(s) URL', () => {
    expect(() => readRuntimeConfig({ GATEWAY_URL: 'gateway:4000' })).toThrow(/GATEWAY_URL/);
    expect(() => readRuntimeConfig({ PUBLIC_GATEWAY_URL: 'ftp://x/graphql' })).toThrow(/PUBLIC_GATEWAY_URL/);
  });

  it('reads the public snapshot from rest-comms, its root without a trailing slash', () => {
    expect(readRuntimeConfig({}).commsPublicUrl).toBe('http://127.0.0.1:8082');
    expect(readRuntimeConfig({ COMMS_PUBLIC_URL: 'http://rest-comms:8082/' }).commsPublicUrl).toBe(
      'http://rest-comms:8082',
    );
    expect(() => readRuntimeConfig({ COMMS_PUBLIC_URL: 'rest-comms' })).toThrow(/COMMS_PUBLIC_URL/);
  });
});
