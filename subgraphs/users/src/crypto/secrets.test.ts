import { describe, expect, it } from 'vitest';
import {
  displayPrefix,
  newApiToken,
  newRefreshToken,
  newSessionId,
  parseRefreshToken,
  sha256,
} from './secrets.ts';

describe('secrets', () => {
  it('API tokens are ps_ and 32 random bytes; the display prefix is too short to use', () => {
    const token = newApiToken();
    expect(token).toMatch(/^ps_[A-Za-z0-9_-]{43}$/);
    expect(displayPrefix(token)).toBe(token.slice(0, 9));
    expect(newApiToken()).not.toBe(token);
  });

  it('refresh tokens name their session and hash as a whole', () => {
    const sid = newSessionId();
    const token = newRefreshToken(sid);
    expect(parseRefreshToken(token)).toEqual({ sid, hash: sha256(token) });
  });

  it('refuses malformed refresh tokens', () => {
    for (const bad of ['', 'nodot', '.secret', 'sid.', 'short.secret', 'bad sid with spaces!!.secret']) {
      expect(parseRefreshToken(bad)).toBeNull();
    }
  });
});
