/**
 * Downloads a link to a local file like a good download manager: HEAD first (a one-byte ranged
 * GET when HEAD is refused), several connections on byte ranges when the origin supports them,
 * resume from the bytes already on disk (checked with If-Range), refusal of web pages and
 * playlists before they waste a transcode, and the file as the origin meant it (a body compressed
 * in transit is decoded).
 *
 * One call never waits between attempts: a broken connection goes on at once where it stopped,
 * but a failure that needs waiting (a 5xx or 429, an origin that cannot be reached, connections
 * that keep breaking without progress) throws a DownloadError with `retry`, leaving the bytes on
 * disk for the next call. The caller's queue decides when that is (retry-policy.ts).
 */
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import type { ErrorCode } from '../../../shared/error-codes';
import { checkVideoContainer } from '../media/sniff-content';
import type { RetryTuning } from '../retry/retry-policy';
import { driveConfirmation, probe, type Head } from './ask-origin';
import { clearDownload } from './download-state';
import { failureVerdict, refuseContent } from './fetch-decisions';
import { fillPartFile } from './fill-part-file';
import { nameFromResponse } from './name-from-response';
import { HttpError } from './http-request';
import { PieceRefused, RestartDownload, type Throttle } from './write-piece';
import type { PublicOnly } from './private-network-guard';

export interface DownloadProgress {
  bytes: number;
  total: number;
  bytesPerSecond: number;
  etaSeconds: number;
}

export interface DownloadOptions {
  url: string;
  headers: Record<string, string>;
  /** The finished file; `<dest>.part` and `<dest>.part.json` hold the work in progress. */
  dest: string;
  maxSizeBytes?: number;
  maxConnections: number;
  idleTimeoutMs: number;
  /** Refuse loopback, private and link-local addresses at every hop (links that came over `ferry serve`). */
  publicOnly?: PublicOnly;
  /** Follow a redirect from https to plain http (the user allowed it for this link). */
  allowInsecureRedirects?: boolean;
  /** Hosts (and their subdomains) whose HTML may be a Drive "download anyway" page. */
  driveHosts?: string[];
  /** Refuse (ERR_NON_VIDEO) a file whose first bytes are not a video container's, before it is published. */
  videoOnly?: boolean;
  signal?: AbortSignal;
  /** The download bandwidth limit all downloads share (write-piece.ts). */
  throttle?: Throttle;
  onProgress?: (progress: DownloadProgress) => void;
  /** The file's name as soon as the origin's answer gives one (nameFromResponse), before its bytes. */
  onName?: (name: string) => void;
  /** Waits between tries of a piece whose connection broke without progress (tests shorten them). */
  dropRetry?: RetryTuning;
}

export interface DownloadResult {
  finalUrl: string;
  size: number;
  contentType: string | null;
}

/**
 * `retry` present: transient, try again later (the bytes on disk stay); absent: final. With
 * `madeProgress`, this call got bytes before it failed: the next attempt starts further on.
 */
export class DownloadError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly retry?: { status?: number; retryAfter?: string | null; madeProgress?: boolean },
  ) {
    super(message);
    this.name = 'DownloadError';
  }
}

/** A piece whose connection keeps breaking: five tries without a byte of progress, a few seconds apart. */
const defaultDropRetry: RetryTuning = { baseMs: 500, maxMs: 5000, maxAttempts: 5 };

