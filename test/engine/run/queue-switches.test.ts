import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/create-engine';
import { freeDiskBytes } from '../../../electron/engine/housekeeping/run-housekeeping';
import * as make from '../../helpers/media-fixtures';
import { sha256, startOrigin, type FileRoute } from '../../helpers/origin-server';
import { tempDir } from '../../helpers/temp-dir';
import { piecesOnDisk, until } from '../../helpers/wait-for';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function open(dataDir: string): Engine {
  const engine = createEngine({ dataDir, fetch: { baseMs: 20, idleTimeoutMs: 10_000 } });
  cleanups.push(() => engine.close());
  return engine;
}

/** A file of several download pieces (1 MiB each). */
async function bigBody(): Promise<Buffer> {
  return fs.readFileSync(await make.incompressible(await make.standardDefinition43(tempDir())));
}

describe('pausing the whole queue', () => {
  it('stops running work, stays paused across a restart, and resumes from the bytes on disk', async () => {
    const body = await bigBody();
    const origin = await startOrigin({
      '/a.mp4': { kind: 'file', body, trickle: { chunkBytes: 16 * 1024, everyMs: 20 } },
      '/b.mp4': { kind: 'file', body },
    });
    cleanups.push(() => origin.close());
    const dataDir = tempDir();
    let engine = open(dataDir);
    await engine.setSettings({ concurrency: { downloads: 1, downloadsPerHost: 1, transcodes: 1, deliveries: 3 } });
    const { queued } = await engine.addLinks({
      links: [{ url: origin.url('/a.mp4') }, { url: origin.url('/b.mp4') }],
      options: { transcode: false },
    });
    const [a, b] = queued.map((v) => v.uid) as [string, string];
    const running = engine.run();
    // Pause once two pieces are safely on disk.
    await until(() => piecesOnDisk(dataDir, a, 'a.mp4') >= 2);
    const totals = await engine.pauseQueue();
    expect(totals.queue).toEqual({ paused: true, stopAfterCurrent: false, lowDiskSpace: false });
    await running;
    // Back in the queue (not paused one by one): the switch is what holds it.
    expect((await engine.get({ uid: a })).status.state).toBe('queued');
    expect((await engine.history({ uid: a })).map((e) => e.type)).toContain('interrupted');
    const servedBeforeRestart = origin.served.bytes.get('/a.mp4') ?? 0;
    engine.close();

    engine = open(dataDir);
    expect((await engine.totals()).queue.paused).toBe(true);
    await engine.run(); // returns at once: nothing starts on a paused queue
    expect((await engine.get({ uid: b })).status.state).toBe('queued');
    expect(origin.served.bytes.get('/b.mp4') ?? 0).toBe(0);

    (origin.routes['/a.mp4'] as FileRoute).trickle = undefined;
    expect((await engine.resumeQueue()).queue.paused).toBe(false);
    await engine.run();
    const video = await engine.get({ uid: a });
    expect(video.status.state).toBe('ready');
    expect(sha256(fs.readFileSync(video.downloads!.default))).toBe(sha256(body));
    // The resume fetched what was missing, not the whole file again.
    expect((origin.served.bytes.get('/a.mp4') ?? 0) - body.length).toBeLessThan(servedBeforeRestart);
    expect((await engine.get({ uid: b })).status.state).toBe('ready');
  }, 60_000);

  it('"stop after current" lets running work finish, starts nothing new, then pauses the queue', async () => {
    const body = fs.readFileSync(await make.standardDefinition43(tempDir()));
    const origin = await startOrigin({
      '/1.avi': { kind: 'file', body, trickle: { chunkBytes: 16 * 1024, everyMs: 10 } },
      '/2.avi': { kind: 'file', body },
      '/3.avi': { kind: 'file', body },
    });
    cleanups.push(() => origin.close());
    const engine = open(tempDir());
    await engine.setSettings({ concurrency: { downloads: 1, downloadsPerHost: 1, transcodes: 1, deliveries: 3 } });
    const { queued } = await engine.addLinks({
      links: ['/1.avi', '/2.avi', '/3.avi'].map((p) => ({ url: origin.url(p) })),
      options: { transcode: false },
    });
    const running = engine.run();
    await until(() => (origin.served.bytes.get('/1.avi') ?? 0) > 0);
    expect((await engine.stopAfterCurrent()).queue.stopAfterCurrent).toBe(true);
    await running;
    const states = await Promise.all(queued.map(async (v) => (await engine.get({ uid: v.uid })).status.state));
    expect(states).toEqual(['ready', 'queued', 'queued']);
    expect((await engine.totals()).queue).toEqual({ paused: true, stopAfterCurrent: false, lowDiskSpace: false });
  });
});

describe('the disk guard', () => {
  it('pauses the queue when free space is under the threshold, and resumes when there is room', async () => {
    const source = await make.standardDefinition43(tempDir());
    const dataDir = tempDir();
    const engine = open(dataDir);
    const free = await freeDiskBytes(dataDir);
    await engine.setSettings({ minFreeDiskBytes: free + 1024 ** 4 });
    const [video] = (await engine.addFiles({ paths: [source], options: { ladder: [240] } })).queued;
    const seen: boolean[] = [];
    engine.on('totals', (t) => seen.push(t.queue.lowDiskSpace));

    const stop = new AbortController();
    const running = engine.run({ watch: true, signal: stop.signal, pollMs: 50 });
    await until(() => seen.includes(true));
    expect((await engine.totals()).queue.lowDiskSpace).toBe(true);
    expect((await engine.get({ uid: video!.uid })).status.state).toBe('queued');

    await engine.setSettings({ minFreeDiskBytes: 0 });
    await until(async () => (await engine.get({ uid: video!.uid })).status.state === 'ready');
    expect((await engine.totals()).queue.lowDiskSpace).toBe(false);
    stop.abort();
    await running;
  });
});
