/**
 * Delivery to a real TUS server: the video's MP4 arrives byte for byte, with its name, type and
 * credential; transient failures are retried with backoff; one that never ends fails the
 * delivery with ERR_DELIVERY_FAILED while the video stays ready, and `retry` sends it again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/create-engine';
import { FileVault } from '../../../electron/engine/delivery/file-vault';
import type { Delivery, Video } from '../../../shared/video';
import * as make from '../../helpers/media-fixtures';
import { sha256 } from '../../helpers/origin-server';
import { tempDir } from '../../helpers/temp-dir';
import { startTusServer, type TusTestServer } from '../../helpers/tus-server';
import { until } from '../../helpers/wait-for';
import { startReceiver } from '../../helpers/webhook-receiver';

const tuning = { retryBaseMs: 20, retryMaxMs: 100, maxAttempts: 3, chunkSize: 64 * 1024 };
const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-tus-media-'));
let media: string;
const servers: TusTestServer[] = [];
const engines: Engine[] = [];

beforeAll(async () => {
  media = await make.standardDefinition43(mediaDir);
});
afterAll(() => fs.rmSync(mediaDir, { recursive: true, force: true }));
afterEach(async () => {
  for (const engine of engines.splice(0)) engine.close();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function setUp(options: { requireAuthorization?: string; credential?: string } = {}) {
  const tus = await startTusServer(options);
  servers.push(tus);
  const dataDir = tempDir();
  // No keychain in this process: the file store keeps the credential (keychain-credentials.test.ts covers the keychain).
  const engine = createEngine({ dataDir, delivery: tuning, credentials: new FileVault(dataDir) });
  engines.push(engine);
  const target = await engine.saveTarget({
    name: 'archive',
    provider: 'tus',
    mode: 'push',
    endpoint: tus.endpoint,
    ...(options.credential ? { credential: options.credential } : {}),
  });
  return { tus, engine, target };
}

async function ingest(
  engine: Engine,
  targetId: string,
  options: { transcode?: boolean; requireSignedURLs?: boolean } = {},
): Promise<Video> {
  const added = await engine.addFiles({
    paths: [media],
    options: { ladder: [240], meta: { name: 'Board meeting' }, deliverTo: [targetId], ...options },
  });
  const uid = added.queued[0]!.uid;
  expect(added.queued[0]!.deliveries).toEqual([]);
  await engine.run();
  return engine.get({ uid });
}

describe('delivery to a TUS server', () => {
  it('says in the notice that a video requiring signed URLs is not kept private by a plain TUS server', async () => {
    const { engine, target } = await setUp();
    const video = await ingest(engine, target.id, { transcode: false, requireSignedURLs: true });
    expect(video.deliveries[0]).toMatchObject({
      state: 'ready',
      notice: expect.stringContaining('The TUS server has no equivalent for requireSignedURLs') as string,
    });
  });

  it('announces the queued deliveries in the ready webhook', async () => {
    const { engine, target } = await setUp();
    const secret = (await engine.getSettings()).webhookSecret;
    const receiver = await startReceiver(
      () => secret,
      () => 200,
    );
    try {
      await engine.setSettings({ webhookUrl: receiver.url });
      const video = await ingest(engine, target.id, { transcode: false });
      expect(video.deliveries[0]).toMatchObject({ state: 'ready' });
      const [hook] = receiver.received.map((r) => JSON.parse(r.body) as Video);
      expect(receiver.received).toHaveLength(1);
      expect(hook).toMatchObject({ uid: video.uid, status: { state: 'ready' } });
      expect(hook!.deliveries).toEqual([expect.objectContaining({ target: target.id, state: 'queued' })]);
    } finally {
      await receiver.close();
    }
  });

  it('"stop after current" lets the videos under way finish their deliveries, then pauses', async () => {
    const { tus, engine, target } = await setUp();
    const copies = Array.from({ length: 4 }, (_, i) => {
      const copy = path.join(mediaDir, `after-${i}.avi`);
      fs.copyFileSync(media, copy);
      return copy;
    });
    tus.throttle(fs.statSync(media).size);
    await engine.addFiles({ paths: copies, options: { transcode: false, deliverTo: [target.id] } });
    const running = engine.run();
    // Three uploads run (the limit); the fourth video is ready and waits for a slot.
    await until(() => tus.totalReceived() > 0, 10_000);
    await engine.stopAfterCurrent();
    await running;
    const videos = (await engine.list({})).videos;
    expect(videos.map((v) => v.deliveries[0]?.state)).toEqual(Array(4).fill('ready'));
    expect((await engine.totals()).queue).toMatchObject({ paused: true, stopAfterCurrent: false });
  });

  it('sends at most 3 videos at once (the default limit), and all of them', async () => {
    const { tus, engine, target } = await setUp();
    const copies = Array.from({ length: 5 }, (_, i) => {
      const copy = path.join(mediaDir, `copy-${i}.avi`);
      fs.copyFileSync(media, copy);
      return copy;
    });
    // Slow enough that every upload overlaps the others.
    tus.throttle(fs.statSync(media).size);
    await engine.addFiles({ paths: copies, options: { transcode: false, deliverTo: [target.id] } });
    await engine.run();
    expect(tus.peakConcurrentUploads()).toBe(3);
    const videos = (await engine.list({})).videos;
    expect(videos.map((v) => v.deliveries[0]?.state)).toEqual(Array(5).fill('ready'));
    expect(tus.uploads()).toHaveLength(5);
  });

  it('uploads the MP4 once ready: byte-identical, named, typed, with the credential, then stage done', async () => {
    const { tus, engine, target } = await setUp({ requireAuthorization: 'Bearer s3cret', credential: 'Bearer s3cret' });
    const video = await ingest(engine, target.id);

    expect(video.status).toMatchObject({ state: 'ready', step: 'done', pctComplete: 100 });
    expect(video.readyToStream).toBe(true);
    const [delivery] = video.deliveries;
    expect(video.deliveries).toEqual([
      { target: target.id, mode: 'push', state: 'ready', remoteId: expect.any(String), pctComplete: 100 },
    ]);
    expect(tus.uploads()).toEqual([delivery!.remoteId]);
    const mp4 = fs.readFileSync(video.downloads!.default);
    expect(video.downloads!.default.endsWith('downloads/default.mp4')).toBe(true);
    expect(sha256(tus.file(delivery!.remoteId!))).toBe(sha256(mp4));
    expect(tus.metadata(delivery!.remoteId!)).toEqual({ name: 'Board meeting', filetype: 'video/mp4' });
    // One PATCH per chunk, every request with the credential.
    expect(tus.requests.filter((r) => r.method === 'PATCH')).toHaveLength(Math.ceil(mp4.length / tuning.chunkSize));
    expect(tus.requests.every((r) => r.authorization === 'Bearer s3cret')).toBe(true);
    expect((await engine.history({ uid: video.uid })).map((e) => e.type)).toContain('delivered');
    // The list shows the same deliveries as get.
    expect((await engine.list({})).videos[0]!.deliveries).toEqual(video.deliveries);
  });

  it('uploads the original when the video was not transcoded', async () => {
    const { tus, engine, target } = await setUp();
    const video = await ingest(engine, target.id, { transcode: false });
    expect(video.status).toMatchObject({ state: 'ready', step: 'done' });
    expect(video.downloads!.default).toBe(media);
    const remoteId = video.deliveries[0]!.remoteId!;
    expect(sha256(tus.file(remoteId))).toBe(sha256(fs.readFileSync(media)));
    expect(tus.metadata(remoteId)).toEqual({ name: 'Board meeting', filetype: 'video/x-msvideo' });
    expect(tus.requests.filter((r) => r.method === 'PATCH').length).toBeGreaterThan(5);
  });

  it('keeps to the upload bandwidth limit in the settings', async () => {
    const { tus, engine, target } = await setUp();
    const rate = 256 * 1024;
    await engine.setSettings({ delivery: { deliverTo: [], maxUploadBytesPerSecond: rate } });
    const big = await make.largeRawVideo(fs.mkdtempSync(path.join(mediaDir, 'limited-')), 6);
    const added = await engine.addFiles({ paths: [big], options: { transcode: false, deliverTo: [target.id] } });
    const uid = added.queued[0]!.uid;
    const running = engine.run();
    await until(() => tus.totalReceived() > 0, 20_000);
    const started = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const received = tus.totalReceived();
    const seconds = (Date.now() - started) / 1000;
    await engine.pause({ uids: [uid] });
    await running;
    // Unlimited, a local server takes the 6 MB at once; limited, what a slow machine sends is only less.
    expect(received).toBeLessThan(rate * (seconds + 1) + 256 * 1024);
    expect(received).toBeLessThan(fs.statSync(big).size / 2);
  });

  it('shows its speed and the time left while it uploads', async () => {
    const { tus, engine, target } = await setUp();
    const size = fs.statSync(media).size;
    tus.throttle(size / 3);
    const added = await engine.addFiles({ paths: [media], options: { transcode: false, deliverTo: [target.id] } });
    const uid = added.queued[0]!.uid;
    const running = engine.run();
    let seen: Delivery | undefined;
    await until(async () => {
      const [delivery] = (await engine.get({ uid })).deliveries;
      if (delivery?.state === 'uploading' && (delivery.bytesPerSecond ?? 0) > 0) seen = delivery;
      return seen !== undefined;
    }, 20_000);
    await running;
    if (!seen) throw new Error('never seen uploading');
    expect(seen.pctComplete).toBeLessThan(100);
    expect(seen.etaSeconds).toBeGreaterThanOrEqual(0);
    // Under the server's throttle; the time left, what the rest takes at that speed.
    expect(seen.bytesPerSecond).toBeLessThan(size);
    expect((await engine.get({ uid })).deliveries[0]).toMatchObject({ state: 'ready' });
    expect((await engine.get({ uid })).deliveries[0]!.bytesPerSecond).toBeUndefined();
  });

  it('sends the original rather than the MP4 to a target that asks for it', async () => {
    const { tus, engine } = await setUp();
    const original = await engine.saveTarget({
      name: 'masters',
      provider: 'tus',
      mode: 'push',
      endpoint: tus.endpoint,
      send: 'original',
    });
    const video = await ingest(engine, original.id);
    expect(video.downloads!.default).not.toBe(media);
    const remoteId = video.deliveries[0]!.remoteId!;
    expect(sha256(tus.file(remoteId))).toBe(sha256(fs.readFileSync(media)));
  });

  it('sends smaller PATCHes when something on the way refuses large bodies (413), and completes', async () => {
    const limit = 1.5 * 1024 * 1024;
    const tus = await startTusServer({
      route: (req, res) => {
        if (req.method !== 'PATCH' || Number(req.headers['content-length']) <= limit) return false;
        // Answered once the body is in: refused mid-body, the client sees the broken pipe first.
        req.resume().once('end', () => res.writeHead(413).end('Request Entity Too Large'));
        return true;
      },
    });
    servers.push(tus);
    const dataDir = tempDir();
    const engine = createEngine({
      dataDir,
      delivery: { ...tuning, maxAttempts: 5, chunkSize: 4 * 1024 * 1024 },
      credentials: new FileVault(dataDir),
    });
    engines.push(engine);
    const target = await engine.saveTarget({
      name: 'behind a proxy',
      provider: 'tus',
      mode: 'push',
      endpoint: tus.endpoint,
    });
    const big = await make.largeRawVideo(mediaDir, 6);
    const added = await engine.addFiles({ paths: [big], options: { transcode: false, deliverTo: [target.id] } });
    await engine.run();
    const video = await engine.get({ uid: added.queued[0]!.uid });
    expect(video.deliveries[0]).toMatchObject({ state: 'ready' });
    expect(sha256(tus.file(video.deliveries[0]!.remoteId!))).toBe(sha256(fs.readFileSync(big)));
    // 4 MiB and 2 MiB were refused; 1 MiB went through.
    expect(tus.requests.filter((r) => r.status === 413)).toHaveLength(2);
  });

  it('retries a server that fails twice (500), continuing the same upload, and completes', async () => {
    const { tus, engine, target } = await setUp();
    tus.fail({ method: 'PATCH', status: 500, times: 2 });
    const video = await ingest(engine, target.id, { transcode: false });

    expect(video.deliveries[0]).toMatchObject({ state: 'ready', pctComplete: 100 });
    expect(tus.requests.filter((r) => r.status === 500)).toHaveLength(2);
    expect(tus.uploads()).toHaveLength(1);
    expect(sha256(tus.file(tus.uploads()[0]!))).toBe(sha256(fs.readFileSync(media)));
    const retries = (await engine.history({ uid: video.uid })).filter((e) => e.type === 'delivery-retry');
    expect(retries.map((e) => e.data.status)).toEqual([500, 500]);
  });

  it('fails the delivery, not the video, when the server keeps failing; retry sends it again', async () => {
    const { tus, engine, target } = await setUp();
    tus.fail({ method: 'POST', status: 503, times: Infinity });
    const video = await ingest(engine, target.id, { transcode: false });

    expect(video.status).toMatchObject({ state: 'ready', step: 'done' });
    expect(video.status.errorReasonCode).toBeUndefined();
    expect(video.readyToStream).toBe(true);
    expect(video.deliveries[0]).toMatchObject({
      state: 'error',
      errorReasonCode: 'ERR_DELIVERY_FAILED',
      remoteId: null,
    });
    expect(video.deliveries[0]!.error).toMatch(/"archive" failed after 3 attempts.*ferry retry [0-9a-f]{32}/);
    expect(tus.requests.filter((r) => r.method === 'POST')).toHaveLength(tuning.maxAttempts);

    tus.clearFaults();
    expect(await engine.retry({ uids: [video.uid] })).toEqual({ changed: 1 });
    await engine.run();
    const retried = await engine.get({ uid: video.uid });
    expect(retried.deliveries[0]).toMatchObject({ state: 'ready', pctComplete: 100 });
    expect(retried.deliveries[0]).not.toHaveProperty('error');
    expect(retried.status.step).toBe('done');
  });

  it('does not retry a refused credential, and says what to do', async () => {
    const { tus, engine, target } = await setUp({ requireAuthorization: 'Bearer right' });
    const video = await ingest(engine, target.id, { transcode: false });
    expect(video.deliveries[0]).toMatchObject({ state: 'error', errorReasonCode: 'ERR_DELIVERY_FAILED' });
    expect(video.deliveries[0]!.error).toMatch(/answered 401.*credential.*ferry target add "archive"/);
    expect(tus.requests).toHaveLength(1);
  });
});
