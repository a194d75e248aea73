/**
 * The probe stage: is the source a video Ferry can process, within the limits set for it? On
 * success the video waits for a transcode slot (queued, stage transcode) with what the probe
 * found; otherwise it ends in error with the reason.
 */
import fsSync from 'node:fs';
import path from 'node:path';
import type { ErrorCode } from '../../../shared/error-codes';
import { trimmedDuration, trimProblem } from '../../../shared/trim';
import { nameNotPath } from '../media/name-not-path';
import { probeMedia } from '../media/probe-media';
import { publishFolder } from '../media/publish-folder';
import { checkVideoContainer } from '../media/sniff-content';
import type { ClaimedVideo } from '../store/queue-job';
import type { DownloadResult } from '../sources/download-url';
import { mediaTools, type EngineContext } from '../context/engine-context';
import { videoFolder } from '../data-paths';
import type { StageOutcome } from './stage-outcome';

export async function runProbeStage(context: EngineContext, claimed: ClaimedVideo): Promise<StageOutcome> {
  const { video } = claimed;
  const file = video.source.path;
  if (!file) throw new Error(`Video ${video.uid} has no local file to probe.`);
  if (claimed.options.transcode === false) return keepOriginalAsOutput(context, claimed, file);
  const { ffprobe } = await mediaTools(context);
  const limits = {
    ...(video.maxSizeBytes > 0 ? { maxSizeBytes: video.maxSizeBytes } : {}),
    ...(video.maxDurationSeconds > 0 ? { maxDurationSeconds: video.maxDurationSeconds } : {}),
  };
  let verdict;
  try {
    verdict = await probeMedia(ffprobe.path, file, limits);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'The file is gone' : (error as Error).message;
    // The file's name only: where this machine keeps it (a downloaded original's folder) says nothing to the user.
    return {
      kind: 'error',
      code: 'ERR_UNKNOWN',
      text: nameNotPath(`${reason}: ${file}. Put it back or add it again.`, file),
    };
  }
  if (!verdict.ok) return { kind: 'error', code: verdict.code, text: verdict.text };
  const { info } = verdict;
  const problem = video.trim && trimProblem(video.trim, info.duration);
  if (problem)
    return { kind: 'error', code: 'ERR_DURATION_EXCEED_CONSTRAINT', text: `The trim does not fit: ${problem}.` };
  return {
    kind: 'next',
    stage: 'transcode',
    findings: {
      mediaInfo: info,
      doc: {
        duration: trimmedDuration(info.duration, video.trim),
        size: info.size,
        input: { width: info.width, height: info.height },
      },
    },
  };
}

/**
 * `--no-transcode`: the original, as it came, is the output (for moving files to a provider).
 * A downloaded original moves into the video's folder; a file the user added stays where it is,
 * once its first bytes say it is a video (nothing that is not one is ever ready; the fetcher
 * checked a download the same way). The fetch stage calls this straight after a download, still
 * holding the video's claim.
 */
export async function keepOriginalAsOutput(
  context: EngineContext,
  claimed: ClaimedVideo,
  file: string,
  /** From the fetch stage: what the download found. */
  fetched?: DownloadResult,
): Promise<StageOutcome> {
  const { uid, source } = claimed.video;
  let output = file;
  if (source.kind === 'file') {
    const refusal = checkOriginal(file);
    if (refusal) return { kind: 'error', ...refusal };
  } else {
    // The download's own folder becomes the video's folder, renamed whole: no copy, and no new
    // folder to create (on some disks creating one costs a millisecond, more than the rest of a
    // small video's bookkeeping).
    const finalDir = videoFolder(context.paths, uid);
    output = path.join(finalDir, path.basename(file));
    const downloaded = isFile(file);
    // Stopped after publishing but before the commit that says so: the output is already in place.
    if (!downloaded && !isFile(output)) return downloadGone(file);
    if (downloaded) await publishFolder(path.dirname(file), finalDir);
  }
  return {
    kind: 'ready',
    findings: {
      source: { path: output, ...(fetched ? { url: fetched.finalUrl } : {}) },
      doc: {
        downloads: { default: output },
        readyToStreamAt: new Date().toISOString(),
        ...(fetched ? { size: fetched.size } : {}),
      },
    },
  };
}

function checkOriginal(file: string): { code: ErrorCode; text: string } | null {
  try {
    return checkVideoContainer(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return { code: 'ERR_UNKNOWN', text: `The file is gone: ${path.basename(file)}. Put it back or add it again.` };
  }
}

/** The original vanished before it was published (removed by hand): a retry downloads it again. */
function downloadGone(file: string): StageOutcome {
  return {
    kind: 'error',
    stage: 'fetch',
    code: 'ERR_UNKNOWN',
    text: `The downloaded original ${path.basename(file)} is gone. Retry the video to download it again.`,
  };
}

function isFile(file: string): boolean {
  try {
    return fsSync.statSync(file).isFile();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
