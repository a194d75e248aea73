/**
 * A direct creator upload (`POST …/stream?direct_user=true`) hands someone else a one-time URL,
 * so it carries its own limits, as Cloudflare Stream's do: a `maxDurationSeconds` (required; the
 * video is refused when longer), any `maxSizeBytes`, and an `expiry` that the URL can be checked
 * against and that does not outlive the unfinished upload itself. Pure.
 */
import { tokenExpiryProblem } from './signed-token';
import type { UploadRequest } from './upload-metadata';

/** Without an `expiry`: hours, not Cloudflare's 30 minutes, so a slow upload is not cut off. */
const defaultTicketSeconds = 6 * 3600;

export type TicketVerdict = { ok: true; expiresAt: number } | { ok: false; message: string };

const rfc3339 = (epochSeconds: number) => new Date(epochSeconds * 1000).toISOString().replace(/\.\d+Z$/, 'Z');

/** When the one-time URL of a direct creator upload created now expires, or why none is issued. */
export function directTicket(request: UploadRequest, nowSeconds: number, uploadExpirySeconds: number): TicketVerdict {
  if (request.options.maxDurationSeconds === undefined)
    return {
      ok: false,
      message:
        'maxDurationSeconds: a direct creator upload needs one, as on Cloudflare Stream ' +
        '(Upload-Metadata "maxDurationSeconds <base64 of the seconds>"); a longer video is refused.',
    };
  const latest = Math.floor(nowSeconds + uploadExpirySeconds);
  if (request.expiry === undefined) return { ok: true, expiresAt: Math.min(nowSeconds + defaultTicketSeconds, latest) };
  const expiresAt = Math.floor(Date.parse(request.expiry) / 1000);
  if (expiresAt <= nowSeconds)
    return {
      ok: false,
      message: `expiry: ${request.expiry} has passed; give a time ahead, such as ${rfc3339(nowSeconds + 3600)}.`,
    };
  // A URL that could never be checked (past what a token holds), or that outlives the upload, is not issued.
  if (expiresAt > latest || tokenExpiryProblem(expiresAt, nowSeconds) !== undefined)
    return {
      ok: false,
      message: `expiry: must be no later than ${rfc3339(latest)}, when this upload is removed if it is unfinished.`,
    };
  return { ok: true, expiresAt };
}
