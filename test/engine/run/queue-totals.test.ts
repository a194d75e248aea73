/**
 * The queue's totals against a real engine, links from a loopback origin that trickles its
 * files: the time left follows the bytes the running downloads still have to fetch (a few quick
 * failures first made the old per-finished-video estimate say seconds), none while paused; the
 * batch counts the videos added since the queue was last empty; a paused download keeps its
 * progress and bytes.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { QueueTotals } from '../../../shared/api';
import { createEngine, type Engine } from '../../../electron/engine/create-engine';
import * as make from '../../helpers/media-fixtures';
import { startOrigin, type FileRoute } from '../../helpers/origin-server';
import { tempDir } from '../../helpers/temp-dir';
import { until } from '../../helpers/wait-for';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** How fast the origin sends: slow (~10 s for the file), a little slower than at once, at once, or 404. */
type Pace = 'slow' | 'medium' | 'fast' | 404;
const trickles = { slow: { chunkBytes: 8 * 1024, everyMs: 50 }, medium: { chunkBytes: 64 * 1024, everyMs: 25 } };

async function setUp(routes: Record<string, Pace>) {
  const body = fs.readFileSync(await make.incompressible(await make.standardDefinition43(tempDir())));
  const route = (kind: Pace): FileRoute | { kind: 'status'; status: number } =>
    kind === 404
      ? { kind: 'status', status: 404 }
      : { kind: 'file', body, ...(kind === 'fast' ? {} : { trickle: trickles[kind] }) };
  const origin = await startOrigin(Object.fromEntries(Object.entries(routes).map(([p, kind]) => [p, route(kind)])));
  cleanups.push(() => origin.close());
  // One connection a download, so a download's speed is the origin's trickle.
  const engine: Engine = createEngine({ dataDir: tempDir(), fetch: { maxConnections: 1, maxAttempts: 1 } });
  cleanups.push(() => engine.close());
  await engine.setSettings({ concurrency: { downloads: 2, downloadsPerHost: 2, transcodes: 1, deliveries: 3 } });
  const stop = new AbortController();
  const add = async (paths: string[]) =>
    (
      await engine.addLinks({ links: paths.map((p) => ({ url: origin.url(p) })), options: { transcode: false } })
    ).queued.map((v) => v.uid);
  const run = () => {
    const running = engine.run({ watch: true, signal: stop.signal, pollMs: 50 });
    cleanups.push(async () => {
      stop.abort();
      await running;
    });
  };
  return { engine, body, add, run };
}

describe("the queue's time left", () => {
  it('is the bytes the downloads still have to fetch at their speed, and none while paused', async () => {
    const { engine, add, run } = await setUp({ '/gone-1': 404, '/gone-2': 404, '/a.mp4': 'slow', '/b.mp4': 'slow' });
    const gone = await add(['/gone-1', '/gone-2']);
    run();
    await until(async () => (await engine.getMany({ uids: gone })).every((v) => v.status.state === 'error'));
    const [a, b] = (await add(['/a.mp4', '/b.mp4'])) as [string, string];
    // Both downloading with a time left of their own.
    await until(async () =>
      (await engine.getMany({ uids: [a, b] })).every(
        (v) => v.status.state === 'downloading' && (v.status.etaSeconds ?? 0) > 0,
      ),
    );
    const rows = await engine.getMany({ uids: [a, b] });
    const totals = await engine.totals();
    // Side by side, the queue is done when the slower of the two is: not their sum, not seconds.
    const slowest = Math.max(...rows.map((v) => v.status.etaSeconds ?? 0));
    expect(totals.etaSeconds).toBeGreaterThan(slowest * 0.5);
    expect(totals.etaSeconds).toBeLessThan(slowest * 2);

    await engine.pauseQueue();
    expect((await engine.totals()).etaSeconds).toBe(-1);
  }, 60_000);
});

