/**
 * Which files of a video's library folder are served over HTTP, with what type and for how long a
 * player may keep them. Only the outputs' own names pass: anything else (`..`, a hidden file, an
 * original, a folder) is not a media file and is answered 404. Pure.
 */

export interface MediaFile {
  /** Relative to `library/<uid>/`, forward slashes. */
  path: string;
  contentType: string;
  cacheControl: string;
  /** Segments: small, many, asked again by every viewer, never changed once published. */
  inMemory: boolean;
}

/** Segments never change once published; manifests, pictures and the MP4 are looked at again soon. */
const immutable = 'public, max-age=31536000, immutable';
const short = 'public, max-age=10';

const served: { folder: string; name: RegExp; contentType: string; cacheControl: string }[] = [
  { folder: 'manifest', name: /^[\w-]+\.m3u8$/, contentType: 'application/vnd.apple.mpegurl', cacheControl: short },
  { folder: 'manifest', name: /^[\w-]+\.mpd$/, contentType: 'application/dash+xml', cacheControl: short },
  { folder: 'manifest', name: /^[\w-]+\.m4s$/, contentType: 'video/iso.segment', cacheControl: immutable },
  { folder: 'thumbnails', name: /^[\w-]+\.jpg$/, contentType: 'image/jpeg', cacheControl: short },
  { folder: 'storyboard', name: /^[\w-]+\.jpg$/, contentType: 'image/jpeg', cacheControl: short },
  { folder: 'storyboard', name: /^[\w-]+\.vtt$/, contentType: 'text/vtt; charset=utf-8', cacheControl: short },
  { folder: 'downloads', name: /^[\w-]+\.mp4$/, contentType: 'video/mp4', cacheControl: short },
];

/** The media file a request path inside a video's folder names, or undefined when it names none. */
export function mediaFile(pathInFolder: string): MediaFile | undefined {
  const parts = pathInFolder.split('/');
  if (parts.length !== 2) return undefined;
  const [folder, name] = parts as [string, string];
  const rule = served.find((candidate) => candidate.folder === folder && candidate.name.test(name));
  return (
    rule && {
      path: `${folder}/${name}`,
      contentType: rule.contentType,
      cacheControl: rule.cacheControl,
      inMemory: rule.cacheControl === immutable,
    }
  );
}
