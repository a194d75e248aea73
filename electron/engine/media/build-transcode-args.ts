/**
 * The one ffmpeg command that makes every rendition: decode once, scale to the top rung (and
 * watermark it there), split to each rung, encode with the same keyframe interval, and write
 * DASH with HLS playlists over the same fMP4 segments (the dash muxer's hls_playlist: works on
 * ffmpeg 4.1 to 7.x, where the hls muxer's master playlist crashes 4.1). Pure.
 *
 * The storyboard is not a branch of this graph: a tile filter emits nothing until its grid is
 * full, and ffmpeg (before 7) then buffers every other branch's frames until the end of the
 * video: no progress, and gigabytes of memory for a long source.
 */
import type { Trim } from '../../../shared/trim';
import type { LadderPlan } from './plan-ladder';
import {
  hardwareDeviceArgs,
  hardwareRungArgs,
  hardwareUploadFilter,
  type HardwareEncoder,
} from './plan-hardware-encoder';
import { planRungEncoding, rungEncoderArgs, type EncodingPlan } from './plan-rung-encoding';
import type { WatermarkPlacement } from './plan-watermark';
import { trimInputArgs } from './trim-args';

export interface TranscodeJob {
  source: string;
  /** ffprobe's format_name for the source: the only demuxer ffmpeg may use for it. */
  formatName: string;
  plan: LadderPlan;
  /** Codec and rate of each rung of `plan` (plan-rung-encoding.ts); absent: H.264 at the fixed bitrates. */
  encoding?: Pick<EncodingPlan, 'rungs'>;
  watermark?: { image: string; placement: WatermarkPlacement };
  /**
   * The top rung is the source's video copied, not in the graph (choose-top-rendition.ts); the
   * encoded rungs get keyframes on its segment boundaries, and AAC-LC stereo sound is copied too.
   */
  passthrough?: { copyAudio: boolean; frames?: number | null };
  /** A tested hardware encoder for the rungs of its codec (verify-hardware-encoders.ts); the others keep x264. */
  hardware?: HardwareEncoder;
  /** Only this part of the source (trim-args.ts). */
  trim?: Trim;
  /**
   * In every media segment's name, distinct per transcode: outputs made again (a new trim) never
   * share a URL with segments a player kept, since segments are served as immutable.
   */
  segmentTag?: string;
  /** Relative to the working directory ffmpeg runs in. */
  manifestPath: string;
}

export const imageFormatWhitelist = 'image2,png_pipe,jpeg_pipe,webp_pipe,bmp_pipe,gif';

export function buildFilterGraph(job: TranscodeJob): string {
  const { plan, watermark } = job;
  const top = plan.rungs[0];
  if (!top) throw new Error('A ladder needs at least one rung.');
  const chains: string[] = [
    `[0:v]fps=${plan.frameRate},scale=${top.width}:${top.height},setsar=1,format=yuv420p[base]`,
  ];
  let main = 'base';
  if (watermark) {
    const w = watermark.placement;
    chains.push(
      `[1:v]scale=${w.width}:${w.height},format=rgba,colorchannelmixer=aa=${w.opacity.toFixed(3)}[wm]`,
      `[base][wm]overlay=${w.x}:${w.y}:format=auto,format=yuv420p[marked]`,
    );
    main = 'marked';
  }
  const drawn = drawnRungs(job);
  chains.push(`[${main}]split=${drawn.length}${drawn.map((i) => `[r${i}]`).join('')}`);
  // Even-pixel rungs are never exactly the top's shape (854x480 is not 16:9); a DASH adaptation
  // set needs one display aspect ratio, so every rung declares the top's.
  // setdar's default `max` of 100 would round 426/239 to a nearby ratio, a different one per rung.
  const dar = `${top.width}/${top.height}`;
  drawn.forEach((i) => {
    const rung = plan.rungs[i] as LadderPlan['rungs'][number];
    const upload = onHardware(job, i) && job.hardware ? hardwareUploadFilter(job.hardware) : '';
    chains.push(
      i === 0
        ? `[r0]null${upload}[v0]`
        : `[r${i}]scale=${rung.width}:${rung.height},setdar=${dar}:max=100000${upload}[v${i}]`,
    );
  });
  return chains.join(';');
}

/** Rung `i` is encoded by the hardware encoder: one of its codec, and not a copied top one. */
function onHardware(job: TranscodeJob, i: number): boolean {
  const codec = job.encoding?.rungs[i]?.codec ?? 'h264';
  return job.hardware?.codec === codec && !(job.passthrough && i === 0);
}

