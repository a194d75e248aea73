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
import { planRungEncoding, rungEncoderArgs, type EncodingPlan } from './plan-rung-encoding';
import type { WatermarkPlacement } from './plan-watermark';
import { trimInputArgs } from './trim-args';

export interface TranscodeJob {
  source: string;
  /** ffprobe's format_name for the source: the only demuxer ffmpeg may use for it. */
  formatName: string;
  plan: LadderPlan;
  /** Codec and rate of each rung of `plan` (plan-rung-encoding.ts); absent: H.264 at the fixed bitrates. */
  encoding?: Pick<EncodingPlan, 'rungs' | 'preset'>;
  watermark?: { image: string; placement: WatermarkPlacement };
  /** Only this part of the source (trim-args.ts). */
  trim?: Trim;
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
  const branches = plan.rungs.map((_, i) => `[r${i}]`).join('');
  chains.push(`[${main}]split=${plan.rungs.length}${branches}`);
  // Even-pixel rungs are never exactly the top's shape (854x480 is not 16:9); a DASH adaptation
  // set needs one display aspect ratio, so every rung declares the top's.
  // setdar's default `max` of 100 would round 426/239 to a nearby ratio, a different one per rung.
  const dar = `${top.width}/${top.height}`;
  plan.rungs.forEach((rung, i) => {
    chains.push(i === 0 ? `[r0]null[v0]` : `[r${i}]scale=${rung.width}:${rung.height},setdar=${dar}:max=100000[v${i}]`);
  });
  return chains.join(';');
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

export function buildTranscodeArgs(job: TranscodeJob): string[] {
  const { plan } = job;
  const args = ['-hide_banner', '-nostdin', '-y', '-loglevel', 'error', '-nostats', '-progress', 'pipe:1'];
  args.push('-protocol_whitelist', 'file', '-format_whitelist', job.formatName, ...trimInputArgs(job.trim));
  args.push('-i', job.source);
  if (job.watermark) {
    args.push('-protocol_whitelist', 'file', '-format_whitelist', imageFormatWhitelist, '-i', job.watermark.image);
  }
  args.push('-filter_complex', buildFilterGraph(job));
  plan.rungs.forEach((_, i) => args.push('-map', `[v${i}]`));
  if (plan.audio) args.push('-map', '0:a:0');
  // Same GOP in every rung and no scene-cut keyframes: segments line up across renditions.
  args.push('-map_metadata', '-1', '-g', String(plan.gop), '-keyint_min', String(plan.gop), '-sc_threshold', '0');
  const encoding =
    job.encoding ?? planRungEncoding({ plan, codec: 'h264', preset: 'balanced', ladder: 'fixed', sample: null });
  plan.rungs.forEach((_, i) => {
    const rung = encoding.rungs[i];
    if (!rung) throw new Error(`Rung ${i} of the ladder has no encoding.`);
    args.push(...rungEncoderArgs(i, rung, encoding.preset, plan.gop));
  });
  if (plan.audio) {
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
    String(plan.segmentSeconds),
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
    'chunk-$RepresentationID$-$Number%05d$.m4s',
    job.manifestPath,
  );
  return args;
}
