import type { PublicSnapshot } from '@polystatus/contracts';
import { createLogger } from '@polystatus/kit';
import { describe, expect, it } from 'vitest';
import { PublicPage } from './public-page.ts';
import type { PublicState } from './public-state-types.ts';

const settings = {
  pageName: 'Acme',
  pageUrl: 'https://status.example.com',
  recentResolvedMs: 0,
  bannerResolvedMs: 0,
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * An in-memory state that records, for every rendering, when it read and which change it saw (`changes` is
 * bumped by the test with each requested rendering, as a real change would be committed before its request).
 */
function fakeState() {
  let seq = 0;
  let stored: PublicSnapshot | null = null;
  const reads: { at: number; sawChange: number }[] = [];
  const state = {
    changes: 0,
    reads,
    async read(): Promise<PublicState> {
      reads.push({ at: performance.now(), sawChange: state.changes });
      await sleep(5); // a rendering takes a little while
      return {
        seq,
        groups: [],
        components: [],
        history: new Map(),
        incidents: [],
        maintenances: [],
        manualBanner: null,
      };
    },
    async store(readSeq: number, snapshot: PublicSnapshot) {
      if (readSeq !== seq) return false;
      seq = snapshot.version;
      stored = snapshot;
      return true;
    },
    async current() {
      return stored;
    },
  };
  return state;
}

describe('PublicPage rendering during a burst', () => {
  it('renders at once after a quiet spell, then at most once per interval, always ending on the last change', async () => {
    const state = fakeState();
    const page = new PublicPage(state, settings, Date.now, createLogger('test', 'silent'), 250);
    const started = performance.now();
    const changeVisible: number[] = [];
    // 1.2 s of continuous changes, one every 10 ms (a mass import), none of them awaited.
    while (performance.now() - started < 1200) {
      state.changes++;
      const asked = performance.now();
      void page.requestRender().then(() => changeVisible.push(performance.now() - asked));
      await sleep(10);
    }
    const last = state.changes;
    await page.requestRender();
    await page.stop();

    // The first change after the quiet spell rendered at once; the burst folded into one rendering per interval.
    expect(state.reads[0]!.at - started).toBeLessThan(50);
    // At most once per interval; a loaded machine only delays timers, so it may render fewer times, never more.
    expect(state.reads.length).toBeGreaterThanOrEqual(3);
    expect(state.reads.length).toBeLessThanOrEqual(7);
    // (Timers may fire a millisecond or two early by performance.now().)
    for (let i = 1; i < state.reads.length; i++)
      expect(state.reads[i]!.at - state.reads[i - 1]!.at).toBeGreaterThanOrEqual(245);
    // The trailing rendering saw the last change, and every change was on the page within about two intervals
    // (the bound leaves room for a CI machine running the rest of the suite beside this test).
    expect(state.reads.at(-1)!.sawChange).toBe(last);
    expect(Math.max(...changeVisible)).toBeLessThan(1500);
    expect((await page.current())?.version).toBe(state.reads.length);
  });

  it('with no interval, a change waits only for the rendering in progress', async () => {
    const state = fakeState();
    const page = new PublicPage(state, settings, Date.now, createLogger('test', 'silent'), 0);
    for (let i = 0; i < 3; i++) {
      state.changes++;
      await page.requestRender();
    }
    expect(state.reads.map((r) => r.sawChange)).toEqual([1, 2, 3]);
  });
});
