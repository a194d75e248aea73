/**
 * What a user takes away from a ready video (`shareLinks`): where its outputs are on the machine
 * Ferry runs on, and, when a server serves them (`ferry serve`, the app's own server), their URLs
 * and ready-to-paste embed snippets, signed when the video requires signed URLs. Pure.
 */
import { mediaUrl } from './shown-video';

export interface MediaLinks {
  hls: string | null;
  dash: string | null;
  mp4: string | null;
  thumbnail: string | null;
}

export interface ShareLinks {
  /** The outputs' paths on the machine Ferry runs on; null for a caller of `ferry serve` (its paths are never shown). */
  files: (MediaLinks & { folder: string }) | null;
  /** The media over HTTP; null when no server serves them (then `why`). */
  urls: MediaLinks | null;
  /** HTML to paste in a page: a plain `<video>` of the MP4, and one that plays the HLS with hls.js. */
  embed: { video: string | null; hlsjs: string | null } | null;
  /** When the URLs' playback token expires (ISO date), for a video that requires signed URLs; null when unsigned. */
  expiresAt: string | null;
  /** Why there are no URLs, in a sentence that says what to do. */
  why?: string;
}

/** Which outputs a video has: the library's own names, as the server serves them. */
export interface Outputs {
  uid: string;
  playback: boolean;
  mp4: boolean;
  thumbnail: boolean;
}

export const outputFiles = {
  hls: 'manifest/video.m3u8',
  dash: 'manifest/video.mpd',
  mp4: 'downloads/default.mp4',
  thumbnail: 'thumbnails/thumbnail.jpg',
} as const;

/** Each output at `at(file)`, or null where the video has none. */
export function outputLinks(outputs: Outputs, at: (file: string) => string): MediaLinks {
  return {
    hls: outputs.playback ? at(outputFiles.hls) : null,
    dash: outputs.playback ? at(outputFiles.dash) : null,
    mp4: outputs.mp4 ? at(outputFiles.mp4) : null,
    thumbnail: outputs.thumbnail ? at(outputFiles.thumbnail) : null,
  };
}

/** A signed URL as Cloudflare Stream writes it: the token in place of the uid, so a manifest's segments carry it. */
export function mediaUrls(outputs: Outputs, baseUrl: string, token: string | null): MediaLinks {
  return outputLinks(outputs, (file) => mediaUrl(baseUrl, token ?? outputs.uid, file));
}

const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
const script = (value: string) => JSON.stringify(value).replace(/</g, '\\u003c');

/** The snippets for these URLs; hls.js comes from its CDN, and a browser without it plays the MP4. */
export function embedSnippets(uid: string, urls: MediaLinks): NonNullable<ShareLinks['embed']> {
  const poster = urls.thumbnail ? ` poster="${attribute(urls.thumbnail)}"` : '';
  const video = urls.mp4 ? `<video controls playsinline${poster} src="${attribute(urls.mp4)}"></video>` : null;
  if (!urls.hls) return { video, hlsjs: null };
  const id = `ferry-${uid}`;
  const fallback = urls.mp4 ? `else video.src = ${script(urls.mp4)};` : '';
  const hlsjs = [
    `<video id="${id}" controls playsinline${poster}></video>`,
    '<script src="https://cdn.jsdelivr.net/npm/hls.js@1"></script>',
    '<script>',
    `  (function () {`,
    `    var video = document.getElementById(${script(id)});`,
    `    var src = ${script(urls.hls)};`,
    `    if (window.Hls && Hls.isSupported()) { var hls = new Hls(); hls.loadSource(src); hls.attachMedia(video); }`,
    `    else if (video.canPlayType('application/vnd.apple.mpegurl')) video.src = src;`,
    `    ${fallback}`,
    `  })();`,
    '</script>',
  ]
    .filter((line) => line.trim() !== '')
    .join('\n');
  return { video, hlsjs };
}
