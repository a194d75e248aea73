/**
 * Each way a Bunny Stream video ends, through the deliver stage: the double shows the video
 * object's VideoModelStatus (Bunny's OpenAPI file) one step per poll, and the delivery is ready
 * only on 4 Finished (or 8 JitPlaylistsCreated), or once a resolution plays for a target ready
 * when playable, and fails on 5 Error and 6 UploadFailed with Bunny's reason.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryReadyWhen } from '../../../shared/delivery-targets';
import { closeAfterEach, closers, deliveryTuning, engineWithVault, fileMediaDir } from '../../helpers/delivery-engine';
import * as make from '../../helpers/media-fixtures';
import { startBunnyDouble, type BunnyOutcome } from '../../helpers/services/bunny-double';

const mediaDir = fileMediaDir('ferry-bunny-status-');
let media: string;

beforeAll(async () => {
  media = await make.standardDefinition43(mediaDir);
});
closeAfterEach();

/** Pushes one video to a Bunny double whose videos go through `outcome`; the delivery and the video Bunny holds. */
async function deliver(outcome: BunnyOutcome, readyWhen: DeliveryReadyWhen = 'complete') {
  const bunny = await startBunnyDouble({ library: '123', apiKey: 'key' });
  closers.push(bunny.close);
  bunny.outcome(outcome);
  // A bounded number of polls: a status never taken as final fails the delivery instead of hanging.
  const engine = engineWithVault({ ...deliveryTuning, maxPolls: 20 });
  const target = await engine.saveTarget(bunny.target('push', { readyWhen }));
  const added = await engine.addFiles({
    paths: [media],
    options: { transcode: false, meta: { name: 'Board meeting' }, deliverTo: [target.id] },
  });
  await engine.run();
  const video = await engine.get({ uid: added.queued[0]!.uid });
  const held = [...bunny.videos.values()][0]!;
  return { delivery: video.deliveries[0]!, shown: held.steps[held.step]?.status };
}

describe('Bunny Stream status through the deliver stage', () => {
  it('is ready on 4 Finished, not on 3 Transcoding before it', async () => {
    const { delivery, shown } = await deliver('finished');
    expect(delivery).toMatchObject({ state: 'ready', remoteState: 'finished' });
    expect(shown).toBe(4);
  });

  it('is ready on 3 Transcoding with a resolution listed when the target is ready once playable', async () => {
    const { delivery, shown } = await deliver('finished', 'playable');
    expect(delivery).toMatchObject({ state: 'ready', remoteState: 'transcoding' });
    expect(shown).toBe(3);
  });

  it('fails on 5 Error after Transcoding, quoting the transcoding message', async () => {
    const { delivery, shown } = await deliver('error');
    expect(shown).toBe(5);
    expect(delivery).toMatchObject({ state: 'error', remoteState: 'error' });
    expect(delivery.error).toContain('The video could not be transcoded.');
  });

  it('fails on 6 UploadFailed', async () => {
    const { delivery } = await deliver('uploadFailed');
    expect(delivery).toMatchObject({ state: 'error', remoteState: 'upload failed' });
    expect(delivery.error).toContain('Bunny Stream did not receive the upload');
  });

  it('is ready on 8 JitPlaylistsCreated, passing 7 JitSegmenting', async () => {
    const { delivery, shown } = await deliver('jit');
    expect(delivery).toMatchObject({ state: 'ready', remoteState: 'JIT playlists created' });
    expect(shown).toBe(8);
  });
});
