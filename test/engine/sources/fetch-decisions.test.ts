import { describe, expect, it } from 'vitest';
import {
  describeStatus,
  failureVerdict,
  planPieces,
  rangeResponseVerdict,
  refuseContent,
} from '../../../electron/engine/sources/fetch-decisions';
import { SpeedMeter } from '../../../electron/engine/sources/speed-meter';

const MiB = 1024 * 1024;
const text = (s: string) => new TextEncoder().encode(s);

describe('fetch decisions', () => {
  it.each([
    [{ kind: 'dropped' as const }, 'resume'],
    [{ kind: 'unreachable' as const }, 'wait'],
    [{ kind: 'status' as const, status: 503 }, 'wait'],
    [{ kind: 'status' as const, status: 429 }, 'wait'],
    [{ kind: 'status' as const, status: 408 }, 'wait'],
    [{ kind: 'status' as const, status: 404 }, 'final'],
    [{ kind: 'status' as const, status: 401 }, 'final'],
    [{ kind: 'final' as const }, 'final'],
  ])('after %j: %s', (failure, verdict) => {
    expect(failureVerdict(failure)).toBe(verdict);
  });

  it('splits large ranged files over several connections, and nothing without ranges', () => {
    expect(planPieces(100 * MiB, false, 8)).toEqual({ pieceBytes: 100 * MiB, pieces: 1, connections: 1 });
    expect(planPieces(MiB, true, 8)).toEqual({ pieceBytes: MiB, pieces: 1, connections: 1 });
    expect(planPieces(6 * MiB, true, 8)).toEqual({ pieceBytes: MiB, pieces: 6, connections: 3 });
    const big = planPieces(1024 * MiB, true, 8);
    expect(big).toEqual({ pieceBytes: 32 * MiB, pieces: 32, connections: 8 });
    expect(planPieces(1024 * MiB, true, 2).connections).toBe(2);
  });

  it('continues only a 206 that starts where we stopped, for the same file', () => {
    const expected = { start: 1000, size: 5000 };
    expect(rangeResponseVerdict({ status: 206, contentRange: 'bytes 1000-4999/5000' }, expected)).toBe('continue');
    expect(rangeResponseVerdict({ status: 206, contentRange: 'bytes 0-4999/5000' }, expected)).toBe('restart');
    expect(rangeResponseVerdict({ status: 206, contentRange: 'bytes 1000-5999/6000' }, expected)).toBe('restart');
    expect(rangeResponseVerdict({ status: 200, contentRange: null }, expected)).toBe('restart');
    expect(rangeResponseVerdict({ status: 416, contentRange: 'bytes */5000' }, expected)).toBe('complete');
  });

  it('refuses pages and playlists by type or by their first bytes', () => {
    expect(refuseContent('text/html; charset=UTF-8', null)?.code).toBe('ERR_NOT_A_DIRECT_LINK');
    expect(refuseContent('application/octet-stream', text('<!doctype html><html>'))?.code).toBe(
      'ERR_NOT_A_DIRECT_LINK',
    );
    expect(refuseContent('application/vnd.apple.mpegurl', null)?.code).toBe('ERR_STREAMING_MANIFEST');
    expect(refuseContent('application/dash+xml', null)?.code).toBe('ERR_STREAMING_MANIFEST');
    expect(refuseContent('binary/octet-stream', text('<?xml version="1.0"?><MPD>'))?.code).toBe(
      'ERR_STREAMING_MANIFEST',
    );
    expect(refuseContent('video/mp4', text('\u0000\u0000\u0000\u0020ftypisom'))).toBeNull();
    expect(refuseContent(null, null)).toBeNull();
  });

  it('says what a status means and what to do', () => {
    expect(describeStatus(401, 'Unauthorized')).toBe(
      'The server answered 401 Unauthorized: the server wants credentials: add the right Authorization header (--header).',
    );
    expect(describeStatus(599, '')).toBe('The server answered 599: the server failed.');
  });
});

describe('speed meter', () => {
  it('smooths the speed and estimates the time left', () => {
    const meter = new SpeedMeter(0, 0);
    expect(meter.eta(1000)).toBe(-1);
    expect(meter.update(1000, 1000)).toBe(1000);
    const after = meter.update(5000, 2000); // an instant 4000 B/s is only partly believed
    expect(after).toBeGreaterThan(1000);
    expect(after).toBeLessThan(4000);
    expect(meter.eta(after * 10)).toBeCloseTo(10);
  });
});
