/**
 * The Video object as `ferry serve` shows it, over HTTP and over the socket alike: its media as
 * http URLs on this server instead of the local paths the engine keeps, and no path of this
 * machine left anywhere (the source's path, a watermark's image, a path inside an error's text).
 * Pure: the same video, base and paths always give the same answer.
 */
import { basename } from 'node:path';
import type { Video } from '../../shared/video';
import { hideHostPaths, type HiddenPath } from './hide-host-paths';

/** A video's media under this server: `/media/{uid}/…`, the library's own layout below it. */
export function mediaUrl(baseUrl: string, uid: string, pathInLibrary: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/media/${encodeURIComponent(uid)}/${pathInLibrary}`;
}

/** A page that plays the video: the UI opened on it (the fragment never reaches the server). */
export function previewUrl(baseUrl: string, uid: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/#video=${encodeURIComponent(uid)}`;
}

/** `video` for a caller of this server at `baseUrl`; `hidden`: the paths of this machine every answer hides. */
export function shownVideo(
  video: Video,
  baseUrl: string,
  hidden: readonly HiddenPath[] = [],
): Video & { preview: string } {
  const url = (path: string) => mediaUrl(baseUrl, video.uid, path);
  // The video's own files are named by their file names wherever a text mentions them.
  const ownFiles = [video.source.path, video.watermark?.image].flatMap((file) =>
    file ? [{ path: file, shownAs: basename(file) }] : [],
  );
  return hideHostPaths(
    {
      ...video,
      playback: video.playback && { hls: url('manifest/video.m3u8'), dash: url('manifest/video.mpd') },
      thumbnail: video.thumbnail === null ? null : url('thumbnails/thumbnail.jpg'),
      downloads: video.downloads && { default: url('downloads/default.mp4') },
      preview: previewUrl(baseUrl, video.uid),
      // The image is a local file: its name says which one without saying where it is.
      watermark: video.watermark && { ...video.watermark, image: basename(video.watermark.image) },
      // The link a video came from is the user's to see; the file it came from is a path on this machine.
      source:
        video.source.url === undefined
          ? { kind: video.source.kind }
          : { kind: video.source.kind, url: video.source.url },
    },
    [...ownFiles, ...hidden],
  );
}