describe('the batch', () => {
  it('counts the videos added since the queue was last empty, and their downloaded bytes', async () => {
    const { engine, body, add, run } = await setUp({
      '/1.mp4': 'fast',
      '/2.mp4': 'medium',
      '/gone': 404,
      '/3.mp4': 'fast',
    });
    const seen: QueueTotals['batch'][] = [];
    engine.on('totals', (t) => seen.push(t.batch));
    const first = await add(['/1.mp4', '/2.mp4', '/gone']);
    expect((await engine.totals()).batch).toEqual({ done: 0, total: 3, bytesDone: 0, bytesTotal: 0 });
    run();
    await until(async () => (await engine.totals()).byState.ready === 2);
    await until(async () =>
      (await engine.getMany({ uids: first })).every((v) => ['ready', 'error'].includes(v.status.state)),
    );
    // On its way it counted the two downloads' bytes (the failed link's are none).
    expect(seen.some((batch) => batch.total === 3 && batch.bytesTotal === 2 * body.length)).toBe(true);
    expect(seen.some((batch) => batch.done > 0 && batch.done < 3)).toBe(true);
    // The queue is empty: the batch is over, and the next video starts a new one.
    expect((await engine.totals()).batch.total).toBe(0);
    await engine.pauseQueue();
    await add(['/3.mp4']);
    expect((await engine.totals()).batch).toMatchObject({ done: 0, total: 1 });
  }, 60_000);
});

describe('a paused download', () => {
  it('keeps its progress and size, and goes on from there', async () => {
    const { engine, body, add, run } = await setUp({ '/slow.mp4': 'slow' });
    const [uid] = (await add(['/slow.mp4'])) as [string];
    run();
    await until(async () => (await engine.get({ uid })).status.pctComplete >= 5);
    await engine.pause({ uids: [uid] });
    const paused = await engine.get({ uid });
    expect(paused.status.state).toBe('paused');
    expect(paused.size).toBe(body.length);
    expect(paused.status.pctComplete).toBeGreaterThanOrEqual(5);
    // The batch's bytes say as much.
    expect((await engine.totals()).batch.bytesDone).toBeGreaterThanOrEqual(Math.floor(body.length * 0.05));

    await engine.resume({ uids: [uid] });
    const seen: number[] = [];
    engine.on('videos', (videos) => videos.forEach((v) => v.uid === uid && seen.push(v.status.pctComplete)));
    await until(() => seen.length >= 3);
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(paused.status.pctComplete);
  }, 60_000);
});

describe('"Keep going" after "stop after current"', () => {
  it('clears the switch: the queue goes on to the videos waiting instead of pausing', async () => {
    const { engine, add, run } = await setUp({ '/1.mp4': 'medium', '/2.mp4': 'fast', '/3.mp4': 'fast' });
    await engine.setSettings({ concurrency: { downloads: 1, downloadsPerHost: 1, transcodes: 1, deliveries: 3 } });
    const uids = await add(['/1.mp4', '/2.mp4', '/3.mp4']);
    run();
    await until(async () => (await engine.get({ uid: uids[0]! })).status.state === 'downloading');
    expect((await engine.stopAfterCurrent()).queue.stopAfterCurrent).toBe(true);
    // What resumeQueue answers is what the banner's "Keep going" shows.
    expect((await engine.resumeQueue()).queue).toMatchObject({ paused: false, stopAfterCurrent: false });
    await until(async () => (await engine.getMany({ uids })).every((v) => v.status.state === 'ready'));
    expect((await engine.totals()).queue).toMatchObject({ paused: false, stopAfterCurrent: false });
  }, 60_000);
});

describe('the pace of transcodes', () => {
  it('is measured on the transcodes done, and gives the files still to transcode a time left', async () => {
    const dir = tempDir();
    const files = [await make.landscape1080(dir, 3), await make.standardDefinition43(dir)];
    const engine = createEngine({ dataDir: tempDir() });
    cleanups.push(() => engine.close());
    await engine.setSettings({ concurrency: { downloads: 2, downloadsPerHost: 2, transcodes: 1, deliveries: 3 } });
    const seen: { ready: number; inprogress: number; eta: number }[] = [];
    engine.on('totals', (t) =>
      seen.push({ ready: t.byState.ready, inprogress: t.byState.inprogress, eta: t.etaSeconds }),
    );
    await engine.addFiles({ paths: files, options: { ladder: [240] } });
    await engine.run();
    // None before one transcode finished (no pace to go by), one while the second transcodes.
    expect(seen.filter((t) => t.ready === 0 && t.inprogress > 0).every((t) => t.eta === -1)).toBe(true);
    expect(seen.some((t) => t.ready === 1 && t.inprogress > 0 && t.eta > 0)).toBe(true);
  }, 120_000);
});
