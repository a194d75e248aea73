import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/create-engine';
import { findMediaTools } from '../../../electron/engine/media/find-media-tools';
import { childNiceness } from '../../helpers/child-processes';
import * as make from '../../helpers/media-fixtures';
import { startOrigin, type Route } from '../../helpers/origin-server';
import { tempDir } from '../../helpers/temp-dir';
import { sampling } from '../../helpers/wait-for';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function origin(routes: Record<string, Route>) {
  const server = await startOrigin(routes);
  cleanups.push(() => server.close());
  return server;
}

function engineFor(dataDir = tempDir()): Engine {
  const engine = createEngine({ dataDir, fetch: { baseMs: 20, idleTimeoutMs: 10_000 } });
  cleanups.push(() => engine.close());
  return engine;
}

describe('stage scheduling', () => {
  it('holds the download, per-host and transcode limits, and downloads while a transcode runs', async () => {
    const media = tempDir();
    const body = fs.readFileSync(await make.standardDefinition43(media));
    const slow = (): Route => ({ kind: 'file', body, trickle: { chunkBytes: 32 * 1024, everyMs: 15 } });
    const hosts = await Promise.all(
      [0, 1, 2].map(() => origin(Object.fromEntries([0, 1, 2, 3].map((i) => [`/v${i}.avi`, slow()])))),
    );
    const engine = engineFor();
    const local = await make.landscape1080(media, 6);
    await engine.addFiles({ paths: [local], options: { ladder: [360] } });
    await engine.addLinks({
      links: hosts.flatMap((h) => [0, 1, 2, 3].map((i) => ({ url: h.url(`/v${i}.avi`) }))),
      options: { ladder: [240] },
    });

    // Find ffmpeg first: its checks run ffmpeg too, and are not transcodes.
    await findMediaTools(process.env);
    const peak = { downloads: 0, perHost: 0, ffmpeg: 0, downloadsDuringTranscode: 0, bytesPerSecond: 0 };
    const niceness = new Set<number>();
    let etaShown = false;
    engine.on('totals', (totals) => {
      peak.bytesPerSecond = Math.max(peak.bytesPerSecond, totals.bytesPerSecond);
      if (totals.etaSeconds > 0) etaShown = true;
    });
    await sampling(engine.run(), () => {
      const perHost = hosts.map((h) => h.active());
      const downloads = perHost.reduce((a, b) => a + b, 0);
      const nice = childNiceness('ffmpeg');
      for (const n of nice) niceness.add(n);
      const ffmpeg = nice.length;
      peak.downloads = Math.max(peak.downloads, downloads);
      peak.perHost = Math.max(peak.perHost, ...perHost);
      peak.ffmpeg = Math.max(peak.ffmpeg, ffmpeg);
      if (ffmpeg > 0) peak.downloadsDuringTranscode = Math.max(peak.downloadsDuringTranscode, downloads);
    });

    expect((await engine.totals()).byState.ready).toBe(13);
    expect(peak.downloads).toBe(4);
    expect(peak.perHost).toBe(2);
    expect(peak.ffmpeg).toBe(1);
    expect(peak.downloadsDuringTranscode).toBeGreaterThan(0);
    // Transcodes run at a lower priority than Ferry itself, so the desktop stays responsive.
    expect([...niceness]).toEqual([15]);
    // The queue's totals carried its download speed and an overall ETA while it worked.
    expect(peak.bytesPerSecond).toBeGreaterThan(0);
    expect(etaShown).toBe(true);
  }, 120_000);

  it('takes videos by priority, then in the order they were added; "move to top" jumps the line', async () => {
    const body = fs.readFileSync(await make.standardDefinition43(tempDir()));
    const server = await origin(Object.fromEntries([0, 1, 2, 3].map((i) => [`/v${i}.avi`, { kind: 'file', body }])));
    const engine = engineFor();
    await engine.setSettings({ concurrency: { downloads: 1, downloadsPerHost: 1, transcodes: 1, deliveries: 3 } });
    const { queued } = await engine.addLinks({
      links: [0, 1, 2, 3].map((i) => ({ url: server.url(`/v${i}.avi`) })),
      options: { transcode: false },
    });
    const moved = await engine.moveToTop({ uid: queued[2]!.uid });
    expect(moved.uid).toBe(queued[2]!.uid);
    await expect(engine.moveToTop({ uid: 'f'.repeat(32) })).rejects.toThrow(/No video with uid/);
    await engine.run();
    const order = server.served.requests.filter((r) => r.method === 'GET').map((r) => r.path);
    expect(order).toEqual(['/v2.avi', '/v0.avi', '/v1.avi', '/v3.avi']);
  });

  it('slows the whole host after a 429, shows when the next attempt is due, and still finishes', async () => {
    const body = fs.readFileSync(await make.standardDefinition43(tempDir()));
    const server = await origin({
      '/busy.avi': { kind: 'file', body, failFirst: { times: 1, status: 429, retryAfter: '1' } },
      '/slow.avi': { kind: 'file', body, trickle: { chunkBytes: 16 * 1024, everyMs: 10 } },
      '/later.avi': { kind: 'file', body },
    });
    const engine = engineFor();
    const { queued } = await engine.addLinks({
      links: ['/busy.avi', '/slow.avi', '/later.avi'].map((p) => ({ url: server.url(p) })),
      options: { transcode: false },
    });
    const busy = queued[0]!.uid;
    let shownRetry: string | undefined;
    engine.on('videos', (batch) => {
      shownRetry ??= batch.find((v) => v.uid === busy)?.status.nextAttemptAt;
    });
    await engine.run();

    expect((await engine.totals()).byState.ready).toBe(3);
    const { requests } = server.served;
    const rejected = requests.find((r) => r.path === '/busy.avi' && r.method === 'GET')!;
    const slowDone = requests.filter((r) => r.path === '/slow.avi').at(-1)!;
    const later = requests.find((r) => r.path === '/later.avi')!;
    // A slot on the host was free once /slow.avi was done, but the host had asked for a second.
    expect(slowDone.at).toBeLessThan(rejected.at + 900);
    expect(later.at).toBeGreaterThanOrEqual(rejected.at + 900);
    expect(Date.parse(shownRetry!)).toBeGreaterThanOrEqual(rejected.at + 900);
    const retries = (await engine.history({ uid: busy })).filter((e) => e.type === 'retry');
    expect(retries).toEqual([expect.objectContaining({ data: expect.objectContaining({ status: 429 }) })]);
    expect((await engine.get({ uid: busy })).status.nextAttemptAt).toBeUndefined();
  });
});
