/**
 * The fetch stage: downloads a link's original into `originals/<uid>/`, reporting progress as
 * `downloading` pctComplete, then hands it to the probe stage like a local file. The request
 * headers the user gave are used here and nowhere else.
 *
 * A failed attempt that is worth another one does not wait here: the video goes back to the
 * queue with `status.nextAttemptAt` (the engine's one retry model, retry/retry-policy.ts), giving
 * its download slot to other hosts' links meanwhile. The bytes on disk stay for that attempt.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { FerryError } from '../../../shared/ferry-error';
import { headersForRequest } from '../delivery/link-header-secrets';
import type { ClaimedVideo } from '../store/queue-job';
import type { RetryTuning } from '../retry/retry-policy';
import { downloadUrl, DownloadError } from '../sources/download-url';
import { nameIsAutomatic } from '../sources/name-from-response';
import { downloadThrottle } from '../context/download-throttle';
import { trackRunningWork, type EngineContext } from '../context/engine-context';
import { originalsFolder } from '../data-paths';
import { fetchRetryOutcome } from './fetch-retry';
import { keepOriginalAsOutput } from './probe-stage';
import type { StageOutcome } from './stage-outcome';

/** For the fetcher (connections, stall timeout), and for planRetry between attempts. */
export interface FetchTuning extends RetryTuning {
  maxConnections: number;
  idleTimeoutMs: number;
  /** For links kept to public addresses (ingest option privateNetworks false): addresses they may reach anyway (tests; an admin's NAS). */
  allowAddresses?: string[];
}

export const defaultFetchTuning: FetchTuning = {
  maxConnections: 8,
  idleTimeoutMs: 30_000,
  // Three attempts without progress, as Gcore's origin_url fetcher makes.
  maxAttempts: 3,
  baseMs: 1000,
  maxMs: 60_000,
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

export async function runFetchStage(
  context: EngineContext,
  claimed: ClaimedVideo,
  tuning: FetchTuning,
): Promise<StageOutcome> {
  const { video, storedHeaders } = claimed;
  const uid = video.uid;
  const url = video.source.url;
  if (!url) throw new Error(`Video ${uid} has no link to fetch.`);
  const dir = originalsFolder(context.paths, uid);
  await fs.mkdir(dir, { recursive: true });
  const dest = path.join(dir, originalFileName(url));
  let headers: Record<string, string>;
  try {
    headers = headersForRequest(context.credentials, storedHeaders);
  } catch (error) {
    // The vault's sentence says what to do (unlock the keychain, add the link again).
    if (!(error instanceof FerryError)) throw error;
    return { kind: 'error', code: 'ERR_FETCH_ORIGIN_ERROR', text: error.message };
  }

  const work = trackRunningWork(context, uid);
  let sizeKnown = video.size > 0;
  try {
    const result = await downloadUrl({
      url,
      headers,
      dest,
      ...(video.maxSizeBytes > 0 ? { maxSizeBytes: video.maxSizeBytes } : {}),
      maxConnections: tuning.maxConnections,
      idleTimeoutMs: tuning.idleTimeoutMs,
      ...(claimed.options.privateNetworks === false
        ? { publicOnly: { allowAddresses: tuning.allowAddresses ?? [] } }
        : {}),
      ...(claimed.options.allowInsecureRedirects ? { allowInsecureRedirects: true } : {}),
      // Without a transcode nothing else will look inside: the fetcher refuses what is not a video.
      videoOnly: claimed.options.transcode === false,
      signal: work.signal,
      throttle: downloadThrottle(context),
      onName: (name) => {
        if (name !== video.meta.name) takeOriginName(context, uid, url, name);
      },
      onProgress: (p) => {
        if (!sizeKnown && p.total > 0) {
          context.store.setInputSize(uid, p.total);
          sizeKnown = true;
        }
        const pct = p.total > 0 ? Math.round((p.bytes / p.total) * 1000) / 10 : 0;
        context.store.setProgress(uid, pct, {
          bytesPerSecond: p.bytesPerSecond,
          ...(p.etaSeconds >= 0 ? { etaSeconds: p.etaSeconds } : {}),
        });
      },
    });
    // Without a transcode there is nothing to probe for: the original becomes the output here and
    // now, under the same claim, instead of waiting for a probe slot.
    if (claimed.options.transcode === false) return await keepOriginalAsOutput(context, claimed, dest, result);
    return {
      kind: 'next',
      stage: 'probe',
      findings: { source: { url: result.finalUrl, path: dest }, doc: { size: result.size } },
    };
  } catch (error) {
    // Stopped by cancel, pause or a paused queue: that move stands, and the bytes on disk stay.
    if (work.signal.aborted) return { kind: 'stopped' };
    if (!(error instanceof DownloadError)) throw error;
    if (!error.retry) return { kind: 'error', code: error.code, text: error.message };
    return retryLater(context, url, claimed.attempts, error, tuning);
  } finally {
    work.end();
  }
}

/** The name the origin gives the file, unless the user named the video (nameIsAutomatic). */
function takeOriginName(context: EngineContext, uid: string, url: string, name: string): void {
  context.edits.editDoc(uid, (doc) =>
    nameIsAutomatic(doc.meta.name, [doc.meta['downloaded-from'], url]) ? { ...doc, meta: { ...doc.meta, name } } : doc,
  );
}

/** Another attempt later (slowing the whole host when it asked for that), or the end of trying. */
function retryLater(
  context: EngineContext,
  url: string,
  attempt: number,
  error: DownloadError,
  tuning: FetchTuning,
): StageOutcome {
  const { madeProgress, ...answer } = error.retry ?? {};
  const outcome = fetchRetryOutcome(
    { attempt, progressed: madeProgress === true, message: error.message, ...answer },
    tuning,
  );
  // "Too many requests" or "unavailable" is about the host, not this video: every download from it slows down.
  if (outcome.kind === 'retry' && (outcome.status === 429 || outcome.status === 503)) {
    context.hosts.slowDown(new URL(url).host, outcome.at - Date.now());
  }
  return outcome;
}
