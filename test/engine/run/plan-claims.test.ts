import { describe, expect, it } from 'vitest';
import { HostSlowdown } from '../../../electron/engine/context/host-slowdown';
import { freeSlots, hostsAtLimit, type StageLimits } from '../../../electron/engine/run/plan-claims';

const limits: StageLimits = { fetch: 4, fetchPerHost: 2, probe: 2, transcode: 1, deliver: 3 };
const open = { paused: false, stopAfterCurrent: false, lowDiskSpace: false };

describe('which stages may take work', () => {
  it('gives each stage its free slots, nearest-to-done first, so downloads go on while a transcode runs', () => {
    expect(freeSlots(limits, { transcode: 1, fetch: 1 }, open)).toEqual([
      { stage: 'deliver', slots: 3 },
      { stage: 'probe', slots: 2 },
      { stage: 'fetch', slots: 3 },
    ]);
  });

  it.each([{ paused: true }, { lowDiskSpace: true }])('starts nothing when the queue is %o', (switches) =>
    expect(freeSlots(limits, {}, { ...open, ...switches })).toEqual([]),
  );

  it('keeps hosts at their per-host limit, and slowed hosts at their allowance, out of the next claim', () => {
    const running = new Map([
      ['a.test', 2],
      ['b.test', 1],
      ['c.test', 1],
    ]);
    const slowed = new Map([
      ['c.test', 1],
      ['d.test', 0],
    ]);
    expect(hostsAtLimit(2, running, slowed).sort()).toEqual(['a.test', 'c.test', 'd.test']);
  });
});

describe('a host that asked us to slow down', () => {
  it('gets no new download until its wait is over, then one at a time for a while, then its full share', () => {
    const hosts = new HostSlowdown(60_000);
    hosts.slowDown('a.test', 5_000, 1_000);
    expect(hosts.allowance(2_000)).toEqual(new Map([['a.test', 0]]));
    expect(hosts.nextChangeAt(2_000)).toBe(6_000);
    expect(hosts.allowance(6_000)).toEqual(new Map([['a.test', 1]]));
    expect(hosts.nextChangeAt(6_000)).toBe(66_000);
    expect(hosts.allowance(66_000)).toEqual(new Map());
    expect(hosts.nextChangeAt(66_000)).toBeUndefined();
  });

  it('keeps the longer of two waits', () => {
    const hosts = new HostSlowdown(0);
    hosts.slowDown('a.test', 10_000, 0);
    hosts.slowDown('a.test', 1_000, 500);
    expect(hosts.allowance(9_000).get('a.test')).toBe(0);
  });
});
