/**
 * The upload bandwidth limit, on a fake clock (so nothing here depends on how fast this machine
 * is): bytes pass at the rate set, shared by every upload at once, and lifting the limit lets
 * waiting bytes go.
 */
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BandwidthLimit } from '../../../electron/engine/delivery/bandwidth-limit';
import { UploadSpeed } from '../../../electron/engine/delivery/upload-speed';

const MiB = 1024 * 1024;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Sends `bytes` through the limit; answers the fake time at which the last byte came out. */
function send(limit: BandwidthLimit, bytes: number): Promise<number> {
  const source = Readable.from([Buffer.alloc(bytes)]);
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  return pipeline(source, limit.throttle(), sink).then(() => Date.now());
}

describe('the upload bandwidth limit', () => {
  it('lets bytes through at the rate set, one budget for all uploads', async () => {
    const limit = new BandwidthLimit();
    limit.setRate(MiB);
    const start = Date.now();
    const both = Promise.all([send(limit, 2 * MiB), send(limit, 2 * MiB)]);
    await vi.advanceTimersByTimeAsync(10_000);
    const ends = await both;
    const last = Math.max(...ends) - start;
    // 4 MiB at 1 MiB/s, less the quarter-second burst the bucket starts allowed to build.
    expect(last).toBeGreaterThanOrEqual(3700);
    expect(last).toBeLessThanOrEqual(4300);
    // Shared fairly: neither upload finished long before the other.
    expect(Math.abs(ends[0]! - ends[1]!)).toBeLessThan(500);
  });

  it('does not hold anything back without a limit, and lifting one releases what waits', async () => {
    const limit = new BandwidthLimit();
    const start = Date.now();
    expect((await send(limit, 8 * MiB)) - start).toBe(0);
    limit.setRate(64 * 1024);
    const slow = send(limit, 4 * MiB);
    await vi.advanceTimersByTimeAsync(1000);
    limit.setRate(null);
    await vi.advanceTimersByTimeAsync(1000);
    // At 64 KiB/s the 4 MiB would have taken a minute.
    expect((await slow) - start).toBeLessThanOrEqual(2000);
  });
});

describe('a piece larger than the bucket', () => {
  it('goes once the bucket is full, and the next waits for the debt: never stuck, still at the rate', async () => {
    const limit = new BandwidthLimit();
    limit.setRate(64 * 1024);
    const start = Date.now();
    const first = limit.take(256 * 1024).then(() => Date.now() - start);
    const second = limit.take(256 * 1024).then(() => Date.now() - start);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await first).toBeLessThanOrEqual(500);
    // 256 KiB of debt at 64 KiB/s: about four seconds before anything else goes.
    expect(await second).toBeGreaterThanOrEqual(3900);
  });
});

describe('upload speed', () => {
  it('is the rate over the last seconds, so a stall shows', () => {
    const speed = new UploadSpeed();
    expect(speed.update(0, 0)).toBe(0);
    expect(speed.update(MiB, 1000)).toBe(MiB);
    expect(speed.update(4 * MiB, 2000)).toBe(2 * MiB);
    // Nothing more for ten seconds: the window has only the stall left in it.
    expect(speed.update(4 * MiB, 12_000)).toBeLessThan(MiB / 2);
  });
});
