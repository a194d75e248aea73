/**
 * `ferry-media://`: the window's way to the library's media (players, thumbnails, hls.js), with
 * byte ranges. The decisions are media-url.ts, media-response.ts and media-request.ts; this is
 * the Electron wiring.
 */
import { protocol } from 'electron';
import { answerMediaRequest } from './media-request';
import { mediaScheme } from './media-url';

/** Before `ready`: a standard, secure scheme that fetch, media elements and streaming may use. */
export function registerMediaScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: mediaScheme,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: true },
    },
  ]);
}

/** After `ready`: serves the library folder in use (it changes when the library is moved), nothing else. Answers the handler's removal. */
export function handleMediaProtocol(library: () => string): () => void {
  protocol.handle(mediaScheme, (request) => answerMediaRequest(request, library()));
  return () => protocol.unhandle(mediaScheme);
}
