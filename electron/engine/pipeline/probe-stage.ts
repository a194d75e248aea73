/**
 * The probe stage: is the source a video Ferry can process, within the limits set for it? On
 * success the video waits for a transcode slot (queued, stage transcode) with what the probe
 * found; otherwise it ends in error with the reason.
 */
import { probeMedia } from '../media/probe-media';
import type { ClaimedVideo } from '../queue/video-store';
import { mediaTools, type EngineContext } from './engine-context';

export async function runProbeStage(context: EngineContext, claimed: ClaimedVideo): Promise<void> {
  const { video } = claimed;
  const file = video.source.path;
  if (!file) throw new Error(`Video ${video.uid} has no local file to probe.`);
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
