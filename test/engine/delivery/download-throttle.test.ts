import { describe, expect, it } from 'vitest';
import { downloadThrottle } from '../../../electron/engine/context/download-throttle';
import { BandwidthLimit } from '../../../electron/engine/delivery/bandwidth-limit';

/** Settings whose download limit the test changes, as another process's setSettings would. */
const settingsWith = (limit: { value: number | null }) => ({
  get: () => ({ download: { maxBytesPerSecond: limit.value, hours: null } }),
});

describe("a download's throttle", () => {
  it('lets bytes through without waiting when there is no limit', () => {
    const take = downloadThrottle({ settings: settingsWith({ value: null }), downloadLimit: new BandwidthLimit() });
    expect(take(64 * 1024)).toBeUndefined();
  });

  it('picks up a limit set while the download runs, at the next read of the settings', async () => {
    const limit = { value: null as number | null };
    let now = 0;
    const take = downloadThrottle({ settings: settingsWith(limit), downloadLimit: new BandwidthLimit() }, () => now);
    expect(take(1024)).toBeUndefined();
    limit.value = 1024 * 1024;
    now = 100;
    // Read at most twice a second: not yet.
    expect(take(1024)).toBeUndefined();
    now = 600;
    const waiting = take(1024);
    expect(waiting).toBeInstanceOf(Promise);
    await waiting;
    limit.value = null;
    now = 1200;
    expect(take(1024)).toBeUndefined();
  });
});
