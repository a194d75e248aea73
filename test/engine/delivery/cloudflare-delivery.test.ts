/**
 * Delivery to Cloudflare Stream through the engine, against the Stream double: a pushed file
 * arrives byte for byte in chunks Stream takes and the delivery follows the video to ready with
 * its id and HLS URL; a pulled link is fetched by the service itself; a link Stream cannot fetch
 * and a file it cannot read end the delivery quoting Stream's reason; a 429 is waited out.
 */
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../electron/engine/create-engine';
import type { DeliveryMode, DeliveryReadyWhen } from '../../../shared/delivery-targets';
import type { Video } from '../../../shared/video';
import { closeAfterEach, closers, deliveryTuning, engineWithVault, fileMediaDir } from '../../helpers/delivery-engine';
import * as make from '../../helpers/media-fixtures';
import { sha256, startOrigin, type Route } from '../../helpers/origin-server';
import {
  startCloudflareDouble,
  type CloudflareDouble,
  type CloudflareDoubleOptions,
} from '../../helpers/services/cloudflare-double';
import { until } from '../../helpers/wait-for';

const MiB = 1024 * 1024;
// The stage prefers deliveryTuning's 64 KiB here; Stream's rules make it 5 MiB.
const tuning = { ...deliveryTuning, pollBaseMs: 20, pollMaxMs: 100 };
const mediaDir = fileMediaDir('ferry-cloudflare-media-');
/** About 12 MB: three PATCHes of Stream's 5 MiB minimum. */
let noisy: string;

beforeAll(async () => {
  noisy = await make.noisyMp4(mediaDir, 4);
});
closeAfterEach();

interface SetUp {
  maxPolls?: number;
  pollBaseMs?: number;
  credential?: string;
  retryMaxMs?: number;
  readyWhen?: DeliveryReadyWhen;
}

async function setUp(mode: DeliveryMode, options: CloudflareDoubleOptions = {}, more: SetUp = {}) {
  const stream = await startCloudflareDouble(options);
  closers.push(stream.close);
  const engine = engineWithVault({
    ...tuning,
    retryMaxMs: more.retryMaxMs ?? tuning.retryMaxMs,
    ...(more.maxPolls ? { maxPolls: more.maxPolls } : {}),
    ...(more.pollBaseMs ? { pollBaseMs: more.pollBaseMs, pollMaxMs: more.pollBaseMs * 4 } : {}),
  });
  const target = await engine.saveTarget({
    name: 'stream',
    provider: 'cloudflare',
    mode,
    endpoint: stream.origin,
    account: stream.account,
    credential: more.credential ?? 'token',
    ...(more.readyWhen ? { readyWhen: more.readyWhen } : {}),
  });
  return { stream, engine, target };
}

async function pushed(engine: Engine, targetId: string): Promise<Video> {
  const added = await engine.addFiles({
    paths: [noisy],
    options: { transcode: false, meta: { name: 'Board meeting' }, deliverTo: [targetId] },
  });
  await engine.run();
  return engine.get({ uid: added.queued[0]!.uid });
}

/** A push paused once Stream holds its first 5 MiB chunk and part of the next; answers the video's uid and the bytes received. */
async function pausedPush(stream: CloudflareDouble, engine: Engine, targetId: string) {
  const size = fs.statSync(noisy).size;
  // About two seconds for the whole file: the pause lands mid-upload.
  stream.tus.throttle(size / 2);
  const added = await engine.addFiles({ paths: [noisy], options: { transcode: false, deliverTo: [targetId] } });
  const uid = added.queued[0]!.uid;
  const running = engine.run();
  await until(() => stream.tus.totalReceived() > 5 * MiB + 256 * 1024, 20_000);
  await engine.pause({ uids: [uid] });
  await running;
  const before = stream.tus.totalReceived();
  expect(before).toBeLessThan(size);
  stream.tus.throttle(null);
  return { uid, before, size };
}

async function pulled(engine: Engine, targetId: string, route: Route): Promise<{ video: Video; url: string }> {
  const origin = await startOrigin({ '/board.mp4': route });
  closers.push(origin.close);
  const url = origin.url('/board.mp4');
  const added = await engine.addLinks({
    links: [{ url, name: 'Board meeting' }],
    options: { transcode: false, deliverTo: [targetId] },
  });
  await engine.run();
  return { video: await engine.get({ uid: added.queued[0]!.uid }), url };
}