export async function downloadUrl(options: DownloadOptions): Promise<DownloadResult> {
  const part = `${options.dest}.part`;
  let url = options.url;
  const origin = new URL(url).origin;
  let followedDrive = false;
  let pageName: string | null = null;
  // After a restart: ranges are not trusted any more, or the body comes compressed.
  let mode: 'as-told' | 'no-ranges' | 'encoded' = 'as-told';
  const received = { bytes: 0 };
  for (;;) {
    try {
      const head = await probe(url, options, origin);
      const refusal = refuseContent(head.contentType, null);
      if (refusal) {
        const confirmed =
          refusal.code === 'ERR_NOT_A_DIRECT_LINK' && !followedDrive
            ? await driveConfirmation(url, options, origin)
            : null;
        if (!confirmed) throw new DownloadError(refusal.code, refusal.text);
        url = confirmed.url;
        pageName = confirmed.name;
        followedDrive = true;
        continue;
      }
      const name = nameFromResponse(options.url, { ...head, pageName });
      if (name) options.onName?.(name);
      if (options.maxSizeBytes && head.size > options.maxSizeBytes) {
        throw new DownloadError(
          'ERR_SIZE_EXCEED_CONSTRAINT',
          `The file is ${head.size} bytes, over the limit of ${options.maxSizeBytes} bytes set for it.`,
        );
      }
      await fillPartFile(url, shaped(head, mode), part, { ...fillOptions(options), received }, origin);
      if (options.videoOnly) await refuseNonVideo(part);
      removeState(part);
      // Synchronous: a rename takes microseconds, less than a thread-pool round trip.
      fsSync.renameSync(part, options.dest);
      return {
        finalUrl: head.finalUrl,
        size: head.size >= 0 && mode !== 'encoded' ? head.size : (await fs.stat(options.dest)).size,
        contentType: head.contentType,
      };
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason ?? error;
      if (!(error instanceof RestartDownload)) throw asDownloadError(error, received.bytes > 0);
      // Never stitch two versions (or compressed and plain bytes) together: fetch it whole, once.
      await clearDownload(part);
      const next = error.encoded ? 'encoded' : 'no-ranges';
      if (mode === next || mode === 'encoded') throw new DownloadError('ERR_FETCH_ORIGIN_ERROR', error.message);
      mode = next;
    }
  }
}

function shaped(head: Head, mode: 'as-told' | 'no-ranges' | 'encoded'): Head {
  if (mode === 'encoded') return { ...head, size: -1, ranges: false, encoded: true };
  if (mode === 'no-ranges') return { ...head, ranges: false };
  return head;
}

function fillOptions(options: DownloadOptions) {
  return {
    headers: options.headers,
    maxConnections: options.maxConnections,
    idleTimeoutMs: options.idleTimeoutMs,
    ...(options.publicOnly ? { publicOnly: options.publicOnly } : {}),
    ...(options.allowInsecureRedirects ? { allowInsecureRedirects: true } : {}),
    dropRetry: options.dropRetry ?? defaultDropRetry,
    ...(options.maxSizeBytes ? { maxSizeBytes: options.maxSizeBytes } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.throttle ? { throttle: options.throttle } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
}

/** The finished download's state file, when it kept one: one unlink, not a recursive removal. */
function removeState(part: string): void {
  try {
    fsSync.unlinkSync(`${part}.json`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Without a transcode nothing else looks at the file: what is not a video is never published. */
async function refuseNonVideo(part: string): Promise<void> {
  const refusal = checkVideoContainer(part);
  if (!refusal) return;
  await clearDownload(part);
  throw new DownloadError(refusal.code, refusal.text);
}

function asDownloadError(error: unknown, madeProgress: boolean): unknown {
  if (error instanceof DownloadError) return error;
  if (error instanceof PieceRefused) return new DownloadError(error.code, error.message);
  if (!(error instanceof HttpError)) return error;
  const verdict = failureVerdict(error);
  if (verdict === 'final') {
    // Nothing at that address: a retry cannot help until the link changes, and the user is told so.
    const gone = error.status === 404 || error.status === 410;
    return new DownloadError(gone ? 'ERR_FETCH_NOT_FOUND' : 'ERR_FETCH_ORIGIN_ERROR', error.message);
  }
  // Broken connections reach here only once a piece stopped making progress, or before any piece.
  const answer = error.status === undefined ? {} : { status: error.status, retryAfter: error.retryAfter ?? null };
  const retry = { ...answer, ...(madeProgress ? { madeProgress } : {}) };
  return new DownloadError('ERR_FETCH_ORIGIN_ERROR', error.message, retry);
}
