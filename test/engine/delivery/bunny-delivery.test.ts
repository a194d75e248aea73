/**
 * Delivery to Bunny Stream through the engine, against the double: a pushed file reaches the
 * video Ferry created and is followed to ready, even when Bunny refuses a signature once (the
 * next attempt signs again and continues the same upload); a pulled link is fetched by Bunny with
 * the link's request headers; a video Bunny fails to encode ends the delivery with Bunny's reason.
 */
import fs from 'node:fs';
import { EVENTS } from '@tus/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../electron/engine/create-engine';
import type { DeliveryMode } from '../../../shared/delivery-targets';
import type { Video } from '../../../shared/video';
import { closeAfterEach, closers, deliveryTuning, engineWithVault, fileMediaDir } from '../../helpers/delivery-engine';
import * as make from '../../helpers/media-fixtures';
import { sha256, startOrigin } from '../../helpers/origin-server';
import { startBunnyDouble, type BunnyDouble } from '../../helpers/services/bunny-double';

const mediaDir = fileMediaDir('ferry-bunny-media-');
let media: string;

beforeAll(async () => {
  media = await make.standardDefinition43(mediaDir);
});
closeAfterEach();

async function setUp(mode: DeliveryMode): Promise<{ bunny: BunnyDouble; engine: Engine; targetId: string }> {
  const bunny = await startBunnyDouble({ library: '123', apiKey: 'key' });
  closers.push(bunny.close);
  const engine = engineWithVault(deliveryTuning);
  const target = await engine.saveTarget(bunny.target(mode));
  return { bunny, engine, targetId: target.id };
}

async function pushed(engine: Engine, targetId: string): Promise<Video> {
  const added = await engine.addFiles({
    paths: [media],
    options: { transcode: false, meta: { name: 'Board meeting' }, deliverTo: [targetId] },
  });
  await engine.run();
  return engine.get({ uid: added.queued[0]!.uid });
}

describe('delivery to Bunny Stream', () => {
  it('pushes into the video it created and follows it to ready, signing again after a 401', async () => {
    const { bunny, engine, targetId } = await setUp('push');
    // Bunny refuses the first PATCH as if its signature had expired.
    bunny.tus.tus.once(EVENTS.POST_CREATE, () => bunny.rejectTus(1));
    const video = await pushed(engine, targetId);
    const [guid] = [...bunny.videos.keys()];
    expect(video.deliveries[0]).toMatchObject({
      target: targetId,
      mode: 'push',
      state: 'ready',
      remoteId: guid,
      remoteState: 'finished',
    });
    expect(bunny.videos.get(guid!)!.title).toBe('Board meeting');
    expect(sha256(bunny.bytes(guid!))).toBe(sha256(fs.readFileSync(media)));
    // One refusal, then every request signed and accepted, continuing the one upload.
    expect(bunny.signed.filter((s) => s.status === 401)).toHaveLength(1);
    expect(bunny.signed.at(-1)).toMatchObject({ status: 200, videoId: guid });
    expect(bunny.videos.size).toBe(1);
    expect(bunny.tus.uploads()).toHaveLength(1);
  });

  it('has Bunny fetch the link with its request headers, then follows the video to ready', async () => {
    const { bunny, engine, targetId } = await setUp('pull');
    const body = fs.readFileSync(media);
    const origin = await startOrigin({
      '/talk.avi': {
        kind: 'file',
        body,
        contentType: 'video/x-msvideo',
        requireHeader: ['Authorization', 'Bearer origin'],
      },
    });
    closers.push(origin.close);
    const url = origin.url('/talk.avi');
    const added = await engine.addLinks({
      links: [{ url, headers: { Authorization: 'Bearer origin' } }],
      options: { transcode: false, meta: { name: 'Talk' }, deliverTo: [targetId] },
    });
    await engine.run();
    const video = await engine.get({ uid: added.queued[0]!.uid });
    const [guid] = [...bunny.videos.keys()];
    expect(video.deliveries[0]).toMatchObject({ mode: 'pull', state: 'ready', remoteId: guid });
    expect(bunny.fetches.map((f) => f.body)).toEqual([
      { url, headers: { Authorization: 'Bearer origin' }, title: 'Talk' },
    ]);
    // Nothing was pushed: Bunny's bytes came from the origin, which admits only the header.
    expect(bunny.tus.uploads()).toEqual([]);
    expect(sha256(bunny.bytes(guid!))).toBe(sha256(body));
  });

  it("ends the delivery with Bunny's reason when it cannot encode the video, the video staying ready", async () => {
    const { bunny, engine, targetId } = await setUp('push');
    bunny.failEncoding();
    const video = await pushed(engine, targetId);
    expect(video.status.state).toBe('ready');
    expect(video.deliveries[0]).toMatchObject({ state: 'error', errorReasonCode: 'ERR_DELIVERY_FAILED' });
    expect(video.deliveries[0]!.error).toContain('The video could not be transcoded.');
  });
});
