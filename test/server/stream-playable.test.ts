/**
 * A video that plays while its ladder is still encoded, as `ferry serve`'s Cloudflare API shows
 * it: readyToStream true with the state still `inprogress` (as Cloudflare once its first quality
 * plays), and its playback as URLs on the server; nothing to play before, or after a failure.
 */
import { describe, expect, it } from 'vitest';
import { shownVideo } from '../../shared/shown-video';
import { unknownVideoDetails, type Video } from '../../shared/video';
import { streamVideo } from '../../electron/server/stream-video';

const base = 'http://127.0.0.1:8787';
const uid = 'f'.repeat(32);

function transcoding(playable: boolean, state: Video['status']['state'] = 'inprogress'): Video {
  return {
    ...unknownVideoDetails(),
    uid,
    created: '2026-12-08T10:00:00.000Z',
    modified: '2026-12-08T10:00:05.000Z',
    status: { state, pctComplete: 12, step: 'transcode' },
    readyToStream: playable,
    playable,
    readyToStreamAt: playable ? '2026-12-08T10:00:05.000Z' : null,
    playback: playable ? { hls: `/data/library/${uid}.live/manifest/video.m3u8`, dash: '/x/video.mpd' } : null,
    source: { kind: 'file', path: '/home/me/talk.mov' },
  };
}

describe('a video playable while it transcodes, over the Cloudflare API', () => {
  it('is readyToStream with its state still inprogress, and its playback served from this server', () => {
    const shown = streamVideo(shownVideo(transcoding(true), base));
    expect(shown).toMatchObject({
      readyToStream: true,
      readyToStreamAt: '2026-12-08T10:00:05.000Z',
      playable: true,
      status: { state: 'inprogress', ferryState: 'inprogress', pctComplete: '12.000000' },
      playback: { hls: `${base}/media/${uid}/manifest/video.m3u8`, dash: `${base}/media/${uid}/manifest/video.mpd` },
    });
    expect(JSON.stringify(shown)).not.toContain('/data/library');
  });

  it('has no playback before its first segments', () => {
    const shown = streamVideo(shownVideo(transcoding(false), base));
    expect(shown).toMatchObject({ readyToStream: false, playable: false, status: { state: 'inprogress' } });
    expect(shown).not.toHaveProperty('playback');
  });
});
