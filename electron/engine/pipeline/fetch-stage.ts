/**
 * The fetch stage: downloads a link's original into `originals/<uid>/`, reporting progress as
 * `downloading` pctComplete, then hands it to the probe stage like a local file. The request
 * headers the user gave are used here and nowhere else.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ClaimedVideo } from '../queue/queue-job';
import { downloadUrl, DownloadError, type DownloadResult, type DownloadRetry } from '../sources/download-url';
import { originalsFolder, trackRunningWork, type EngineContext } from './engine-context';
import { keepOriginalAsOutput } from './probe-stage';

export interface FetchTuning {
  maxConnections: number;
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  idleTimeoutMs: number;
}

export const defaultFetchTuning: FetchTuning = {
  maxConnections: 8,
  maxAttempts: 3,
  retryBaseMs: 1000,
  retryMaxMs: 60_000,
  idleTimeoutMs: 30_000,
};

/** A file name for the original from the link's last path segment, safe on every OS. */
export function originalFileName(url: string): string {
  const last = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
  const safe = last
    .replace(/[^\w.\- ]+/g, '_')
    .replace(/^\.+/, '')
    .slice(0, 120);
  return safe || 'original';
}

export async function runFetchStage(context: EngineContext, claimed: ClaimedVideo, tuning: FetchTuning): Promise<void> {
  const { video, requestHeaders } = claimed;
  const uid = video.uid;
  const url = video.source.url;
  if (!url) throw new Error(`Video ${uid} has no link to fetch.`);
  const dir = originalsFolder(context, uid);
  await fs.mkdir(dir, { recursive: true });
  const dest = path.join(dir, originalFileName(url));

  const work = trackRunningWork(context, uid);
  let keptAsOutput: DownloadResult | undefined;
  try {
    const result = await downloadUrl({
      url,
      headers: requestHeaders,
      dest,
      ...(video.maxSizeBytes > 0 ? { maxSizeBytes: video.maxSizeBytes } : {}),
      ...tuning,
      signal: work.signal,
      onProgress: (p) => {
        const pct = p.total > 0 ? Math.round((p.bytes / p.total) * 1000) / 10 : 0;
        context.store.setProgress(uid, pct, {
          bytesPerSecond: p.bytesPerSecond,
          ...(p.etaSeconds >= 0 ? { etaSeconds: p.etaSeconds } : {}),
        });
        context.feed.touch(uid);
      },
      onRetry: (retry) => noteRetry(context, uid, url, retry),
    });
    if (context.store.stateOf(uid) !== 'downloading') return;
    // Without a transcode there is nothing to probe for: the original becomes the output here and
    // now, under the same claim, instead of waiting for a probe slot.
    if (claimed.options.transcode === false) keptAsOutput = result;
    else
      context.store.transition(uid, 'queued', {
        stage: 'probe',
        pctComplete: 0,
        releaseLease: true,
        nextAttemptAt: 0,
        source: { url: result.finalUrl, path: dest },
        doc: { size: result.size },
      });
  } catch (error) {
    // Stopped by cancel or pause: that state stands, and the bytes on disk stay for a resume.
    if (work.signal.aborted || context.store.stateOf(uid) !== 'downloading') return;
    if (!(error instanceof DownloadError)) throw error;
    context.store.transition(uid, 'error', {
      releaseLease: true,
      nextAttemptAt: 0,
      error: { code: error.code, text: error.message },
    });
  } finally {
    work.end();
    context.feed.touch(uid);
  }
  if (keptAsOutput) await keepOriginalAsOutput(context, claimed, dest, keptAsOutput);
}

/**
 * Makes the wait before the next attempt visible (status.nextAttemptAt, and the history), and
 * when the origin asked us to slow down, slows down every download from that host.
 */
function noteRetry(context: EngineContext, uid: string, url: string, retry: DownloadRetry): void {
  const at = Date.now() + retry.delayMs;
  context.edits.setNextAttempt(uid, at);
  context.store.record(uid, 'retry', {
    reason: retry.reason,
    ...(retry.status ? { status: retry.status } : {}),
    nextAttemptAt: new Date(at).toISOString(),
  });
  if (retry.status === 429 || retry.status === 503) context.hosts.slowDown(new URL(url).host, retry.delayMs);
  context.feed.touch(uid);
}