/** The rungs the filter graph draws: all, or all but a copied top one. */
function drawnRungs(job: TranscodeJob): number[] {
  return job.plan.rungs.map((_, i) => i).filter((i) => !job.passthrough || i > 0);
}

/** One DASH adaptation set per codec (a player picks the one it decodes), then the audio. */
export function adaptationSets(job: TranscodeJob): string {
  const byCodec = new Map<string, number[]>();
  job.plan.rungs.forEach((_, i) => {
    const codec = job.encoding?.rungs[i]?.codec ?? 'h264';
    byCodec.set(codec, [...(byCodec.get(codec) ?? []), i]);
  });
  const sets =
    byCodec.size === 1
      ? ['id=0,streams=v']
      : [...byCodec.values()].map((streams, id) => `id=${id},streams=${streams.join(',')}`);
  if (job.plan.audio) sets.push(`id=${sets.length},streams=a`);
  return sets.join(' ');
}

/**
 * The segment length to the microsecond below: a copied GOP of 60 frames at 29.97 fps is
 * 2.002002 s, and a segment asked a hair longer than its keyframes would wait for the next one.
 */
function dashSeconds(plan: LadderPlan): string {
  return String(Math.floor(plan.segmentSeconds * 1e6 + 1e-6) / 1e6);
}

export function buildTranscodeArgs(job: TranscodeJob): string[] {
  const { plan } = job;
  const args = ['-hide_banner', '-nostdin', '-y', '-loglevel', 'error', '-nostats', '-progress', 'pipe:1'];
  if (job.hardware) args.push(...hardwareDeviceArgs(job.hardware));
  args.push('-protocol_whitelist', 'file', '-format_whitelist', job.formatName, ...trimInputArgs(job.trim));
  args.push('-i', job.source);
  if (job.watermark) {
    args.push('-protocol_whitelist', 'file', '-format_whitelist', imageFormatWhitelist, '-i', job.watermark.image);
  }
  if (drawnRungs(job).length > 0) args.push('-filter_complex', buildFilterGraph(job));
  plan.rungs.forEach((_, i) => args.push('-map', i === 0 && job.passthrough ? '0:v:0' : `[v${i}]`));
  if (plan.audio) args.push('-map', '0:a:0');
  // Same GOP in every rung and no scene-cut keyframes: segments line up across renditions.
  args.push('-map_metadata', '-1', '-g', String(plan.gop), '-keyint_min', String(plan.gop), '-sc_threshold', '0');
  const encoding =
    job.encoding ?? planRungEncoding({ plan, codec: 'h264', preset: 'balanced', ladder: 'fixed', sample: null });
  plan.rungs.forEach((_, i) => {
    const rung = encoding.rungs[i];
    if (!rung) throw new Error(`Rung ${i} of the ladder has no encoding.`);
    if (job.passthrough && i === 0) {
      args.push('-c:v:0', 'copy');
      // Apple's players take HEVC only as hvc1, whatever the source's tag.
      if (rung.codec === 'hevc') args.push('-tag:v:0', 'hvc1');
      // A trimmed copy ends on the frame before the out point (plan-passthrough.ts says why).
      if (job.passthrough.frames) args.push('-frames:v:0', String(job.passthrough.frames));
    } else if (job.hardware && onHardware(job, i)) args.push(...hardwareRungArgs(i, job.hardware, rung.rate));
    else args.push(...rungEncoderArgs(i, rung, plan.gop));
    // A keyframe at every segment boundary: of the copied rung (a whole number of its GOPs), and
    // from a hardware encoder, whose own keyframe placement is not x264's.
    if ((job.passthrough && i > 0) || onHardware(job, i))
      args.push(`-force_key_frames:v:${i}`, `expr:gte(t,n_forced*${dashSeconds(plan)})`);
  });
  if (plan.audio && job.passthrough?.copyAudio) args.push('-c:a', 'copy');
  else if (plan.audio) {
    args.push(
      '-c:a',
      'aac',
      '-b:a',
      `${plan.audio.kbps}k`,
      '-ac',
      String(plan.audio.channels),
      '-ar',
      String(plan.audio.sampleRate),
    );
  }
  args.push(
    '-max_muxing_queue_size',
    '4096',
    '-f',
    'dash',
    '-seg_duration',
    dashSeconds(plan),
    '-use_template',
    '1',
    '-use_timeline',
    '1',
    '-hls_playlist',
    '1',
    '-adaptation_sets',
    adaptationSets(job),
    '-init_seg_name',
    'init-$RepresentationID$.m4s',
    '-media_seg_name',
    `chunk-${job.segmentTag ? `${job.segmentTag}-` : ''}$RepresentationID$-$Number%05d$.m4s`,
    job.manifestPath,
  );
  return args;
}
