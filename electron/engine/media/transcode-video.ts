/**
 * From a probed source to a published video folder: ladder, one ffmpeg pass (HLS + DASH over
 * shared fMP4 segments, storyboard), measured HLS master, MP4 by remux, thumbnail. Everything is
 * written to `<uid>.<attempt>.partial` and renamed to `<uid>` at the end; on failure or cancel the partial
 * folder is removed. With `live`, the ladder plays while it is encoded, from `<uid>.live`
 * (live-publisher.ts), removed once the finished folder is in place or the attempt ends.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ErrorCode } from '../../../shared/error-codes';
import type { TranscodeChoice } from '../../../shared/transcode-presets';
import { trimmedDuration, type Trim } from '../../../shared/trim';
import type { Rendition, TopRendition, Watermark } from '../../../shared/video';
import { buildTranscodeArgs, imageFormatWhitelist } from './build-transcode-args';
import { chooseEncoding } from './choose-encoding';
import { chooseTopRendition } from './choose-top-rendition';
import type { HardwareEncoder } from './plan-hardware-encoder';
import { classifyFfmpegFailure } from './classify-ffmpeg-failure';
import { completeCodecStrings } from './complete-codec-strings';
import { deriveMp4 } from './derive-mp4';
import { progressPercent } from './parse-ffmpeg-progress';
import { makeStoryboard } from './make-storyboard';
import { keyframeSeconds, planLadder, type LadderPlan } from './plan-ladder';
import { planStoryboard } from './plan-storyboard';
import { placeWatermark } from './plan-watermark';
import { liveFolder } from '../data-paths';
import { startLivePublisher, type LivePublisher } from './live-publisher';
import { publishFolder, workFolderFor } from './publish-folder';
import type { MediaInfo } from '../../../shared/media-info';
import { runFfmpeg } from './run-ffmpeg';
import { writeHlsMaster } from './write-hls-master';

const run = promisify(execFile);

export interface TranscodeRequest {
  ffmpeg: string;
  ffprobe: string;
  source: string;
  info: MediaInfo;
  ladder: 'auto' | number[];
  /** Codec, preset and per-title or fixed caps, and the encoders this ffmpeg has; absent: H.264 at the fixed bitrates. */
  encoding?: { choice: TranscodeChoice; encoders: readonly string[] };
  thumbnailTimestampPct: number;
  watermark: Watermark | null;
  /** In and out points, seconds of the source: every output is made of this part only. */
  trim?: Trim | null;
  /** false: encode the top rendition even when the source could be copied (choose-top-rendition.ts). */
  passthrough?: boolean;
  /** A tested hardware encoder for the rungs of its codec (encode-with-fallback.ts retries without it). */
  hardware?: HardwareEncoder | null;
  /** Where the video's folder is published (library/<uid>). */
  outputDir: string;
  signal?: AbortSignal;
  onProgress?: (pctComplete: number) => void;
  /** Publish the ladder as it is encoded: `onPlayable` once every rendition has its first segment. */
  live?: { onPlayable: () => void; onProblem: (error: Error) => void };
}

export interface TranscodeResult {
  playback: { hls: string; dash: string };
  downloads: { default: string };
  thumbnail: string;
  storyboard: { image: string; vtt: string };
  renditions: Rendition[];
  topRendition: TopRendition;
}

export class TranscodeError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly text: string,
    readonly stderrTail: string,
  ) {
    super(text);
    this.name = 'TranscodeError';
  }
}

async function imageSize(ffprobe: string, image: string): Promise<{ width: number; height: number }> {
  const { stdout } = await run(ffprobe, [
    '-v',
    'error',
    '-protocol_whitelist',
    'file',
    '-format_whitelist',
    imageFormatWhitelist,
    '-select_streams',
    'v:0',
    '-show_entries',
    'stream=width,height',
    '-of',
    'json',
    image,
  ]);
  const stream = (JSON.parse(stdout) as { streams?: { width?: number; height?: number }[] }).streams?.[0];
  if (!stream?.width || !stream.height)
    throw new TranscodeError('ERR_UNKNOWN', `The watermark ${image} is not an image Ferry can read.`, '');
  return { width: stream.width, height: stream.height };
}

