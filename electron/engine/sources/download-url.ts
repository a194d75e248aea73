/**
 * Downloads a link to a local file like a good download manager: HEAD first (a one-byte ranged
 * GET when HEAD is refused), several connections on byte ranges when the origin supports them,
 * resume from the pieces already on disk (checked with If-Range), retries with backoff, and
 * refusal of web pages and playlists before they waste a transcode.
 */
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import type { ErrorCode } from '../../../shared/error-codes';
import { clearDownload, readDownloadState, writeDownloadState, type DownloadState } from './download-state';
import { driveConfirmation, probe, type Head } from './ask-origin';
import { planPieces, refuseContent, retryDelayMs } from './fetch-decisions';
import { HttpError } from './http-request';
import { SpeedMeter } from './speed-meter';
import { PieceRefused, RestartDownload, writePiece, type PieceTarget } from './write-piece';

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
  /** Consecutive attempts without progress before giving up (Gcore: three). */
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  idleTimeoutMs: number;
  /** Hosts (and their subdomains) whose HTML may be a Drive "download anyway" page. */
  driveHosts?: string[];
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
  /** Told before each wait for another attempt: why, how long, and the status when the origin answered. */
  onRetry?: (retry: DownloadRetry) => void;
}

export interface DownloadRetry {
  reason: string;
  delayMs: number;
  /** The HTTP status, when the origin answered (429 and 503 mean it asked us to slow down). */
  status?: number;
}

export interface DownloadResult {
  finalUrl: string;
  size: number;
  contentType: string | null;
}

export class DownloadError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DownloadError';
  }
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

export async function downloadUrl(options: DownloadOptions): Promise<DownloadResult> {
  const part = `${options.dest}.part`;
  let url = options.url;
  const originHost = new URL(url).host;
  let failures = 0;
  let lastFailure = '';
  let followedDrive = false;
  let noRanges = false;
  let connections = options.maxConnections;
  for (let attempt = 1; attempt <= 50; attempt++) {
    const progressedTo = { bytes: 0 };
    try {
      const head = await probe(url, options, originHost);
      const refusal = refuseContent(head.contentType, null);
      if (refusal) {
        const confirmed =
          refusal.code === 'ERR_NOT_A_DIRECT_LINK' && !followedDrive
            ? await driveConfirmation(url, options, originHost)
            : null;
        if (!confirmed) throw new DownloadError(refusal.code, refusal.text);
        url = confirmed;
        followedDrive = true;
        continue;
      }
      if (options.maxSizeBytes && head.size > options.maxSizeBytes) {
        throw new DownloadError(
          'ERR_SIZE_EXCEED_CONSTRAINT',
          `The file is ${head.size} bytes, over the limit of ${options.maxSizeBytes} bytes set for it.`,
        );
      }
      const shape = noRanges ? { ...head, ranges: false } : head;
      const keptState = await fetchAll(
        url,
        shape,
        part,
        { ...options, maxConnections: connections },
        originHost,
        progressedTo,
      );
      if (keptState) await fs.rm(`${part}.json`, { force: true });
      // Synchronous: a rename takes microseconds, less than a thread-pool round trip.
      fsSync.renameSync(part, options.dest);
      return {
        finalUrl: head.finalUrl,
        size: head.size >= 0 ? head.size : (await fs.stat(options.dest)).size,
        contentType: head.contentType,
      };
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason ?? error;
      if (error instanceof DownloadError) throw error;
      if (error instanceof PieceRefused) throw new DownloadError(error.code, error.message);
      if (error instanceof RestartDownload) {
        // Never stitch two versions together: drop what is on disk and fetch it whole, once.
        await clearDownload(part);
        if (noRanges) throw new DownloadError('ERR_FETCH_ORIGIN_ERROR', error.message);
        noRanges = true;
        continue;
      }
      if (!(error instanceof HttpError)) throw error;
      lastFailure = error.message;
      if (!error.retryable) throw new DownloadError('ERR_FETCH_ORIGIN_ERROR', error.message);
      // An origin that says it is busy gets fewer connections from then on.
      if (error.status === 429 || error.status === 503) connections = Math.max(1, Math.floor(connections / 2));
      // A drop after progress is a new start, not a strike: only attempts that got nowhere count.
      failures = progressedTo.bytes > 0 ? 1 : failures + 1;
      if (failures >= options.maxAttempts) {
        throw new DownloadError('ERR_FETCH_ORIGIN_ERROR', `${lastFailure} Gave up after ${failures} attempts.`);
      }
      const delayMs = retryDelayMs(failures, {
        baseMs: options.retryBaseMs,
        maxMs: options.retryMaxMs,
        retryAfter: error.retryAfter ?? null,
      });
      options.onRetry?.({ reason: error.message, delayMs, ...(error.status ? { status: error.status } : {}) });
      await sleep(delayMs, options.signal);
    }
  }
  throw new DownloadError('ERR_FETCH_ORIGIN_ERROR', `${lastFailure} Gave up after 50 attempts.`);
}

