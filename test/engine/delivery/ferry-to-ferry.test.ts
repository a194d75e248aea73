/**
 * One Ferry delivering to another with the Cloudflare Stream preset: the receiver is `ferry serve`
 * on its own data directory (in-process, 127.0.0.1), the target's endpoint its base URL and the
 * credential its token. A push arrives by TUS and a pull is fetched by the receiver itself; either
 * way the receiver makes the video and the sender's delivery follows it there to ready.
 */
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryMode } from '../../../shared/delivery-targets';
import { closeAfterEach, closers, engineWithVault, fileMediaDir } from '../../helpers/delivery-engine';
import * as make from '../../helpers/media-fixtures';
import { sha256, startOrigin } from '../../helpers/origin-server';
import { serve, type Api } from '../../server/stream-fixture';

// Not deliveryTuning: the push goes in the default chunk size, and the polls are slower.
const tuning = { retryBaseMs: 20, retryMaxMs: 100, maxAttempts: 3, pollBaseMs: 50, pollMaxMs: 250 };
const mediaDir = fileMediaDir('ferry-to-ferry-media-');
let media: string;

beforeAll(async () => {
  media = await make.standardDefinition43(mediaDir);
});
closeAfterEach();

/** The receiving Ferry (stopped by stream-fixture after each test) and a sending engine with a target on it. */
async function setUp(mode: DeliveryMode) {
  // The pulled link is on 127.0.0.1, which `ferry serve` refuses unless allowed.
  const receiver = await serve({ allowAddresses: ['127.0.0.1'] });
  const sender = engineWithVault(tuning);
  const target = await sender.saveTarget({
    name: 'studio ferry',
    provider: 'cloudflare',
    mode,
    endpoint: receiver.server.baseUrl,
    account: 'studio',
    credential: receiver.server.token,
  });
  return { receiver, sender, target };
}

/** The video as the receiver's Cloudflare-shaped API answers it. */
async function remoteVideo(receiver: Api, id: string) {
  const { status, json } = await receiver.call('GET', `/client/v4/accounts/studio/stream/${id}`);
  expect(status).toBe(200);
  return json.result as {
    uid: string;
    meta: Record<string, string>;
    status: { state: string };
    readyToStream: boolean;
  };
}

describe('Ferry delivering to another Ferry (Cloudflare Stream preset)', () => {
  it("tests the target against the receiver's token", async () => {
    const { sender, target } = await setUp('push');
    expect(await sender.testTarget({ id: target.id })).toMatchObject({
      ok: true,
      message: expect.stringContaining('account studio'),
    });
  });

  it('pushes by TUS: the receiver holds the same bytes, makes the video, and the delivery follows it to ready', async () => {
    const { receiver, sender, target } = await setUp('push');
    const added = await sender.addFiles({
      paths: [media],
      options: { transcode: false, meta: { name: 'Board meeting' }, deliverTo: [target.id] },
    });
    await sender.run();
    const sent = await sender.get({ uid: added.queued[0]!.uid });
    const delivery = sent.deliveries[0]!;
    expect(delivery).toMatchObject({ mode: 'push', state: 'ready', remoteState: 'ready' });

    const { videos } = await receiver.server.engine.list({});
    expect(videos).toHaveLength(1);
    const received = videos[0]!;
    expect(received).toMatchObject({ status: { state: 'ready' }, meta: { name: 'Board meeting' } });
    expect(sha256(fs.readFileSync(received.source.path!))).toBe(sha256(fs.readFileSync(media)));
    // remoteId is the upload's stream-media-id, which the receiver resolves to its video.
    expect(await remoteVideo(receiver, delivery.remoteId!)).toMatchObject({
      uid: received.uid,
      readyToStream: true,
      status: { state: 'ready' },
    });
    expect(delivery.playbackUrl).toBe(`${receiver.server.baseUrl}/media/${received.uid}/manifest/video.m3u8`);
  });

  it("has the receiver pull the link itself: the delivery's remoteId is the receiver's uid", async () => {
    const { receiver, sender, target } = await setUp('pull');
    const body = fs.readFileSync(media);
    const origin = await startOrigin({ '/board.avi': { kind: 'file', body, contentType: 'video/x-msvideo' } });
    closers.push(origin.close);
    const url = origin.url('/board.avi');
    const added = await sender.addLinks({
      links: [{ url, name: 'Board meeting' }],
      options: { transcode: false, deliverTo: [target.id] },
    });
    await sender.run();
    const delivery = (await sender.get({ uid: added.queued[0]!.uid })).deliveries[0]!;
    expect(delivery).toMatchObject({ mode: 'pull', state: 'ready', remoteState: 'ready' });

    const received = await receiver.server.engine.get({ uid: delivery.remoteId! });
    expect(received).toMatchObject({ status: { state: 'ready' }, source: { kind: 'url', url } });
    expect(received.meta.name).toBe('Board meeting');
    expect(await remoteVideo(receiver, delivery.remoteId!)).toMatchObject({ uid: delivery.remoteId });
    // The sender fetched the link once, and the receiver once more for itself.
    expect(origin.served.requests.filter((r) => r.method === 'GET')).toHaveLength(2);
  });
});
