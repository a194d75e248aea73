/**
 * `ferry-media://`: the window's way to the library's media (players, thumbnails, hls.js), with
 * byte ranges. The decisions are media-url.ts and media-response.ts; this is the Electron wiring.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { protocol } from 'electron';
import { isInside, libraryFile, mediaScheme } from './media-url';
import { mediaAnswer, mediaCorsHeaders } from './media-response';

/** Before `ready`: a standard, secure scheme that fetch, media elements and streaming may use. */
export function registerMediaScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: mediaScheme,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: true },
    },
  ]);
}

const notFound = (): Response => new Response('Not found', { status: 404 });

async function answer(request: Request, library: string): Promise<Response> {
  // A preflight, for a fetch with a Range header.
  if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: mediaCorsHeaders });
  const file = libraryFile(request.url, library);
  if (!file || (request.method !== 'GET' && request.method !== 'HEAD')) return notFound();
  let real: string;
  let size: number;
  try {
    // A symlink inside the library may not lead out of it.
    const [root, target] = await Promise.all([fs.promises.realpath(library), fs.promises.realpath(file.absolutePath)]);
    const stat = await fs.promises.stat(target);
    if (!isInside(root, target) || !stat.isFile()) return notFound();
    real = target;
    size = stat.size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return notFound();
    throw error;
  }
  const { status, headers, range } = mediaAnswer(request.headers.get('Range'), size, file);
  const body =
    request.method === 'HEAD' || !range
      ? null
      : (Readable.toWeb(
          fs.createReadStream(real, { start: range.start, end: range.end }),
        ) as ReadableStream<Uint8Array>);
  return new Response(body, { status, headers });
}

/** After `ready`: serves the library folder, nothing else. Answers the handler removal. */
export function handleMediaProtocol(library: string): () => void {
  protocol.handle(mediaScheme, (request) => answer(request, library));
  return () => protocol.unhandle(mediaScheme);
}
