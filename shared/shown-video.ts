/**
 * The Video object as anyone outside the local app sees it: `ferry serve`'s callers (over HTTP and
 * over the socket alike) and webhook receivers. Its media are http URLs on the server instead of
 * the local paths the engine keeps, or nothing when no server serves them, and no path of this
 * machine is left anywhere (the source's path, a watermark's image, a path inside an error's text).
 * Pure: the same video, base and paths always give the same answer.
 */
import { hideHostPaths, type HiddenPath } from './hide-host-paths';
import type { Video } from './video';

/** A video's media under this server: `/media/{uid}/…`, the library's own layout below it. */
export function mediaUrl(baseUrl: string, uid: string, pathInLibrary: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/media/${encodeURIComponent(uid)}/${pathInLibrary}`;
}

/** A page that plays the video: the UI opened on it (the fragment never reaches the server). */
export function previewUrl(baseUrl: string, uid: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/#video=${encodeURIComponent(uid)}`;
}

/** A link without the user name and password someone put in it: they are credentials, never shown. */
function withoutUserinfo(link: string): string {
  if (!URL.canParse(link)) return link;
  const url = new URL(link);
  if (url.username === '' && url.password === '') return link;
  url.username = '';
  url.password = '';
  return url.href;
}

/** The last part of a path, POSIX or Windows: which file, without where it is. */
const fileName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

type Media = Pick<Video, 'playback' | 'thumbnail' | 'downloads'>;

function withoutHostPaths<T extends Media>(video: Video, media: T, hidden: readonly HiddenPath[]): Video & T {
  // The video's own files are named by their file names wherever a text mentions them.
  const ownFiles = [video.source.path, video.watermark?.image].flatMap((file) =>
    file ? [{ path: file, shownAs: fileName(file) }] : [],
  );
  return hideHostPaths(
    {
      ...video,
      ...media,
      // The image is a local file: its name says which one without saying where it is.
      watermark: video.watermark && { ...video.watermark, image: fileName(video.watermark.image) },
      // The link a video came from is the user's to see; the file it came from is a path on this machine.
      source:
        video.source.url === undefined
          ? { kind: video.source.kind }
          : { kind: video.source.kind, url: withoutUserinfo(video.source.url) },
    },
    [...ownFiles, ...hidden],
  );
}

/** `video` for a caller of this server at `baseUrl`; `hidden`: the paths of this machine every answer hides. */
export function shownVideo(
  video: Video,
  baseUrl: string,
  hidden: readonly HiddenPath[] = [],
): Video & { preview: string } {
  const url = (path: string) => mediaUrl(baseUrl, video.uid, path);
  const media = {
    playback: video.playback && { hls: url('manifest/video.m3u8'), dash: url('manifest/video.mpd') },
    thumbnail: video.thumbnail === null ? null : url('thumbnails/thumbnail.jpg'),
    downloads: video.downloads && { default: url('downloads/default.mp4') },
    preview: previewUrl(baseUrl, video.uid),
  };
  return withoutHostPaths(video, media, hidden);
}

/**
 * `video` as a webhook carries it: as a caller of the server at `baseUrl` sees it, or, when no
 * server runs (a `ferry run`, the app without its server), with no media at all rather than paths.
 */
export function webhookVideo(video: Video, baseUrl: string | null, hidden: readonly HiddenPath[]): Video {
  if (baseUrl !== null) return shownVideo(video, baseUrl, hidden);
  return withoutHostPaths(video, { playback: null, thumbnail: null, downloads: null }, hidden);
}