async function rewritePlaylists(manifestDir: string, plan: LadderPlan): Promise<Rendition[]> {
  const files = await fs.readdir(manifestDir);
  const playlists: Record<string, string> = {};
  for (const name of files.filter((f) => /^media_\d+\.m3u8$/.test(f))) {
    playlists[name] = await fs.readFile(path.join(manifestDir, name), 'utf8');
  }
  const segmentBytes: Record<string, number> = {};
  for (const name of files.filter((f) => f.endsWith('.m4s'))) {
    segmentBytes[name] = (await fs.stat(path.join(manifestDir, name))).size;
  }
  const hls = writeHlsMaster({
    master: await fs.readFile(path.join(manifestDir, 'master.m3u8'), 'utf8'),
    playlists,
    segmentBytes,
    fps: plan.fps,
  });
  await fs.writeFile(path.join(manifestDir, 'video.m3u8'), hls.master);
  for (const [name, text] of Object.entries(hls.playlists)) await fs.writeFile(path.join(manifestDir, name), text);
  await fs.rm(path.join(manifestDir, 'master.m3u8'));
  return hls.variants.map((v) => ({
    name:
      plan.rungs.find((r) => r.width === v.width && r.height === v.height)?.name ?? `${Math.min(v.width, v.height)}p`,
    width: v.width,
    height: v.height,
    bandwidth: v.bandwidth,
    codecs: v.codecs,
  }));
}

async function extractThumbnail(request: TranscodeRequest, plan: LadderPlan, out: string): Promise<void> {
  const top = plan.rungs[0] as LadderPlan['rungs'][number];
  const lastFrame = Math.max(0, request.info.duration - 1 / plan.fps);
  const at = Math.min(lastFrame, Math.max(0, request.thumbnailTimestampPct * request.info.duration));
  const result = await runFfmpeg({
    ffmpeg: request.ffmpeg,
    args: [
      '-hide_banner',
      '-nostdin',
      '-y',
      '-loglevel',
      'error',
      '-ss',
      // Seconds of the source: the trimmed part starts at its in point.
      (at + (request.trim?.start ?? 0)).toFixed(3),
      '-protocol_whitelist',
      'file',
      '-format_whitelist',
      request.info.formatName,
      '-i',
      request.source,
      '-frames:v',
      '1',
      '-vf',
      `scale=${top.width}:${top.height},setsar=1`,
      '-q:v',
      '3',
      out,
    ],
    ...(request.signal ? { signal: request.signal } : {}),
  });
  if (result.code !== 0) throw new TranscodeError('ERR_UNKNOWN', 'The thumbnail could not be made.', result.stderrTail);
}

