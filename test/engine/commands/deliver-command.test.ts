/**
 * `deliver`: a ready video goes to a target added after it was made, byte for byte to a real TUS
 * server; a delivery that finished goes again from nothing (a second upload: the video was deleted
 * at the service); the history names the target; a video that is not ready is counted, not sent;
 * an unknown target is refused before anything is queued.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as make from '../../helpers/media-fixtures';
import { closeAfterEach, closers, deliveryTuning, engineWithVault, fileMediaDir } from '../../helpers/delivery-engine';
import { sha256 } from '../../helpers/origin-server';
import { startTusServer } from '../../helpers/tus-server';
import fs from 'node:fs';

closeAfterEach();
const mediaDir = fileMediaDir('ferry-deliver-');
let media: string;
beforeAll(async () => {
  media = await make.standardDefinition43(mediaDir);
});

async function readyVideo() {
  const engine = engineWithVault(deliveryTuning);
  const added = await engine.addFiles({ paths: [media], options: { transcode: false, meta: { name: 'Keynote' } } });
  const uid = added.queued[0]!.uid;
  await engine.run();
  expect((await engine.get({ uid })).status.state).toBe('ready');
  const tus = await startTusServer();
  closers.push(() => tus.close());
  const target = await engine.saveTarget({ name: 'Archive', provider: 'tus', mode: 'push', endpoint: tus.endpoint });
  return { engine, uid, tus, target };
}

describe('deliver', () => {
  it('sends a ready video to a target added after it was ready, and again from nothing once it is there', async () => {
    const { engine, uid, tus, target } = await readyVideo();
    expect((await engine.get({ uid })).deliveries).toEqual([]);

    expect(await engine.deliver({ uids: [uid], targets: [target.id] })).toEqual({ queued: 1, videos: 1, notReady: 0 });
    await engine.run();
    const first = (await engine.get({ uid })).deliveries;
    expect(first).toEqual([expect.objectContaining({ target: target.id, state: 'ready' })]);
    expect(tus.uploads()).toHaveLength(1);
    expect(sha256(tus.file(tus.uploads()[0]!))).toBe(sha256(fs.readFileSync(media)));

    // Sent again: a new upload, not the finished one.
    expect(await engine.deliver({ all: true, targets: [target.id] })).toEqual({ queued: 1, videos: 1, notReady: 0 });
    await engine.run();
    expect((await engine.get({ uid })).deliveries).toEqual([expect.objectContaining({ state: 'ready' })]);
    expect(tus.uploads()).toHaveLength(2);

    const history = await engine.history({ uid });
    const requested = history.filter((event) => event.type === 'delivery-requested');
    expect(requested).toHaveLength(2);
    expect(requested[0]!.data).toEqual({ targets: [{ target: target.id, name: 'Archive' }] });
    expect(history.filter((event) => event.type === 'delivered').map((event) => event.data.name)).toEqual([
      'Archive',
      'Archive',
    ]);
  });

  it('counts a video that is not ready, and refuses a target that does not exist', async () => {
    const { engine, uid, target } = await readyVideo();
    const queued = await engine.addLinks({ links: [{ url: 'https://cdn.example.test/later.mp4' }] });
    const later = queued.queued[0]!.uid;
    expect(await engine.deliver({ uids: [later], targets: [target.id] })).toEqual({
      queued: 0,
      videos: 0,
      notReady: 1,
    });
    expect((await engine.get({ uid: later })).deliveries).toEqual([]);
    await expect(engine.deliver({ uids: [uid], targets: ['gone'] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await engine.get({ uid })).deliveries).toEqual([]);
  });
});