/** Fetches every missing piece into `part`; answers whether a download state file was kept beside it. */
async function fetchAll(
  url: string,
  head: Head,
  part: string,
  options: DownloadOptions,
  originHost: string,
  progressed: { bytes: number },
): Promise<boolean> {
  const saved = await readDownloadState(part);
  const validator = head.etag ?? head.lastModified;
  const resumable = head.ranges && head.size > 0 && validator !== null;
  const same =
    saved &&
    resumable &&
    saved.size === head.size &&
    saved.etag === head.etag &&
    saved.lastModified === head.lastModified;
  // Without a saved state there is nothing to clear: opening the part for writing empties it.
  if (saved && !same) await clearDownload(part);
  const plan = planPieces(head.size, resumable, options.maxConnections);
  const state: DownloadState =
    same && saved
      ? saved
      : {
          url: head.finalUrl,
          size: head.size,
          etag: head.etag,
          lastModified: head.lastModified,
          pieceBytes: plan.pieceBytes,
          done: [],
        };
  const handle = await fs.open(part, same ? 'r+' : 'w');
  const meter = new SpeedMeter(0);
  const done = new Set(state.done);
  let written = done.size * state.pieceBytes;
  // The first report after a quarter second too: a file that arrives sooner needs none.
  let lastReport = Date.now();
  const report = (delta: number) => {
    written += delta;
    progressed.bytes += delta;
    const now = Date.now();
    if (now - lastReport < 250) return;
    lastReport = now;
    const total = head.size;
    const speed = meter.update(written, now);
    options.onProgress?.({
      bytes: written,
      total,
      bytesPerSecond: speed,
      etaSeconds: total > 0 ? meter.eta(total - written) : -1,
    });
  };
  // When one piece fails, the others stop too, before the file is closed.
  const stopAll = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stopAll.signal]) : stopAll.signal;
  const target: PieceTarget = {
    url,
    handle,
    size: head.size,
    originHost,
    userHeaders: options.headers,
    idleTimeoutMs: options.idleTimeoutMs,
    signal,
    ...(options.maxSizeBytes ? { maxSizeBytes: options.maxSizeBytes } : {}),
    validator: resumable ? validator : null,
    onBytes: report,
  };
  try {
    // One piece is all or nothing (a crash restarts it), so there is no state worth writing.
    if (!resumable || plan.pieces === 1) {
      await writePiece(target, { start: 0, end: head.size > 0 ? head.size - 1 : -1, ranged: false });
      return false;
    }
    // Workers finish pieces concurrently; their state writes go one after another.
    let saving = Promise.resolve();
    const save = () => (saving = saving.then(() => writeDownloadState(part, { ...state, done: [...done] })));
    const queue = Array.from({ length: plan.pieces }, (_, i) => i).filter((i) => !done.has(i));
    const worker = async () => {
      for (let index = queue.shift(); index !== undefined; index = queue.shift()) {
        const start = index * state.pieceBytes;
        await writePiece(target, { start, end: Math.min(head.size, start + state.pieceBytes) - 1, ranged: true });
        done.add(index);
        await save();
      }
    };
    await save();
    const results = await Promise.allSettled(
      Array.from({ length: plan.connections }, () =>
        worker().catch((error: unknown) => {
          stopAll.abort();
          throw error;
        }),
      ),
    );
    await saving;
    // The first real failure, not the aborts it caused in the other workers.
    const failed = results.find(
      (r): r is PromiseRejectedResult =>
        r.status === 'rejected' && !(r.reason instanceof Error && r.reason.name === 'AbortError'),
    );
    const anyFailed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed ?? anyFailed) throw (failed ?? anyFailed)?.reason;
    const size = (await handle.stat()).size;
    if (size !== head.size) throw new HttpError(`The download ended at ${size} of ${head.size} bytes.`, true);
    return true;
  } finally {
    await handle.close();
  }
}
