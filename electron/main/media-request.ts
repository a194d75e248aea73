/**
 * Answers one `ferry-media://` request from the library on disk: the file its URL names, if it
 * is really inside the library once symlinks are followed, whole or by range. Web Request and
 * Response only, so it runs under Node's tests as under Electron's protocol.handle.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { mediaAnswer, mediaCorsHeaders } from './media-response';
import { libraryFile } from './media-url';
import { fileInLibrary } from '../server/real-path-inside';
import { liveFolder } from '../engine/data-paths';

const notFound = (): Response => new Response('Not found', { status: 404 });

export async function answerMediaRequest(request: Request, library: string): Promise<Response> {
  // A preflight, for a fetch with a Range header.
  if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: mediaCorsHeaders });
  const file = libraryFile(request.url, library);
  if (!file || (request.method !== 'GET' && request.method !== 'HEAD')) return notFound();
  const published = await fileInLibrary(library, file.absolutePath);
  // While its ladder is still encoded, a video plays from its live folder (removed once published).
  const folder = path.dirname(path.dirname(file.absolutePath));
  const live = published ? undefined : await fileInLibrary(library, path.join(liveFolder(folder), file.path));
  const real = published ?? live;
  if (!real) return notFound();
  // A growing playlist must be asked for again each time: a kept copy would stop the player.
  const cacheControl = live && !file.inMemory ? 'no-cache' : file.cacheControl;
  const { status, headers, range } = mediaAnswer(request.headers.get('Range'), real.size, { ...file, cacheControl });
  const body =
    request.method === 'HEAD' || !range
      ? null
      : (Readable.toWeb(fs.createReadStream(real.path, range)) as ReadableStream<Uint8Array>);
  return new Response(body, { status, headers });
}
