import { describe, expect, it } from 'vitest';
import { newLeaseOwner } from '../../../electron/engine/store/lease-owner';
import { isPlayable } from '../../../electron/engine/store/video-row';
import { VideoStore } from '../../../electron/engine/store/video-store';
import { unknownVideoDetails } from '../../../shared/video';
import type { VideoState } from '../../../shared/video-states';
import { openStore } from '../../helpers/open-store';
import { tempDir } from '../../helpers/temp-dir';

const live = { hls: '/lib/v.live/manifest/video.m3u8', dash: '/lib/v.live/manifest/video.mpd' };

/** A store with one video claimed for its transcode. */
function transcoding() {
  const opened = openStore(tempDir());
  const [uid] = opened.store.insertMany([{ source: { kind: 'file', path: '/videos/talk.mp4' }, stage: 'transcode' }]);
  expect(opened.store.claimNext('transcode', 30_000)?.video.uid).toBe(uid);
  return { ...opened, uid: uid! };
}

describe('the playable flag', () => {
  it('turns on under the transcode claim, with readyToStream, while the state stays inprogress', () => {
    const { store, uid, close } = transcoding();
    expect(store.get(uid)).toMatchObject({ playable: false, readyToStream: false, playback: null });
    expect(store.live.start(uid, live, new Date('2026-12-08T10:00:00Z'))).toBe(true);
    expect(store.get(uid)).toMatchObject({
      status: { state: 'inprogress', step: 'transcode' },
      playable: true,
      readyToStream: true,
      readyToStreamAt: '2026-12-08T10:00:00.000Z',
      playback: live,
    });
    expect(store.get(uid)).not.toHaveProperty('livePlayable');
    close();
  });

  it('is refused to a process that does not hold the claim, and to a paused video', () => {
    const { store, uid, db, close } = transcoding();
    const other = new VideoStore(db, newLeaseOwner());
    expect(other.live.start(uid, live)).toBe(false);
    store.transition(uid, 'paused');
    expect(store.live.start(uid, live)).toBe(false);
    expect(store.get(uid)).toMatchObject({ playable: false, playback: null });
    close();
  });

  it('is taken back when the attempt ends without the video', () => {
    const { store, uid, close } = transcoding();
    store.live.start(uid, live);
    store.live.end(uid);
    expect(store.get(uid)).toMatchObject({
      playable: false,
      readyToStream: false,
      playback: null,
      readyToStreamAt: null,
    });
    close();
  });

  it('dies with a crashed transcode: recovered and claimed again, the video must earn it anew', () => {
    const { store, uid, close } = transcoding();
    store.live.start(uid, live);
    expect(store.recoverInFlight(Date.now() + 60_000)).toEqual([uid]);
    expect(store.get(uid)).toMatchObject({ status: { state: 'queued' }, playable: false, playback: null });
    expect(store.claimNext('transcode', 30_000)?.video).toMatchObject({ playable: false, playback: null });
    expect(store.get(uid)).toMatchObject({ status: { state: 'inprogress' }, playable: false });
    close();
  });

  it('is the finished outputs once ready, and nothing once they are deleted', () => {
    const doc = { ...unknownVideoDetails(), playback: live };
    const table: [VideoState, boolean, boolean][] = [
      ['inprogress', true, true],
      ['inprogress', false, false],
      ['ready', false, true],
      ['queued', true, false],
      ['paused', true, false],
      ['error', true, false],
    ];
    for (const [state, livePlayable, playable] of table)
      expect([state, livePlayable, isPlayable(state, 'transcode', { ...doc, livePlayable })]).toEqual([
        state,
        livePlayable,
        playable,
      ]);
    expect(isPlayable('ready', 'done', { ...doc, outputsDeletedAt: '2026-12-08T10:00:00Z' })).toBe(false);
    expect(isPlayable('ready', 'done', { ...doc, playback: null })).toBe(false);
    expect(isPlayable('inprogress', 'deliver', { ...doc, livePlayable: true })).toBe(false);
  });
});
