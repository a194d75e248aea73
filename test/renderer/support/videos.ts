/** Videos for component tests, shaped as the engine sends them. */
import { unknownVideoDetails, type Video } from '../../../shared/video';
import type { VideoState } from '../../../shared/video-states';

export function makeVideo(
  id: string,
  name: string,
  state: VideoState = 'queued',
  extra: { pct?: number; modified?: string; bytesPerSecond?: number; etaSeconds?: number } = {},
): Video {
  return {
    ...unknownVideoDetails(),
    uid: id.padEnd(32, '0'),
    created: '2026-11-21T10:00:00.000Z',
    modified: extra.modified ?? '2026-11-21T10:00:00.000Z',
    meta: { name },
    status: {
      state,
      pctComplete: extra.pct ?? 0,
      step: 'fetch',
      ...(extra.bytesPerSecond !== undefined ? { bytesPerSecond: extra.bytesPerSecond } : {}),
      ...(extra.etaSeconds !== undefined ? { etaSeconds: extra.etaSeconds } : {}),
    },
    readyToStream: state === 'ready',
    playable: state === 'ready',
    source: { kind: 'url', url: `https://media.example.test/${name}.mp4` },
  };
}

/** `count` queued videos named video-0 … video-(count-1), newest first, each with a uid of its own (from its index). */
export function manyVideos(count: number): Video[] {
  return Array.from({ length: count }, (_, i) => makeVideo(i.toString(16).padStart(32, '0'), `video-${i}`));
}
