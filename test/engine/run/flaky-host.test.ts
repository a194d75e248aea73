/**
 * One flaky host must not hold the download slots that other hosts could use: its links wait for
 * their next attempt in the queue (queued, status.nextAttemptAt), not in a slot. Three real
 * origins on loopback (three hosts), two download slots; the connections each origin has open
 * are counted on its side.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Video } from '../../../shared/video';
import { createEngine, type Engine } from '../../../electron/engine/create-engine';
import * as make from '../../helpers/media-fixtures';
import { startOrigin, type Route } from '../../helpers/origin-server';
import { tempDir } from '../../helpers/temp-dir';
import { sampling } from '../../helpers/wait-for';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Origin = Awaited<ReturnType<typeof startOrigin>>;

async function origin(routes: Record<string, Route>): Promise<Origin> {
  const server = await startOrigin(routes);
  cleanups.push(() => server.close());
  return server;
}

async function engineWithTwoSlots(maxAttempts = 3): Promise<Engine> {
  const engine = createEngine({ dataDir: tempDir(), fetch: { baseMs: 20, maxAttempts, idleTimeoutMs: 10_000 } });
  cleanups.push(() => engine.close());
  // Two slots, and a host may take both: without giving them back, the flaky host would hold them.
  await engine.setSettings({ concurrency: { downloads: 2, downloadsPerHost: 2, transcodes: 1, deliveries: 1 } });
  return engine;
}

describe('a flaky host', () => {
  it("waits in the queue, not in a slot: two other hosts' downloads finish meanwhile, then it does", async () => {
    const body = fs.readFileSync(await make.standardDefinition43(tempDir()));
    // About half a second per download from the steady hosts; the flaky one asks for two seconds.
    const steady = (): Route => ({ kind: 'file', body, trickle: { chunkBytes: 64 * 1024, everyMs: 20 } });
    const flakyRoute = (): Route => ({ kind: 'file', body, failFirst: { times: 1, status: 503, retryAfter: '2' } });
    const flaky = await origin({ '/f0.avi': flakyRoute(), '/f1.avi': flakyRoute() });
    const others = [await origin({ '/b0.avi': steady(), '/b1.avi': steady() })];
    others.push(await origin({ '/c0.avi': steady(), '/c1.avi': steady() }));
    const engine = await engineWithTwoSlots();
    // The flaky host's links first, so that they are the first to take the slots.
    const links = [flaky.url('/f0.avi'), flaky.url('/f1.avi'), ...['/b0.avi', '/b1.avi'].map((p) => others[0]!.url(p))];
    links.push(...['/c0.avi', '/c1.avi'].map((p) => others[1]!.url(p)));
    const { queued } = await engine.addLinks({ links: links.map((url) => ({ url })), options: { transcode: false } });
    const uids = queued.map((v) => v.uid);
    const [flakyUids, otherUids] = [uids.slice(0, 2), uids.slice(2)];

    let peakOthersWhileFlakyWaits = 0;
    let othersDone: { flaky: Video[]; at: number } | undefined;
    await sampling(
      engine.run(),
      async () => {
        const videos = await engine.getMany({ uids });
        const waiting = videos.filter((v) => flakyUids.includes(v.uid) && v.status.state === 'queued');
        if (waiting.length === 2 && flaky.active() === 0) {
          peakOthersWhileFlakyWaits = Math.max(peakOthersWhileFlakyWaits, others[0]!.active() + others[1]!.active());
        }
        const done = videos.filter((v) => otherUids.includes(v.uid) && v.status.state === 'ready');
        if (done.length === 4 && !othersDone) othersDone = { flaky: videos.slice(0, 2), at: Date.now() };
      },
      10,
    );

    // Both slots worked for the other hosts while the flaky one waited.
    expect(peakOthersWhileFlakyWaits).toBe(2);
    // When the other hosts' four videos were ready, the flaky host's two were waiting in the queue
    // for their next attempt, and it had not yet served a byte of them.
    expect(othersDone).toBeDefined();
    for (const video of othersDone!.flaky) {
      expect(video.status.state).toBe('queued');
      expect(Date.parse(video.status.nextAttemptAt!)).toBeGreaterThan(othersDone!.at);
    }
    const flakyOk = flaky.served.requests.filter((r) => r.method === 'GET').slice(2);
    expect(flakyOk.every((r) => r.at > othersDone!.at)).toBe(true);
    // Once the host recovered, its videos ended ready, byte for byte.
    for (const video of await engine.getMany({ uids })) {
      expect(video.status.state).toBe('ready');
      expect(fs.readFileSync(video.downloads!.default).equals(body)).toBe(true);
    }
    // The host's "unavailable" slowed it as a whole: one download at a time there, after the wait.
    expect(flaky.served.maxConcurrent).toBeLessThanOrEqual(2);
    expect(flakyOk.every((r) => r.active === 1)).toBe(true);
    const retry = (await engine.history({ uid: flakyUids[0]! })).find((e) => e.type === 'retry');
    expect(retry?.data).toMatchObject({ stage: 'fetch', status: 503, attempt: 1 });
  }, 120_000);

  it('ends in error after its attempts are spent, saying so, while the other host is unaffected', async () => {
    const body = fs.readFileSync(await make.standardDefinition43(tempDir()));
    const down = await origin({
      '/f.avi': { kind: 'file', body, failFirst: { times: 1000, status: 503, retryAfter: '1' } },
    });
    const up = await origin({ '/b.avi': { kind: 'file', body } });
    const engine = await engineWithTwoSlots(2);
    const { queued } = await engine.addLinks({
      links: [{ url: down.url('/f.avi') }, { url: up.url('/b.avi') }],
      options: { transcode: false },
    });
    await engine.run();

    const [failed, fine] = await engine.getMany({ uids: queued.map((v) => v.uid) });
    expect(failed!.status).toMatchObject({ state: 'error', step: 'fetch', errorReasonCode: 'ERR_FETCH_ORIGIN_ERROR' });
    expect(failed!.status.errorReasonText).toMatch(/Gave up after 2 attempts; check that the link works/);
    expect(failed!.status.nextAttemptAt).toBeUndefined();
    expect(down.served.requests.filter((r) => r.method === 'GET')).toHaveLength(2);
    expect(fine!.status.state).toBe('ready');
    // The healthy host's download did not wait for the flaky host's second attempt.
    const [, second] = down.served.requests.filter((r) => r.method === 'GET');
    expect(up.served.requests.at(-1)!.at).toBeLessThan(second!.at);
  }, 60_000);
});
