/**
 * A trimmed video delivered to a Cloudflare Stream target set to pull: the service would fetch the
 * whole original from its link, so the trimmed MP4 is pushed instead, and the delivery says why;
 * what Stream holds is that part only (ffprobe of the bytes it received).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeAfterEach, closers, deliveryTuning, engineWithVault, fileMediaDir } from '../../helpers/delivery-engine';
import { colorAt, colorSteps, videoFrames } from '../../helpers/color-steps';
import { startOrigin } from '../../helpers/origin-server';
import { startCloudflareDouble } from '../../helpers/services/cloudflare-double';

const mediaDir = fileMediaDir('ferry-trimmed-delivery-');
closeAfterEach();

describe('a trimmed video to a pull target', () => {
  it('is pushed as its trimmed MP4, never pulled from the whole original', async () => {
    const source = await colorSteps(mediaDir, ['red', 'green', 'blue', 'white'], 25);
    const stream = await startCloudflareDouble();
    closers.push(stream.close);
    const origin = await startOrigin({ '/steps.mp4': { kind: 'file', body: fs.readFileSync(source) } });
    closers.push(origin.close);
    const engine = engineWithVault({ ...deliveryTuning, pollBaseMs: 20, pollMaxMs: 100 });
    const target = await engine.saveTarget({
      name: 'stream',
      provider: 'cloudflare',
      mode: 'pull',
      endpoint: stream.origin,
      account: stream.account,
      credential: stream.token,
    });
    const added = await engine.addLinks({
      links: [{ url: origin.url('/steps.mp4'), name: 'Steps' }],
      options: { ladder: [180], trim: { start: 1, end: 3 }, deliverTo: [target.id] },
    });
    await engine.run();
    const video = await engine.get({ uid: added.queued[0]!.uid });
    const delivery = video.deliveries[0]!;
    expect(delivery).toMatchObject({
      mode: 'push',
      state: 'ready',
      notice: 'Pushed instead of pulled: the video is trimmed, and its link is the whole original.',
    });
    expect(stream.copies).toEqual([]);
    const received = path.join(mediaDir, 'received.mp4');
    fs.writeFileSync(received, stream.file(delivery.remoteId!));
    expect((await videoFrames(received)).frames).toBe(50);
    expect(await colorAt(received, 0)).toBe('green');
  });
});
