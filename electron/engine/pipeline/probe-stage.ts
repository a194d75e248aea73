/**
 * The probe stage: is the source a video Ferry can process, within the limits set for it? On
 * success the video waits for a transcode slot (queued, stage transcode) with what the probe
 * found; otherwise it ends in error with the reason.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { probeMedia } from '../media/probe-media';
import { publishFolder, workFolderFor } from '../media/publish-folder';
import type { ClaimedVideo } from '../queue/video-store';
import { mediaTools, videoFolder, type EngineContext } from './engine-context';

export async function runProbeStage(context: EngineContext, claimed: ClaimedVideo): Promise<void> {
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
    verdict = {
      ok: false as const,
      code: 'ERR_UNKNOWN' as const,
      text: `${reason}: ${file}. Put it back or add it again.`,
    };
  }
  // Canceled or paused while probing: that state stands.
  if (context.store.get(video.uid)?.status.state !== 'inprogress') return;
  if (!verdict.ok) {
    context.store.transition(video.uid, 'error', {
      releaseLease: true,
      error: { code: verdict.code, text: verdict.text },
    });
  } else {
    const { info } = verdict;
    context.store.transition(video.uid, 'queued', {
      stage: 'transcode',
      pctComplete: 0,
      releaseLease: true,
      mediaInfo: info,
      doc: { duration: info.duration, size: info.size, input: { width: info.width, height: info.height } },
    });
  }
  context.feed.touch(video.uid);
}

/**
 * `--no-transcode`: the original, as it came, is the output (for moving files to a provider).
 * A downloaded original moves into the video's folder; a file the user added stays where it is.
 */
async function keepOriginalAsOutput(context: EngineContext, claimed: ClaimedVideo, file: string): Promise<void> {
  const { uid, source } = claimed.video;
  let output = file;
  if (source.kind === 'url') {
    const finalDir = videoFolder(context, uid);
    const workDir = workFolderFor(finalDir);
    await fs.rm(workDir, { recursive: true, force: true });
    await fs.mkdir(path.join(workDir, 'downloads'), { recursive: true });
    // A link, not a move: until the folder is published, a crash must leave the download in place.
    await linkOrCopy(file, path.join(workDir, 'downloads', path.basename(file)));
    await publishFolder(workDir, finalDir);
    await fs.rm(path.dirname(file), { recursive: true, force: true });
    output = path.join(finalDir, 'downloads', path.basename(file));
  }
  if (context.store.get(uid)?.status.state !== 'inprogress') return;
  context.store.transition(uid, 'ready', {
    stage: 'done',
    pctComplete: 100,
    releaseLease: true,
    source: { path: output },
    doc: { downloads: { default: output }, readyToStreamAt: new Date().toISOString() },
  });
  context.feed.touch(uid);
}

async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await fs.link(from, to);
  } catch (error) {
    // File systems without hard links (FAT, some network shares) get a copy.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'EXDEV' && code !== 'ENOTSUP') throw error;
    await fs.copyFile(from, to);
  }
}
