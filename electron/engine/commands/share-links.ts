/**
 * `shareLinks` as the engine answers it (the desktop app, the CLI): the outputs' paths in the
 * library, and their URLs when a server serves this engine's media (the app's own server, `ferry
 * serve`). Signing a playback token is the server's (its key never leaves it): a caller of `ferry
 * serve` gets signed URLs from the server's door (electron/server/share-links-door.ts), so here a
 * video that requires them gets none, with why.
 */
import path from 'node:path';
import type { CommandInput } from '../../../shared/api';
import { FerryError } from '../../../shared/ferry-error';
import { embedSnippets, mediaUrls, outputLinks, type Outputs, type ShareLinks } from '../../../shared/share-links';
import type { Video } from '../../../shared/video';
import type { EngineContext } from '../context/engine-context';
import { videoFolder } from '../data-paths';

const nothing = (why: string): ShareLinks => ({ files: null, urls: null, embed: null, expiresAt: null, why });

/** The video and which outputs it has, or why it has none to share; NOT_FOUND for no such video. */
function outputsOf(context: EngineContext, uid: string): { video: Video; outputs: Outputs } | { nothing: ShareLinks } {
  const video = context.store.get(uid);
  if (!video) throw new FerryError('NOT_FOUND', `No video with uid ${uid} in ${context.paths.dataDir}.`);
  if (video.outputsDeletedAt !== null)
    return { nothing: nothing('The outputs of this video were deleted: there is nothing to share.') };
  if (video.status.state !== 'ready')
    return { nothing: nothing('The video is not ready yet: its outputs can be shared once it is.') };
  const outputs = {
    uid,
    playback: video.playback !== null,
    mp4: video.downloads !== null,
    thumbnail: video.thumbnail !== null,
  };
  return { video, outputs };
}

export function shareLinks(
  context: EngineContext,
  { uid }: CommandInput<'shareLinks'>,
  servedAt: string | null,
): ShareLinks {
  const found = outputsOf(context, uid);
  if ('nothing' in found) return found.nothing;
  const { video, outputs } = found;
  const folder = videoFolder(context.paths, uid);
  const files = { folder, ...outputLinks(outputs, (file) => path.join(folder, ...file.split('/'))) };
  if (servedAt === null)
    return {
      files,
      urls: null,
      embed: null,
      expiresAt: null,
      why: 'No server serves the media: turn on browser access in Settings, or run ferry serve, for URLs to share.',
    };
  if (video.requireSignedURLs)
    return {
      files,
      urls: null,
      embed: null,
      expiresAt: null,
      why: 'This video requires signed URLs: open it in a browser through the server to copy signed ones, or sign a token with POST …/stream/{uid}/token.',
    };
  const urls = mediaUrls(outputs, servedAt, null);
  return { files, urls, embed: embedSnippets(uid, urls), expiresAt: null };
}
