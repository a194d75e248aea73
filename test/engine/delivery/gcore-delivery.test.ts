/**
 * Delivery to Gcore through the engine, against the double: a pushed file reaches the video Ferry
 * made and is followed to ready, even when the upload token has expired before the upload began
 * (the next attempt asks a fresh one for the same video); a pulled link is fetched by Gcore with
 * the link's request headers; a link Gcore cannot fetch ends the delivery with Gcore's reason.
 */
import fs from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../electron/engine/create-engine';
import type { DeliveryMode } from '../../../shared/delivery-targets';
import type { Video } from '../../../shared/video';
import { closeAfterEach, closers, fileMediaDir } from '../../helpers/delivery-engine';
import * as make from '../../helpers/media-fixtures';
import { sha256, startOrigin } from '../../helpers/origin-server';
import { gcoreTarget } from '../../helpers/services/gcore-target';

const mediaDir = fileMediaDir('ferry-gcore-media-');
let media: string;

beforeAll(async () => {
  media = await make.standardDefinition43(mediaDir);
});
closeAfterEach();
afterEach(() => {
  onPull = () => {};
});

/** What the double does when Gcore is asked to pull, before it fetches the link. */
let onPull = () => {};

const setUp = (mode: DeliveryMode) => gcoreTarget(mode, { onPull: () => onPull() });

async function pushed(engine: Engine, targetId: string): Promise<Video> {
  const added = await engine.addFiles({
    paths: [media],
    options: { transcode: false, meta: { name: 'Board meeting' }, deliverTo: [targetId] },
  });
  await engine.run();
  return engine.get({ uid: added.queued[0]!.uid });
}

/** An origin that admits only requests with the link's header. */
async function protectedOrigin(body: Buffer) {
  const origin = await startOrigin({
    '/talk.avi': {
      kind: 'file',
      body,
      contentType: 'video/x-msvideo',
      requireHeader: ['Authorization', 'Bearer origin'],
    },
  });
  closers.push(origin.close);
  return origin;
}

describe('delivery to Gcore', () => {
  it("Test asks Gcore with the saved key and reads out Gcore's answer", async () => {
    const { gcore, engine, targetId } = await setUp('push');
    expect(await engine.testTarget({ id: targetId })).toEqual({
      ok: true,
      message: "Gcore accepted the API key and listed the account's videos (0 videos on the first page).",
    });
    const target = { id: targetId, name: 'gcore', provider: 'gcore', mode: 'push', endpoint: gcore.origin } as const;
    await engine.saveTarget({ ...target, credential: 'wrong' });
    const refused = await engine.testTarget({ id: targetId });
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining('refused the credential (401)') });
    // Words for every door: what to change travels as `fix`, and each door says how.
    expect(refused.fix).toBe('credential');
    expect(refused.message).not.toMatch(/ferry|--credential/);
    expect(gcore.restRequests.at(-1)).toMatchObject({ authorization: 'APIKey wrong' });
  });

  it('pushes into the video it made and follows it to ready, with its playback URL', async () => {
    const { gcore, engine, targetId } = await setUp('push');
    const video = await pushed(engine, targetId);
    const [id] = [...gcore.videos.keys()];
    expect(video.deliveries[0]).toMatchObject({
      target: targetId,
      mode: 'push',
      state: 'ready',
      remoteId: String(id),
      remoteState: 'ready',
      playbackUrl: `${gcore.origin}/videos/4242_v${id}/master.m3u8`,
    });
    expect(gcore.videos.get(id!)!.name).toBe('Board meeting');
    expect(sha256(gcore.uploaded(id!))).toBe(sha256(fs.readFileSync(media)));
  });

  it('asks a fresh token for the same video when the first one had expired, and the upload completes', async () => {
    const { gcore, engine, targetId } = await setUp('push');
    gcore.expireNextTokens(1);
    const video = await pushed(engine, targetId);
    expect(video.deliveries[0]).toMatchObject({ state: 'ready', remoteState: 'ready' });
    expect(gcore.refusals).toEqual([`token invalid (${gcore.issued[0]})`]);
    expect(gcore.issued).toHaveLength(2);
    // One video on Gcore, holding the file byte for byte.
    expect(gcore.videos.size).toBe(1);
    const [id] = [...gcore.videos.keys()];
    expect(sha256(gcore.uploaded(id!))).toBe(sha256(fs.readFileSync(media)));
  });

  it('starts a new upload for the same video, with a fresh token, when the upload server lost the first', async () => {
    const { gcore, engine, targetId } = await setUp('push');
    // The upload server forgets the upload mid-way (404 to a PATCH), as after a restart of its own.
    gcore.tus.fail({ method: 'PATCH', status: 404, times: 1 });
    const video = await pushed(engine, targetId);
    expect(video.deliveries[0]).toMatchObject({ state: 'ready', remoteState: 'ready' });
    expect(gcore.videos.size).toBe(1);
    expect(gcore.issued).toHaveLength(2);
    expect(gcore.tus.uploads()).toHaveLength(2);
    const [id] = [...gcore.videos.keys()];
    expect(sha256(gcore.uploaded(id!))).toBe(sha256(fs.readFileSync(media)));
  });

  it('has Gcore fetch the link with its request headers, then follows the video to ready', async () => {
    const { gcore, engine, targetId } = await setUp('pull');
    const body = fs.readFileSync(media);
    const origin = await protectedOrigin(body);
    const added = await engine.addLinks({
      links: [{ url: origin.url('/talk.avi'), headers: { Authorization: 'Bearer origin' } }],
      options: { transcode: false, meta: { name: 'Talk' }, deliverTo: [targetId] },
    });
    await engine.run();
    const video = await engine.get({ uid: added.queued[0]!.uid });
    const [id] = [...gcore.videos.keys()];
    expect(video.deliveries[0]).toMatchObject({ mode: 'pull', state: 'ready', remoteId: String(id) });
    expect(gcore.videos.get(id!)).toMatchObject({ name: 'Talk', originHeaders: 'Authorization: Bearer origin' });
    // Nothing was pushed: Gcore's bytes came from the origin, which admits only the header.
    expect(gcore.tus.uploads()).toEqual([]);
    expect(sha256(gcore.videos.get(id!)!.originBytes!)).toBe(sha256(body));
  });

  it("ends the delivery with Gcore's reason when it cannot fetch the link, the video staying ready", async () => {
    const { gcore, engine, targetId } = await setUp('pull');
    const origin = await protectedOrigin(fs.readFileSync(media));
    // Ferry downloads the link first; by the time Gcore comes for it, the file is gone.
    onPull = () => (origin.routes['/talk.avi'] = { kind: 'status', status: 404 });
    const added = await engine.addLinks({
      links: [{ url: origin.url('/talk.avi'), headers: { Authorization: 'Bearer origin' } }],
      options: { transcode: false, deliverTo: [targetId] },
    });
    await engine.run();
    const video = await engine.get({ uid: added.queued[0]!.uid });
    expect(video.status.state).toBe('ready');
    expect(video.deliveries[0]).toMatchObject({ mode: 'pull', state: 'error', errorReasonCode: 'ERR_DELIVERY_FAILED' });
    expect(video.deliveries[0]!.error).toContain('The requested origin was not found');
    expect(gcore.videos.size).toBe(1);
  });
});
