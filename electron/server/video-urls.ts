/**
 * The Video object as the HTTP API shows it: its media as http URLs on this server instead of the
 * local paths the engine keeps, and no local path left anywhere (the source's path, a watermark's
 * image). Pure: the same video and base always give the same answer.
 */
import { basename } from 'node:path';
import type { Video } from '../../shared/video';

/** A video's media under this server: `/media/{uid}/…`, the library's own layout below it. */
export function mediaUrl(baseUrl: string, uid: string, pathInLibrary: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/media/${encodeURIComponent(uid)}/${pathInLibrary}`;
}

/** A page that plays the video: the UI opened on it (the fragment never reaches the server). */
export function previewUrl(baseUrl: string, uid: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/#video=${encodeURIComponent(uid)}`;
}

export function withHttpUrls(video: Video, baseUrl: string): Video & { preview: string } {
  const url = (path: string) => mediaUrl(baseUrl, video.uid, path);
  return {
    ...video,
    playback: video.playback && { hls: url('manifest/video.m3u8'), dash: url('manifest/video.mpd') },
    thumbnail: video.thumbnail === null ? null : url('thumbnails/thumbnail.jpg'),
    downloads: video.downloads && { default: url('downloads/default.mp4') },
    preview: previewUrl(baseUrl, video.uid),
    // The image is a local file: its name says which one without saying where it is.
    watermark: video.watermark && { ...video.watermark, image: basename(video.watermark.image) },
    // The link a video came from is the user's to see; the file it came from is a path on this machine.
    source:
      video.source.url === undefined ? { kind: video.source.kind } : { kind: video.source.kind, url: video.source.url },
  };
}
