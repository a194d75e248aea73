/**
 * Delivery to Twelve Labs through the engine, against the double: a pushed file and a pulled link
 * become assets, are indexed, and the delivery follows the indexed asset to ready; a video under the 4-second minimum
 * is refused before anything is sent, pushed or pulled, naming the limit; serving options Twelve
 * Labs has no equivalent for are named in the notice; the service's refusal and a failed task
 * end the delivery with the service's words or what to check.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../electron/engine/create-engine';
import type { DeliveryMode } from '../../../shared/delivery-targets';
import type { Video } from '../../../shared/video';
import { closeAfterEach, closers, deliveryTuning, engineWithVault, fileMediaDir } from '../../helpers/delivery-engine';
import * as make from '../../helpers/media-fixtures';
import { sha256, startOrigin } from '../../helpers/origin-server';
import { startTwelveLabsDouble, type TwelveLabsDoubleOptions } from '../../helpers/services/twelvelabs-double';

const tuning = { ...deliveryTuning, pollBaseMs: 20, pollMaxMs: 100 };
const mediaDir = fileMediaDir('ferry-twelvelabs-media-');
/** 5 s: over Twelve Labs' 4-second minimum. */
let longEnough: string;
/** 2 s (640x480): under it. */
let tooShort: string;

beforeAll(async () => {
  const [five, two] = [path.join(mediaDir, 'five'), path.join(mediaDir, 'two')];
  fs.mkdirSync(five);
  fs.mkdirSync(two);
  longEnough = await make.landscape1080(five, 5);
  tooShort = await make.standardDefinition43(two);
});
closeAfterEach();

async function setUp(mode: DeliveryMode, options: TwelveLabsDoubleOptions = {}) {
  const service = await startTwelveLabsDouble(options);
  closers.push(service.close);
  const engine = engineWithVault(tuning);
  const target = await engine.saveTarget({
    name: 'search index',
    provider: 'twelvelabs',
    mode,
    endpoint: service.origin,
    index: 'idx',
    credential: 'key',
  });
  return { service, engine, target };
}

/** Without a transcode the original is sent as it is, unprobed; with one, its probed facts are checked first. */
async function pushed(engine: Engine, targetId: string, file: string, transcode = false): Promise<Video> {
  const added = await engine.addFiles({
    paths: [file],
    // 480: the input's own height, within Twelve Labs' 360 minimum, so only the duration is wrong.
    options: { transcode, ladder: [480], meta: { name: 'Keynote' }, deliverTo: [targetId] },
  });
  await engine.run();
  return engine.get({ uid: added.queued[0]!.uid });
}

/** The uploads asked of the service: assets, or legacy tasks. */
const posts = (service: { requests: { method: string; path: string }[] }) =>
  service.requests.filter((r) => r.method === 'POST' && ['/v1.3/assets', '/v1.3/tasks'].includes(r.path));

