/**
 * Answers one `ferry-media://` request from the library on disk: the file its URL names, if it
 * is really inside the library once symlinks are followed, whole or by range. Web Request and
 * Response only, so it runs under Node's tests as under Electron's protocol.handle.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { mediaAnswer, mediaCorsHeaders } from './media-response';
import { libraryFile } from './media-url';
import { fileInLibrary } from '../server/real-path-inside';

const notFound = (): Response => new Response('Not found', { status: 404 });

export async function answerMediaRequest(request: Request, library: string): Promise<Response> {
  // A preflight, for a fetch with a Range header.
  if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: mediaCorsHeaders });
  const file = libraryFile(request.url, library);
  if (!file || (request.method !== 'GET' && request.method !== 'HEAD')) return notFound();
  const real = await fileInLibrary(library, file.absolutePath);
  if (!real) return notFound();
  const { status, headers, range } = mediaAnswer(request.headers.get('Range'), real.size, file);
  const body =
    request.method === 'HEAD' || !range
      ? null
      : (Readable.toWeb(fs.createReadStream(real.path, range)) as ReadableStream<Uint8Array>);
  return new Response(body, { status, headers });
}
