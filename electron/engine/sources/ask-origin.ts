/**
 * What the origin says about a link before any byte of it is written: its size, whether it takes
 * byte ranges, the validators that prove a resumed file is the same one, its content type.
 */
import { contentCodings } from './decode-body';
import { describeStatus } from './fetch-decisions';
import { httpRequest, HttpError, type Reply } from './http-request';
import { nameFromDrivePage } from './name-from-response';
import { googleDriveConfirmationUrl } from './normalize-link';
import type { PublicOnly } from './private-network-guard';

/** What asking needs from the download's options. */
export interface AskOptions {
  headers: Record<string, string>;
  idleTimeoutMs: number;
  driveHosts?: string[];
  /** Refuse loopback, private and link-local addresses at every hop (links that came over `ferry serve`). */
  publicOnly?: PublicOnly;
  /** Follow a redirect from https to plain http (the user allowed it for this link). */
  allowInsecureRedirects?: boolean;
  signal?: AbortSignal;
}

export interface Head {
  finalUrl: string;
  size: number;
  ranges: boolean;
  etag: string | null;
  lastModified: string | null;
  contentType: string | null;
  /** The file's name as the origin gives it, if it does (RFC 6266). */
  contentDisposition: string | null;
  /** The origin compresses the body in transit: its lengths and ranges count compressed bytes. */
  encoded: boolean;
}

export function checkStatus(reply: Reply): void {
  const { status, statusText } = reply.response;
  if (status < 400) return;
  reply.done();
  reply.response.cancel();
  throw new HttpError(describeStatus(status, statusText), 'status', status, reply.response.headers.get('retry-after'));
}

export function headFrom(reply: Reply): Head {
  const h = reply.response.headers;
  const total = /\/(\d+)$/.exec(h.get('content-range') ?? '')?.[1];
  const length = reply.response.status === 206 ? Number(total ?? -1) : Number(h.get('content-length') ?? -1);
  const etag = h.get('etag');
  // A compressed answer's length and ranges are those of the compressed bytes, not of the file.
  const encoded = contentCodings(h.get('content-encoding')).length > 0;
  return {
    finalUrl: reply.finalUrl,
    size: Number.isFinite(length) && !encoded ? length : -1,
    ranges: !encoded && (reply.response.status === 206 || h.get('accept-ranges') === 'bytes'),
    // A weak ETag cannot vouch for byte-identical content, so it never validates a resume.
    etag: etag && !etag.startsWith('W/') ? etag : null,
    lastModified: h.get('last-modified'),
    contentType: h.get('content-type'),
    contentDisposition: h.get('content-disposition'),
    encoded,
  };
}

/** HEAD, or a one-byte ranged GET where HEAD is refused (405, 501, a presigned URL's 403 …). */
export async function probe(url: string, options: AskOptions, origin: string): Promise<Head> {
  const common = {
    userHeaders: options.headers,
    origin,
    idleTimeoutMs: options.idleTimeoutMs,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.publicOnly ? { publicOnly: options.publicOnly } : {}),
    ...(options.allowInsecureRedirects ? { allowInsecureRedirects: true } : {}),
  };
  const head = await httpRequest(url, { ...common, method: 'HEAD' });
  // A HEAD answer has no body, but must still be read to its end to free its connection.
  head.response.body.resume();
  head.done();
  if (head.response.status < 400) return headFrom(head);
  const ranged = await httpRequest(url, { ...common, method: 'GET', headers: { Range: 'bytes=0-0' } });
  checkStatus(ranged);
  ranged.response.cancel();
  ranged.done();
  return headFrom(ranged);
}

/** Follows Google Drive's "download anyway" page for large files, once: where it leads, and the file's name it shows. */
export async function driveConfirmation(
  url: string,
  options: AskOptions,
  origin: string,
): Promise<{ url: string; name: string | null } | null> {
  const host = new URL(url).hostname;
  if (!(options.driveHosts ?? ['google.com']).some((h) => host === h || host.endsWith(`.${h}`))) return null;
  const page = await httpRequest(url, {
    method: 'GET',
    userHeaders: options.headers,
    origin,
    idleTimeoutMs: options.idleTimeoutMs,
    ...(options.publicOnly ? { publicOnly: options.publicOnly } : {}),
    ...(options.allowInsecureRedirects ? { allowInsecureRedirects: true } : {}),
  });
  const html = (await page.response.text()).slice(0, 2_000_000);
  page.done();
  const confirmed = googleDriveConfirmationUrl(html, page.finalUrl);
  return confirmed ? { url: confirmed, name: nameFromDrivePage(html) } : null;
}
