import { describe, expect, it } from 'vitest';
import { CrashHistory, DEFAULT_RESTART_POLICY, maxRestartsFrom } from './restart.ts';

describe('restart policy', () => {
  it('doubles the delay from 0.5 s up to 10 s and gives up after more than maxRestarts crashes in the window', () => {
    const history = new CrashHistory({ ...DEFAULT_RESTART_POLICY, maxRestarts: 7, windowMs: 600_000 });
    const delays = [0, 1, 2, 3, 4, 5, 6].map((i) => history.crashed(i * 1000));
    expect(delays.map((d) => (d.action === 'restart' ? d.delayMs : d.action))).toEqual([
      500, 1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
    expect(history.crashed(7000)).toEqual({ action: 'give-up', crashes: 8 });
  });

  it('gives up on the sixth crash within 60 s by default', () => {
    const history = new CrashHistory(DEFAULT_RESTART_POLICY);
    for (let i = 0; i < 5; i++) expect(history.crashed(i * 10_000).action).toBe('restart');
    expect(history.crashed(50_000).action).toBe('give-up');
  });

  it('forgets crashes older than the window, so a service that stayed up starts again from 0.5 s', () => {
    const history = new CrashHistory(DEFAULT_RESTART_POLICY);
    for (let i = 0; i < 5; i++) history.crashed(i * 1000);
    expect(history.crashed(65_000)).toEqual({ action: 'restart', delayMs: 500, crashes: 1 });
  });

  it('with maxRestarts 0 never restarts', () => {
    expect(new CrashHistory({ ...DEFAULT_RESTART_POLICY, maxRestarts: 0 }).crashed(0).action).toBe('give-up');
  });

  it('reads POLYSTATUS_MAX_RESTARTS', () => {
    expect(maxRestartsFrom(undefined)).toBe(5);
    expect(maxRestartsFrom('')).toBe(5);
    expect(maxRestartsFrom('0')).toBe(0);
    expect(maxRestartsFrom('12')).toBe(12);
    expect(() => maxRestartsFrom('-1')).toThrow(/POLYSTATUS_MAX_RESTARTS/);
    expect(() => maxRestartsFrom('two')).toThrow(/POLYSTATUS_MAX_RESTARTS/);
  });
});