export async function transcodeVideo(whole: TranscodeRequest): Promise<TranscodeResult> {
  // The outputs' length from here on: progress, the length check, thumbnail and storyboard.
  const request = { ...whole, info: { ...whole.info, duration: trimmedDuration(whole.info.duration, whole.trim) } };
  const planned = planLadder(
    {
      width: request.info.width,
      height: request.info.height,
      fps: request.info.fps,
      frameRate: request.info.frameRate,
      hasAudio: request.info.audioCodec !== null,
    },
    request.ladder,
  );
  // The per-title analysis (about a second) and the codec's fallback rung, before anything is written.
  const encoding = request.encoding
    ? await chooseEncoding({
        ...request.encoding,
        ffmpeg: request.ffmpeg,
        source: request.source,
        info: request.info,
        plan: planned,
        ...(request.signal ? { signal: request.signal } : {}),
      })
    : undefined;
  const chosen = await chooseTopRendition({
    ffprobe: request.ffprobe,
    source: request.source,
    info: whole.info,
    trim: request.trim,
    signal: request.signal,
    plan: encoding?.plan ?? planned,
    encoding,
    codec: request.encoding?.choice.codec ?? 'h264',
    watermark: request.watermark !== null,
    allowed: request.passthrough !== false,
  });
  const plan = chosen.plan;
  const top = plan.rungs[0] as LadderPlan['rungs'][number];
  // A copied top rung keeps the source's keyframes, which the storyboard is cut at.
  const keyframeEvery = chosen.passthrough ? plan.gop / plan.fps : keyframeSeconds;
  const storyboard = planStoryboard(request.info.duration, top, keyframeEvery);
  const work = workFolderFor(request.outputDir);
  const live = liveFolder(request.outputDir);
  await fs.rm(work, { recursive: true, force: true });
  // An earlier attempt's live files are never this one's.
  await fs.rm(live, { recursive: true, force: true });
  for (const dir of ['manifest', 'thumbnails', 'downloads', 'storyboard'])
    await fs.mkdir(path.join(work, dir), { recursive: true });

  let renditions: Rendition[];
  let publisher: LivePublisher | undefined;
  try {
    const watermark = request.watermark
      ? {
          image: request.watermark.image,
          placement: placeWatermark(request.watermark, await imageSize(request.ffprobe, request.watermark.image), top),
        }
      : undefined;
    const args = buildTranscodeArgs({
      source: request.source,
      formatName: request.info.formatName,
      plan,
      ...(encoding ? { encoding } : {}),
      ...(watermark ? { watermark } : {}),
      ...(chosen.passthrough ? { passthrough: chosen.passthrough } : {}),
      ...(request.hardware ? { hardware: request.hardware } : {}),
      ...(request.trim ? { trim: request.trim } : {}),
      segmentTag: Date.now().toString(36),
      manifestPath: path.join('manifest', 'video.mpd'),
    });
    publisher =
      request.live &&
      startLivePublisher({
        from: path.join(work, 'manifest'),
        to: path.join(live, 'manifest'),
        plan,
        ...request.live,
      });
    // The ladder is most of the work: it reports 0..95 %, the MP4 and thumbnail the rest.
    const result = await runFfmpeg({
      ffmpeg: request.ffmpeg,
      args,
      cwd: work,
      ...(request.signal ? { signal: request.signal } : {}),
      onProgress: (p) => request.onProgress?.(Math.min(95, progressPercent(p, request.info.duration) * 0.95)),
    });
    await publisher?.stop({ lastLook: result.code === 0 });
    if (result.code !== 0) {
      const failure = classifyFfmpegFailure(result.stderrTail, request.source);
      throw new TranscodeError(failure.code, failure.text, result.stderrTail);
    }
    const encoded = result.lastProgress?.outTimeSeconds ?? 0;
    if (encoded < request.info.duration * 0.9 - 0.5) {
      throw new TranscodeError(
        'ERR_MALFORMED_VIDEO',
        `The video stops after ${encoded.toFixed(1)} s of the ${request.info.duration.toFixed(1)} s it announces: the file is damaged or incomplete.`,
        result.stderrTail,
      );
    }

    const manifestDir = path.join(work, 'manifest');
    await completeCodecStrings(manifestDir);
    renditions = await rewritePlaylists(manifestDir, plan);
    await deriveMp4({
      ffmpeg: request.ffmpeg,
      manifestDir,
      videoPlaylist: 'media_0.m3u8',
      audioPlaylist: plan.audio ? `media_${plan.rungs.length}.m3u8` : null,
      out: path.join(work, 'downloads', 'default.mp4'),
      ...(request.signal ? { signal: request.signal } : {}),
    });
    request.onProgress?.(97);
    await extractThumbnail(request, plan, path.join(work, 'thumbnails', 'thumbnail.jpg'));
    await makeStoryboard({
      ffmpeg: request.ffmpeg,
      mp4: path.join(work, 'downloads', 'default.mp4'),
      plan: storyboard,
      keyframeSeconds: keyframeEvery,
      duration: request.info.duration,
      sprite: path.join(work, 'storyboard', 'storyboard.jpg'),
      vtt: path.join(work, 'storyboard', 'storyboard.vtt'),
      ...(request.signal ? { signal: request.signal } : {}),
    });
    await publishFolder(work, request.outputDir);
  } catch (error) {
    await publisher?.stop();
    await fs.rm(work, { recursive: true, force: true });
    throw error;
  } finally {
    // Published or failed, the live files are over: the finished folder is served first from now on.
    await publisher?.stop();
    if (request.live) await fs.rm(live, { recursive: true, force: true });
  }

  const out = (...parts: string[]) => path.join(request.outputDir, ...parts);
  return {
    playback: { hls: out('manifest', 'video.m3u8'), dash: out('manifest', 'video.mpd') },
    downloads: { default: out('downloads', 'default.mp4') },
    thumbnail: out('thumbnails', 'thumbnail.jpg'),
    storyboard: { image: out('storyboard', 'storyboard.jpg'), vtt: out('storyboard', 'storyboard.vtt') },
    renditions,
    topRendition: chosen.topRendition,
  };
}