describe('delivery to Twelve Labs', () => {
  it('pushes the file as an asset, indexes it, and follows the indexed asset to ready', async () => {
    const { service, engine, target } = await setUp('push');
    const video = await pushed(engine, target.id, longEnough);
    const [asset] = service.assets();
    const [indexed] = service.indexedAssets();
    expect(video.deliveries[0]).toMatchObject({
      target: target.id,
      mode: 'push',
      state: 'ready',
      remoteId: `assets/${asset!.id}`,
      remoteState: 'ready',
      playbackUrl: `${service.origin}/hls/${indexed!.id}/stream.m3u8`,
    });
    expect(indexed).toMatchObject({ assetId: asset!.id, indexId: 'idx' });
    expect(asset!.received).toEqual({
      size: fs.statSync(longEnough).size,
      sha256: sha256(fs.readFileSync(longEnough)),
    });
  });

  it('has Twelve Labs fetch the link as an asset, then follows its indexing to ready', async () => {
    const { service, engine, target } = await setUp('pull');
    const body = fs.readFileSync(longEnough);
    const origin = await startOrigin({ '/keynote.mp4': { kind: 'file', body, contentType: 'video/mp4' } });
    closers.push(origin.close);
    const url = origin.url('/keynote.mp4');
    const added = await engine.addLinks({ links: [{ url }], options: { transcode: false, deliverTo: [target.id] } });
    await engine.run();
    const video = await engine.get({ uid: added.queued[0]!.uid });
    const [asset] = service.assets();
    expect(video.deliveries[0]).toMatchObject({ mode: 'pull', state: 'ready', remoteId: `assets/${asset!.id}` });
    expect(asset).toMatchObject({ method: 'url', url });
    expect(asset!.received).toEqual({ size: body.length, sha256: sha256(body) });
  });

  it('refuses a 2-second video before sending anything, naming the 4-second minimum', async () => {
    const { service, engine, target } = await setUp('push');
    const video = await pushed(engine, target.id, tooShort, true);
    expect(video.deliveries[0]!.state).toBe('error');
    expect(video.deliveries[0]!.error).toMatch(/under Twelve Labs' minimum of 4 seconds/);
    expect(posts(service)).toEqual([]);
  });

  it('refuses to have a 2-second link pulled, naming the 4-second minimum, and asks the service nothing', async () => {
    const { service, engine, target } = await setUp('pull');
    const body = fs.readFileSync(tooShort);
    const origin = await startOrigin({ '/short.mp4': { kind: 'file', body, contentType: 'video/mp4' } });
    closers.push(origin.close);
    const added = await engine.addLinks({
      links: [{ url: origin.url('/short.mp4') }],
      options: { transcode: true, ladder: [480], deliverTo: [target.id] },
    });
    await engine.run();
    const video = await engine.get({ uid: added.queued[0]!.uid });
    expect(video.deliveries[0]).toMatchObject({ mode: 'pull', state: 'error' });
    expect(video.deliveries[0]!.error).toMatch(/failed before sending: .*under Twelve Labs' minimum of 4 seconds/);
    expect(posts(service)).toEqual([]);
  });

  it('says in the notice which serving options Twelve Labs could not take', async () => {
    const { engine, target } = await setUp('push');
    const added = await engine.addFiles({
      paths: [longEnough],
      options: { transcode: false, requireSignedURLs: true, deliverTo: [target.id] },
    });
    await engine.run();
    const video = await engine.get({ uid: added.queued[0]!.uid });
    expect(video.deliveries[0]).toMatchObject({ state: 'ready' });
    expect(video.deliveries[0]!.notice).toBe(
      'Twelve Labs has no equivalent for requireSignedURLs: not applied there. Set them in Twelve Labs if needed.',
    );
  });

  it("quotes the service's refusal", async () => {
    const message = 'The video_file parameter is invalid. The aspect ratio is not supported.';
    const { service, engine, target } = await setUp('push', { refuseUploads: { code: 'parameter_invalid', message } });
    const video = await pushed(engine, target.id, longEnough);
    expect(video.deliveries[0]).toMatchObject({ state: 'error', errorReasonCode: 'ERR_DELIVERY_FAILED' });
    expect(video.deliveries[0]!.error).toContain(message);
    // A 400 is not retried: the same form would be refused again.
    expect(posts(service)).toHaveLength(1);
  });

  it('an indexing that fails ends the delivery in error, saying what to check', async () => {
    const { engine, target } = await setUp('push', { end: 'failed' });
    const video = await pushed(engine, target.id, longEnough);
    expect(video.deliveries[0]).toMatchObject({ state: 'error', remoteState: 'failed' });
    expect(video.deliveries[0]!.error).toContain('Twelve Labs could not index the video');
  });

  it('waits out a rate limit and still delivers', async () => {
    const { service, engine, target } = await setUp('push', { rateLimit: { times: 1, retryAfter: '0' } });
    const video = await pushed(engine, target.id, longEnough);
    expect(video.deliveries[0]!.state).toBe('ready');
    // The first request, the index read for the limits, met the 429 and was asked again.
    expect(service.requests.slice(0, 2).map((r) => r.path)).toEqual(['/v1.3/indexes/idx', '/v1.3/indexes/idx']);
    expect(posts(service)).toHaveLength(1);
  });

  it('Test names the index, or says the key or the index is wrong', async () => {
    const { service, engine, target } = await setUp('push');
    expect(await engine.testTarget({ id: target.id })).toEqual({
      ok: true,
      message: 'Twelve Labs index "Ferry test index" (idx) accepts this API key.',
    });
    const wrongKey = await engine.saveTarget({
      name: 'old key',
      provider: 'twelvelabs',
      mode: 'push',
      endpoint: service.origin,
      index: 'idx',
      credential: 'revoked',
    });
    expect(await engine.testTarget({ id: wrongKey.id })).toMatchObject({
      ok: false,
      message: expect.stringMatching(
        /^Twelve Labs refused the credential \(401\) \("API Key is either invalid or expired/,
      ),
    });
    const wrongIndex = await engine.saveTarget({
      name: 'other index',
      provider: 'twelvelabs',
      mode: 'push',
      endpoint: service.origin,
      index: 'gone',
      credential: 'key',
    });
    expect(await engine.testTarget({ id: wrongIndex.id })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/answered 404 .*"The index gone does not exist.*check the endpoint and the ids/),
    });
  });
});
