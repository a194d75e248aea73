/**
 * The transcode stage: runs the ladder for a probed video, reports progress, keeps its claim
 * alive, and ends ready (with the outputs in the Video object) or in error (with ffmpeg's stderr
 * tail in the history). A stopped run (cancel) leaves no output behind.
 */
import fs from 'node:fs/promises';
import { FfmpegAbortedError } from '../media/run-ffmpeg';
import { TranscodeError, transcodeVideo } from '../media/transcode-video';
import type { ClaimedVideo } from '../queue/queue-job';
import { mediaTools, originalsFolder, trackRunningWork, videoFolder, type EngineContext } from './engine-context';
import { markReady } from './mark-ready';

const progressEveryMs = 250;

export async function runTranscodeStage(context: EngineContext, claimed: ClaimedVideo): Promise<void> {
  const { video, mediaInfo } = claimed;
  const uid = video.uid;
  if (!mediaInfo || !video.source.path) throw new Error(`Video ${uid} reached transcode without a probe.`);
  const { ffmpeg, ffprobe } = await mediaTools(context);
  const work = trackRunningWork(context, uid);
  let lastReport = 0;
  const startedAt = Date.now();
  try {
    const result = await transcodeVideo({
      ffmpeg: ffmpeg.path,
      ffprobe: ffprobe.path,
      source: video.source.path,
      info: mediaInfo,
      ladder: claimed.options.ladder ?? 'auto',
      thumbnailTimestampPct: video.thumbnailTimestampPct,
      watermark: video.watermark,
      outputDir: videoFolder(context, uid),
      signal: work.signal,
      onProgress: (pct) => {
        const now = Date.now();
        if (now - lastReport < progressEveryMs) return;
        lastReport = now;
        // Time left at the pace so far: a transcode's pace is steady enough for that.
        // Not before a few seconds and a few percent: the first moments (probing, the first GOP) say little.
        const elapsed = now - startedAt;
        const etaSeconds = pct >= 3 && elapsed >= 3000 ? ((elapsed / pct) * (100 - pct)) / 1000 : undefined;
        context.store.setProgress(uid, Math.round(pct * 10) / 10, etaSeconds === undefined ? {} : { etaSeconds });
        context.feed.touch(uid);
      },
    });
    if (context.store.stateOf(uid) !== 'inprogress') return;
    // Only an original Ferry downloaded is removed, and only once the video is ready (a crash
    // before then must find it again); a file the user added is theirs.
    const dropOriginal = video.source.kind === 'url' && !context.settings.get().keepOriginal;
    markReady(context, claimed, {
      pctComplete: 100,
      releaseLease: true,
      doc: {
        playback: result.playback,
        downloads: result.downloads,
        thumbnail: result.thumbnail,
        renditions: result.renditions,
        readyToStreamAt: new Date().toISOString(),
      },
      ...(dropOriginal ? { source: { path: null } } : {}),
    });
    if (dropOriginal) {
      await fs
        .rm(originalsFolder(context, uid), { recursive: true, force: true })
        .catch((error: unknown) => context.store.record(uid, 'cleanup-failed', { error: (error as Error).message }));
    }
  } catch (error) {
    // Whoever stopped the work (cancel, pause) has already set the state.
    if (error instanceof FfmpegAbortedError || context.store.stateOf(uid) !== 'inprogress') return;
    const failure =
      error instanceof TranscodeError
        ? error
        : new TranscodeError('ERR_UNKNOWN', `Transcoding failed: ${(error as Error).message}`, '');
    if (failure.stderrTail) context.store.record(uid, 'ffmpeg-stderr', { tail: failure.stderrTail });
    context.store.transition(uid, 'error', { releaseLease: true, error: { code: failure.code, text: failure.text } });
  } finally {
    work.end();
    context.feed.touch(uid);
  }
}
