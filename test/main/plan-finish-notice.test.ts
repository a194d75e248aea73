import { describe, expect, it } from 'vitest';
import {
  notificationFor,
  nothingFinished,
  queueEmptied,
  withChange,
  type Finished,
} from '../../electron/main/plan-finish-notice';
import { unknownVideoDetails, type Video } from '../../shared/video';
import type { VideoState } from '../../shared/video-states';
import { totals } from './queue-totals';

function video(name: string, state: VideoState, errorReasonText?: string): Video {
  return {
    ...unknownVideoDetails(),
    uid: `uid-${name}`,
    created: '2026-11-29T09:00:00Z',
    modified: '2026-11-29T09:00:00Z',
    meta: { name },
    status: { state, pctComplete: 0, ...(errorReasonText && { errorReasonText }) },
    readyToStream: state === 'ready',
    playable: state === 'ready',
    source: { kind: 'file', path: `/videos/${name}` },
  };
}

describe('which changes notify', () => {
  it('a video reaching ready or failing, named, with the reason it failed', () => {
    let batch = withChange(nothingFinished(), 'inprogress', video('talk.mp4', 'ready'));
    batch = withChange(batch, 'downloading', video('cat.mov', 'error', 'The link answered 404.'));
    expect(batch).toEqual({ ready: ['talk.mp4'], failed: [{ name: 'cat.mov', reason: 'The link answered 404.' }] });
  });

  it('not progress, not a repeated state, not a video that was already there when the app started', () => {
    const before = nothingFinished();
    expect(withChange(before, 'queued', video('a', 'downloading'))).toEqual(before);
    expect(withChange(before, 'ready', video('a', 'ready'))).toEqual(before);
    expect(withChange(before, undefined, video('a', 'ready'))).toEqual(before);
    expect(withChange(before, 'downloading', video('a', 'canceled'))).toEqual(before);
  });

  it('the queue emptying: work left before, none now', () => {
    expect(queueEmptied(totals({ downloading: 1 }), totals({ ready: 1 }))).toBe(true);
    expect(queueEmptied(totals({ ready: 1 }), totals({ ready: 1 }))).toBe(false);
    expect(queueEmptied(undefined, totals({ ready: 1 }))).toBe(false);
    expect(queueEmptied(totals({ queued: 2 }), totals({ queued: 1, ready: 1 }))).toBe(false);
  });
});

describe('the notification a batch becomes', () => {
  it('names one video', () => {
    expect(notificationFor({ ready: ['talk.mp4'], failed: [] }, false)?.title).toBe('Ready: talk.mp4');
    expect(notificationFor({ ready: [], failed: [{ name: 'x', reason: 'Disk full.' }] }, false)).toEqual({
      title: 'Failed: x',
      body: 'Disk full.',
    });
  });

  it('is one notification for 1,000 videos, naming a few', () => {
    const many: Finished = { ready: Array.from({ length: 1000 }, (_, i) => `v${i}`), failed: [] };
    expect(notificationFor(many, false)).toEqual({ title: '1000 videos are ready', body: 'v0, v1, v2 and 997 more.' });
  });

  it('puts failures first when some failed', () => {
    const mixed: Finished = {
      ready: ['a', 'b'],
      failed: [
        { name: 'c', reason: 'r' },
        { name: 'd', reason: 'r' },
      ],
    };
    expect(notificationFor(mixed, false)).toEqual({ title: '2 videos failed', body: 'c, d. 2 ready.' });
  });

  it('sums up the whole queue when it empties', () => {
    const mixed: Finished = { ready: ['a', 'b', 'c'], failed: [{ name: 'd', reason: 'r' }] };
    expect(notificationFor(mixed, true)).toEqual({ title: 'Ferry finished the queue', body: '3 ready, 1 failed.' });
  });

  it('says nothing when nothing finished', () => {
    expect(notificationFor(nothingFinished(), true)).toBeUndefined();
  });
});