describe('delivery to Cloudflare Stream', () => {
  it('pushes the file by TUS in 5 MiB chunks and follows the video to ready, with its id and HLS URL', async () => {
    const { stream, engine, target } = await setUp('push');
    const video = await pushed(engine, target.id);
    const [uid] = [...stream.videos.keys()];
    expect(video.deliveries).toEqual([
      expect.objectContaining({
        target: target.id,
        mode: 'push',
        state: 'ready',
        remoteId: uid,
        remoteState: 'ready',
        playbackUrl: `${stream.origin}/${uid}/manifest/video.m3u8`,
      }),
    ]);
    expect(sha256(stream.file(uid!))).toBe(sha256(fs.readFileSync(noisy)));
    expect(stream.metadata(uid!)).toEqual({ name: 'Board meeting' });
    const patches = stream.tus.requests.filter((r) => r.method === 'PATCH');
    expect(patches.map((r) => r.status)).toEqual(Array(Math.ceil(fs.statSync(noisy).size / (5 * MiB))).fill(204));
    expect(stream.tus.requests.every((r) => r.authorization === 'Bearer token')).toBe(true);
  });

  it('creates the video with the way it is to be served: signed URLs, allowed origins, thumbnail, deletion, creator', async () => {
    const { stream, engine, target } = await setUp('push');
    const inForty = new Date(Math.floor(Date.now() / 1000 + 40 * 24 * 3600) * 1000).toISOString();
    const added = await engine.addFiles({
      paths: [noisy],
      options: {
        transcode: false,
        meta: { name: 'Private keynote' },
        requireSignedURLs: true,
        allowedOrigins: ['example.com', '*.example.org'],
        thumbnailTimestampPct: 0.25,
        // Within the 30 to 1,096 days Stream takes.
        scheduledDeletion: inForty,
        creator: 'crew-7',
        deliverTo: [target.id],
      },
    });
    await engine.run();
    const [delivery] = (await engine.get({ uid: added.queued[0]!.uid })).deliveries;
    expect(delivery).toMatchObject({ state: 'ready' });
    expect(stream.metadata(delivery!.remoteId!)).toMatchObject({
      name: 'Private keynote',
      requiresignedurls: null,
      allowedorigins: 'example.com,*.example.org',
      thumbnailtimestamppct: '0.25',
      scheduleddeletion: inForty,
    });
    // The creator is no metadata key: Stream takes it in the Upload-Creator header.
    expect(stream.videos.get(delivery!.remoteId!)?.serving.creator).toBe('crew-7');
  });

  it("is processing, with Stream's word and progress, while Stream works on the video", async () => {
    // The double stays at its last step: three of work, then ready.
    const working = [
      ...Array.from({ length: 3 }, () => ({ state: 'inprogress' as const, pctComplete: '40.000000' })),
      { state: 'ready' as const, pctComplete: '100.000000' },
    ];
    // Slow polls, so that the processing stretch lasts long enough to be seen from outside.
    const { engine, target } = await setUp('push', { script: { steps: working } }, { pollBaseMs: 300 });
    const added = await engine.addFiles({ paths: [noisy], options: { transcode: false, deliverTo: [target.id] } });
    const uid = added.queued[0]!.uid;
    const running = engine.run();
    let seen: Video['deliveries'][number] | undefined;
    await until(async () => {
      const [delivery] = (await engine.get({ uid })).deliveries;
      if (delivery?.state === 'processing' && delivery.remoteState === 'inprogress') seen = delivery;
      return seen !== undefined;
    }, 20_000);
    await running;
    expect(seen).toMatchObject({ state: 'processing', remoteState: 'inprogress', pctComplete: 40 });
    expect((await engine.get({ uid })).deliveries[0]).toMatchObject({ state: 'ready', remoteState: 'ready' });
  });

  it('gives up on a video Stream never finishes, after the last status check, saying where to look', async () => {
    const stuck = Array.from({ length: 50 }, () => ({ state: 'inprogress' as const, pctComplete: '10.000000' }));
    const { stream, engine, target } = await setUp('push', { script: { steps: stuck } }, { maxPolls: 4 });
    const video = await pushed(engine, target.id);
    const [delivery] = video.deliveries;
    expect(delivery).toMatchObject({ state: 'error', remoteState: 'inprogress', pctComplete: 10 });
    expect(delivery!.error).toMatch(/still says "inprogress" after 4 checks\. Look at video \w+ on the service/);
    const polls = stream.tus.requests.filter((r) => r.method === 'GET' && r.path.endsWith(delivery!.remoteId!));
    expect(polls).toHaveLength(5);
  });

  it('a paused push continues from the offset Stream holds, under the id Stream named at creation', async () => {
    const { stream, engine, target } = await setUp('push');
    const { uid, before, size } = await pausedPush(stream, engine, target.id);
    await engine.resume({ uids: [uid] });
    await engine.run();
    const [remote] = [...stream.videos.keys()];
    expect(stream.videos.size).toBe(1);
    expect((await engine.get({ uid })).deliveries[0]).toMatchObject({ state: 'ready', remoteId: remote });
    expect(sha256(stream.file(remote!))).toBe(sha256(fs.readFileSync(noisy)));
    // Sent again from the start, Stream would have had `before` bytes and then the whole file.
    expect(stream.tus.totalReceived()).toBeLessThan(size + before);
  });

  it('an upload Stream dropped meanwhile is made anew, and the delivery follows the new video', async () => {
    const { stream, engine, target } = await setUp('push');
    const { uid } = await pausedPush(stream, engine, target.id);
    const [dropped] = [...stream.videos.keys()];
    await stream.expireUpload(dropped!);
    await engine.resume({ uids: [uid] });
    await engine.run();
    const made = [...stream.videos.keys()].find((id) => id !== dropped);
    expect(stream.tus.requests.some((r) => r.method === 'HEAD' && r.status === 404)).toBe(true);
    expect((await engine.get({ uid })).deliveries[0]).toMatchObject({ state: 'ready', remoteId: made });
    expect(sha256(stream.file(made!))).toBe(sha256(fs.readFileSync(noisy)));
  });

  it('has Stream pull the link itself (HEAD, then GET), then follows it to ready', async () => {
    const { stream, engine, target } = await setUp('pull');
    const body = fs.readFileSync(noisy);
    const { video, url } = await pulled(engine, target.id, { kind: 'file', body });
    const [uid] = [...stream.videos.keys()];
    expect(video.deliveries[0]).toMatchObject({ mode: 'pull', state: 'ready', remoteId: uid });
    expect(stream.videos.get(uid!)).toMatchObject({ downloadedFrom: url, name: 'Board meeting' });
    expect(sha256(stream.file(uid!))).toBe(sha256(body));
    expect(stream.tus.requests.filter((r) => r.method === 'PATCH')).toEqual([]);
  });

  it("a target that wants the video 'playable' is ready at readyToStream, before Stream has finished", async () => {
    const steps = [
      { state: 'inprogress', pctComplete: '30.000000' },
      { state: 'inprogress', pctComplete: '60.000000', readyToStream: true },
      { state: 'ready' },
    ] as const;
    const { engine, target } = await setUp('push', { script: { steps } }, { readyWhen: 'playable' });
    const video = await pushed(engine, target.id);
    expect(video.deliveries[0]).toMatchObject({ state: 'ready', remoteState: 'inprogress' });
  });

  it("a link Stream cannot fetch (its origin refuses HEAD) ends the delivery quoting Stream's reason", async () => {
    const { engine, target } = await setUp('pull');
    const route: Route = { kind: 'file', body: fs.readFileSync(noisy), headAllowed: false };
    const { video } = await pulled(engine, target.id, route);
    // The video itself is fine: Ferry fetched it without HEAD.
    expect(video.status.state).toBe('ready');
    expect(video.deliveries[0]).toMatchObject({ state: 'error', errorReasonCode: 'ERR_DELIVERY_FAILED' });
    expect(video.deliveries[0]!.error).toContain('ERR_FETCH_ORIGIN_ERROR: The video could not be downloaded');
  });

  it("a video Stream cannot process ends the delivery quoting Stream's reason", async () => {
    const { engine, target } = await setUp('push', { script: { endsIn: 'ERR_NON_VIDEO' } });
    const video = await pushed(engine, target.id);
    expect(video.deliveries[0]).toMatchObject({ state: 'error', remoteState: 'error' });
    expect(video.deliveries[0]!.error).toContain('ERR_NON_VIDEO: The file is not a video Stream can read.');
  });

  it('a refused token ends the delivery at once, saying to save the right one', async () => {
    const { stream, engine, target } = await setUp('push', {}, { credential: 'wrong' });
    const video = await pushed(engine, target.id);
    expect(video.deliveries[0]).toMatchObject({ state: 'error', errorReasonCode: 'ERR_DELIVERY_FAILED' });
    expect(video.deliveries[0]!.error).toMatch(/403/);
    expect(video.deliveries[0]!.error).toMatch(/API token with Stream Write/);
    // Not retried: the same token would be refused again.
    expect(stream.tus.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('holds back every delivery to a host that answered 429 until its Retry-After has passed', async () => {
    const { stream, engine, target } = await setUp('push', {}, { retryMaxMs: 5000 });
    const other = await make.noisyMp4(fs.mkdtempSync(`${mediaDir}/other-`), 1);
    stream.rateLimitNext(1, '1');
    const running = pushed(engine, target.id);
    await until(() => stream.arrivals.some((a) => a.limited), 20_000);
    // A second video for the same service, added while the host asks to wait.
    const second = await engine.addFiles({ paths: [other], options: { transcode: false, deliverTo: [target.id] } });
    await running;
    await engine.run();
    expect((await engine.get({ uid: second.queued[0]!.uid })).deliveries[0]!.state).toBe('ready');
    const limitedAt = stream.arrivals.find((a) => a.limited)!.at;
    const later = stream.arrivals.filter((a) => !a.limited);
    expect(later.length).toBeGreaterThan(2);
    for (const arrival of later) expect(arrival.at - limitedAt).toBeGreaterThanOrEqual(1000);
  });

  it('waits for the Retry-After of a 429, then delivers', async () => {
    // Retry-After is waited for up to retryMaxMs.
    const { stream, engine, target } = await setUp('push', {}, { retryMaxMs: 5000 });
    stream.rateLimitNext(1, '1');
    const video = await pushed(engine, target.id);
    expect(video.deliveries[0]!.state).toBe('ready');
    const [first, second] = stream.arrivals;
    expect(first).toMatchObject({ method: 'POST', limited: true });
    expect(second).toMatchObject({ method: 'POST', limited: false });
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(1000);
  });
});
