/**
 * The download side of Settings.download, against a real local HTTP origin: the bandwidth limit
 * holds all downloads together under its rate (bytes over time, bounded from below only, so a
 * slow machine cannot fail it), and the download hours keep links waiting, say until when, and
 * stop a download when they end, keeping its bytes.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/create-engine';
import * as make from '../../helpers/media-fixtures';
import { startOrigin } from '../../helpers/origin-server';
import { tempDir } from '../../helpers/temp-dir';
import { piecesOnDisk, until } from '../../helpers/wait-for';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function open(): Engine {
  const engine = createEngine({ dataDir: tempDir(), fetch: { baseMs: 20, idleTimeoutMs: 10_000 } });
  cleanups.push(() => engine.close());
  return engine;
}

/** A real video of a few MiB that does not compress. */
async function videoBody(): Promise<Buffer> {
  return fs.readFileSync(await make.incompressible(await make.standardDefinition43(tempDir())));
}

/** Queues the link and works the queue as the app does (watching, looking every 50 ms) until the test ends. */
async function addAndWatch(engine: Engine, url: string): Promise<string> {
  const { queued } = await engine.addLinks({ links: [{ url }], options: { transcode: false } });
  const stop = new AbortController();
  const running = engine.run({ watch: true, signal: stop.signal, pollMs: 50 });
  cleanups.push(async () => {
    stop.abort();
    await running;
  });
  return queued[0]!.uid;
}

/** Local time `minutes` from now, HH:MM. */
function clockIn(minutes: number): string {
  const date = new Date(Date.now() + minutes * 60_000);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

describe('the download bandwidth limit', () => {
  it('keeps two downloads together under the rate', async () => {
    const body = await videoBody();
    const origin = await startOrigin({
      '/a.mkv': { kind: 'file', body, contentType: 'video/x-matroska' },
      '/b.mkv': { kind: 'file', body, contentType: 'video/x-matroska' },
    });
    cleanups.push(() => origin.close());
    const engine = open();
    // Two bodies in about six seconds, whatever the fixture's size.
    const rate = Math.round(body.length / 3);
    await engine.setSettings({ download: { maxBytesPerSecond: rate, hours: null } });
    await engine.addLinks({
      links: [{ url: origin.url('/a.mkv') }, { url: origin.url('/b.mkv') }],
      options: { transcode: false },
    });
    const started = Date.now();
    await engine.run();
    const seconds = (Date.now() - started) / 1000;
    const { videos } = await engine.list({});
    expect(videos.map((v) => v.status.state)).toEqual(['ready', 'ready']);
    // What went through the limit: both bodies, less the quarter second of burst its bucket holds.
    const limitedBytes = 2 * body.length - rate / 4;
    expect(seconds).toBeGreaterThanOrEqual((0.9 * limitedBytes) / rate);
  });
});

describe('the download hours', () => {
  it('keep links waiting outside them, saying until when, and let them download inside them', async () => {
    const body = await videoBody();
    const origin = await startOrigin({ '/a.mkv': { kind: 'file', body, contentType: 'video/x-matroska' } });
    cleanups.push(() => origin.close());
    const engine = open();
    const later = { start: clockIn(120), end: clockIn(180) };
    await engine.setSettings({ download: { maxBytesPerSecond: null, hours: later } });
    const uid = await addAndWatch(engine, origin.url('/a.mkv'));
    expect((await engine.totals()).queue.downloadsWaitUntil).toBe(later.start);
    // The loop looks every 50 ms: it has had several chances to start the download.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await engine.get({ uid })).status.state).toBe('queued');
    expect(origin.served.gets.get('/a.mkv') ?? 0).toBe(0);

    await engine.setSettings({
      download: { maxBytesPerSecond: null, hours: { start: clockIn(-60), end: clockIn(60) } },
    });
    expect((await engine.totals()).queue.downloadsWaitUntil).toBeUndefined();
    await until(async () => (await engine.get({ uid })).status.state === 'ready');
  });

  it('stop a download when they end, keeping its bytes for the next ones', async () => {
    const body = await videoBody();
    const origin = await startOrigin({
      '/a.mkv': {
        kind: 'file',
        body,
        contentType: 'video/x-matroska',
        trickle: { chunkBytes: 16 * 1024, everyMs: 20 },
      },
    });
    cleanups.push(() => origin.close());
    const engine = open();
    const uid = await addAndWatch(engine, origin.url('/a.mkv'));
    await until(() => piecesOnDisk(engine.paths.dataDir, uid, 'a.mkv') >= 1);
    const over = { start: clockIn(120), end: clockIn(180) };
    await engine.setSettings({ download: { maxBytesPerSecond: null, hours: over } });
    await until(async () => (await engine.get({ uid })).status.state === 'queued');
    expect((await engine.history({ uid })).map((e) => e.type)).toContain('interrupted');
    expect(piecesOnDisk(engine.paths.dataDir, uid, 'a.mkv')).toBeGreaterThanOrEqual(1);
  });
});
