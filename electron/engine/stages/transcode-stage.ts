/**
 * The transcode stage: runs the ladder for a probed video, reports progress, keeps its claim
 * alive, and ends ready (with the outputs in the Video object) or in error (with ffmpeg's stderr
 * tail in the history). A stopped run (cancel) leaves no output behind. The video is `playable`
 * as soon as every rendition has its first segment (progressive publishing, media/live-publisher.ts),
 * unless FERRY_PROGRESSIVE=0 keeps it for the end (the benchmark's peer, today's behaviour).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { codecSpecs } from '../../../shared/transcode-presets';
import { trimmedDuration } from '../../../shared/trim';
import { FfmpegAbortedError } from '../media/run-ffmpeg';
import { transcodeWithFallback } from '../media/encode-with-fallback';
import { TranscodeError } from '../media/transcode-video';
import { hardwareEncoderFor } from '../media/verify-hardware-encoders';
import type { ClaimedVideo } from '../store/queue-job';
import { mediaTools, trackRunningWork, type EngineContext } from '../context/engine-context';
import { liveFolder, originalsFolder, videoFolder } from '../data-paths';
import type { StageOutcome } from './stage-outcome';
import { transcodeChoice } from './transcode-choice';

const progressEveryMs = 250;

export async function runTranscodeStage(context: EngineContext, claimed: ClaimedVideo): Promise<StageOutcome> {
  const { video, mediaInfo } = claimed;
  const uid = video.uid;
  if (!mediaInfo || !video.source.path) throw new Error(`Video ${uid} reached transcode without a probe.`);
  const { ffmpeg, ffprobe } = await mediaTools(context);
  const work = trackRunningWork(context, uid);
  let lastReport = 0;
  const startedAt = Date.now();
  const outputDir = videoFolder(context.paths, uid);
  let playableAt: string | undefined;
  const live = (folder: string) => ({
    hls: path.join(folder, 'manifest', 'video.m3u8'),
    dash: path.join(folder, 'manifest', 'video.mpd'),
  });
  const choice = transcodeChoice(context.settings.get().transcode, claimed.options);
  const encoders = ffmpeg.capabilities?.encoders ?? [];
  try {
    // Speed chosen: a hardware encoder whose test encode passed here, with x264 as the fallback.
    const hardware = await hardwareEncoderFor({ ...ffmpeg, encoders }, choice);
    const result = await transcodeWithFallback(
      {
        ffmpeg: ffmpeg.path,
        ffprobe: ffprobe.path,
        source: video.source.path,
        info: mediaInfo,
        ladder: claimed.options.ladder ?? 'auto',
        encoding: { choice, encoders },
        hardware,
        thumbnailTimestampPct: video.thumbnailTimestampPct,
        watermark: video.watermark,
        trim: video.trim,
        outputDir,
        // FERRY_PASSTHROUGH=0 encodes every rung (the benchmark's full-encode peer).
        passthrough: context.env.FERRY_PASSTHROUGH !== '0',
        signal: work.signal,
        ...(context.env.FERRY_PROGRESSIVE === '0'
          ? {}
          : {
              live: {
                onPlayable: () => {
                  const at = new Date();
                  if (context.store.live.start(uid, live(liveFolder(outputDir)), at)) playableAt = at.toISOString();
                },
                onProblem: (error: Error) => context.store.record(uid, 'live-publish-failed', { error: error.message }),
              },
            }),
        onProgress: (pct) => {
          const now = Date.now();
          if (now - lastReport < progressEveryMs) return;
          lastReport = now;
          // Time left at the pace so far: a transcode's pace is steady enough for that.
          // Not before a few seconds and a few percent: the first moments (probing, the first GOP) say little.
          const elapsed = now - startedAt;
          const etaSeconds = pct >= 3 && elapsed >= 3000 ? ((elapsed / pct) * (100 - pct)) / 1000 : undefined;
          context.store.setProgress(uid, Math.round(pct * 10) / 10, etaSeconds === undefined ? {} : { etaSeconds });
        },
      },
      (encoder, reason) => {
        // The x264 attempt earns playable anew, from its own first segments.
        context.store.live.end(uid);
        playableAt = undefined;
        context.store.record(uid, 'hardware-encoder-failed', {
          encoder,
          error: reason,
          fallback: codecSpecs[choice.codec].encoder,
        });
      },
    );
    // Only an original Ferry downloaded is removed, and only once the video is ready (a crash
    // before then must find it again); a file the user added is theirs.
    const dropOriginal = video.source.kind === 'url' && !context.settings.get().keepOriginal;
    return {
      kind: 'ready',
      findings: {
        doc: {
          playback: result.playback,
          downloads: result.downloads,
          thumbnail: result.thumbnail,
          renditions: result.renditions,
          topRendition: result.topRendition,
          // The outputs' length: a trim made since the probe changes it.
          duration: trimmedDuration(mediaInfo.duration, video.trim),
          // Streamable since it became playable, when it did before the end.
          readyToStreamAt: playableAt ?? new Date().toISOString(),
          livePlayable: false,
        },
        ...(dropOriginal ? { source: { path: null } } : {}),
      },
      ...(dropOriginal ? { afterCommit: () => removeOriginal(context, uid) } : {}),
    };
  } catch (error) {
    context.store.live.end(uid);
    // Whoever stopped the work (cancel, pause, a paused queue) has already moved the video.
    if (error instanceof FfmpegAbortedError || work.signal.aborted) return { kind: 'stopped' };
    const failure =
      error instanceof TranscodeError
        ? error
        : new TranscodeError('ERR_UNKNOWN', `Transcoding failed: ${(error as Error).message}`, '');
    return {
      kind: 'error',
      code: failure.code,
      text: failure.text,
      ...(failure.stderrTail ? { stderrTail: failure.stderrTail } : {}),
    };
  } finally {
    work.end();
  }
}

async function removeOriginal(context: EngineContext, uid: string): Promise<void> {
  await fs
    .rm(originalsFolder(context.paths, uid), { recursive: true, force: true })
    .catch((error: unknown) => context.store.record(uid, 'cleanup-failed', { error: (error as Error).message }));
}
