import { describe, expect, it } from 'vitest';
import { unknownVideoDetails, type Video } from '../../shared/video';
import { shownVideo } from '../../shared/shown-video';

const library = '/home/someone/.config/Ferry/library/abc123';
const video: Video = {
  ...unknownVideoDetails(),
  uid: 'abc123',
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  status: { state: 'ready', pctComplete: 100 },
  readyToStream: true,
  playable: true,
  playback: { hls: `${library}/manifest/video.m3u8`, dash: `${library}/manifest/video.mpd` },
  thumbnail: `${library}/thumbnails/thumbnail.jpg`,
  downloads: { default: `${library}/downloads/default.mp4` },
  watermark: { image: '/home/someone/logo.png', position: 'lowerRight', opacity: 1, scale: 0.1, padding: 0.05 },
  source: { kind: 'file', path: '/home/someone/Videos/talk.mov' },
};

describe('shownVideo', () => {
  it('gives the media as http URLs on this server and no local path', () => {
    const shown = shownVideo(video, 'http://127.0.0.1:8787/');
    expect(shown.playback).toEqual({
      hls: 'http://127.0.0.1:8787/media/abc123/manifest/video.m3u8',
      dash: 'http://127.0.0.1:8787/media/abc123/manifest/video.mpd',
    });
    expect(shown.thumbnail).toBe('http://127.0.0.1:8787/media/abc123/thumbnails/thumbnail.jpg');
    expect(shown.downloads).toEqual({ default: 'http://127.0.0.1:8787/media/abc123/downloads/default.mp4' });
    expect(shown.preview).toBe('http://127.0.0.1:8787/#video=abc123');
    expect(shown.source).toEqual({ kind: 'file' });
    expect(JSON.stringify(shown)).not.toContain('/home/someone');
  });

  it('leaves media that do not exist yet absent', () => {
    const queued: Video = { ...video, playback: null, thumbnail: null, downloads: null, watermark: null };
    const shown = shownVideo(queued, 'http://127.0.0.1:8787');
    expect([shown.playback, shown.thumbnail, shown.downloads, shown.watermark]).toEqual([null, null, null, null]);
  });
});
