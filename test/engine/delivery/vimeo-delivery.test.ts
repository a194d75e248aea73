/**
 * Delivery to Vimeo through the engine, against the double: the file goes to the upload link
 * Vimeo made with the video (a new video when that link has expired), and the delivery follows
 * the transcode to ready (no playbackUrl: Vimeo's link is a page); a transcode Vimeo fails, or a token it refuses,
 * ends the delivery with what to do.
 */
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Video } from '../../../shared/video';
import { closeAfterEach, closers, deliveryTuning, engineWithVault, fileMediaDir } from '../../helpers/delivery-engine';
import * as make from '../../helpers/media-fixtures';
import { sha256 } from '../../helpers/origin-server';
import { startVimeoDouble, type VimeoDouble } from '../../helpers/services/vimeo-double';

const mediaDir = fileMediaDir('ferry-vimeo-media-');
let media: string;

beforeAll(async () => {
  media = await make.standardDefinition43(mediaDir);
});
closeAfterEach();

async function delivered(setUp: (vimeo: VimeoDouble) => void = () => {}, credential = 'vimeo-token') {
  const vimeo = await startVimeoDouble({ token: 'vimeo-token' });
  closers.push(vimeo.close);
  setUp(vimeo);
  const engine = engineWithVault(deliveryTuning);
  const target = await engine.saveTarget({
    name: 'vimeo',
    provider: 'vimeo',
    mode: 'push',
    endpoint: vimeo.origin,
    credential,
  });
  const added = await engine.addFiles({
    paths: [media],
    options: { transcode: false, meta: { name: 'Board meeting' }, deliverTo: [target.id] },
  });
  await engine.run();
  const video: Video = await engine.get({ uid: added.queued[0]!.uid });
  return { vimeo, video, targetId: target.id };
}

describe('delivery to Vimeo', () => {
  it("sends the file to Vimeo's upload link and follows the transcode to ready, its page not given as playbackUrl", async () => {
    const { vimeo, video, targetId } = await delivered();
    const [id] = [...vimeo.videos.keys()];
    expect(video.deliveries[0]).toMatchObject({
      target: targetId,
      mode: 'push',
      state: 'ready',
      remoteId: id,
    });
    expect(video.deliveries[0]!.playbackUrl).toBeUndefined();
    expect(vimeo.videos.get(id!)!.name).toBe('Board meeting');
    expect(sha256(vimeo.bytes(id!))).toBe(sha256(fs.readFileSync(media)));
  });

  it('when the upload link has expired, a new video gets the file and the delivery follows that one', async () => {
    // Vimeo's link answers 410 once, as an expired upload does.
    const { vimeo, video } = await delivered((v) => v.tus.fail({ method: 'PATCH', status: 410, times: 1 }));
    const [first, second] = [...vimeo.videos.keys()];
    expect(vimeo.videos.size).toBe(2);
    expect(video.deliveries[0]).toMatchObject({ state: 'ready', remoteId: second });
    expect(vimeo.videos.get(first!)!.uploaded).toBe(false);
    expect(sha256(vimeo.bytes(second!))).toBe(sha256(fs.readFileSync(media)));
  });

  it('ends the delivery in error when Vimeo cannot transcode, the video staying ready', async () => {
    const { video } = await delivered((vimeo) => vimeo.failTranscode());
    expect(video.status.state).toBe('ready');
    expect(video.deliveries[0]).toMatchObject({ state: 'error', errorReasonCode: 'ERR_DELIVERY_FAILED' });
    expect(video.deliveries[0]!.error).toContain('Vimeo could not transcode the video');
  });

  it('a refused token fails the delivery at once, saying the credential was refused', async () => {
    const { vimeo, video } = await delivered(() => {}, 'expired-token');
    expect(video.deliveries[0]).toMatchObject({ state: 'error', errorReasonCode: 'ERR_DELIVERY_FAILED' });
    expect(video.deliveries[0]!.error).toMatch(/401/);
    expect(vimeo.videos.size).toBe(0);
  });
});
