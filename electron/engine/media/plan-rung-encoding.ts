/**
 * How each rung is encoded: its codec, and either capped CRF (the preset's quality, bounded by the
 * title's cap) or, for the fixed ladder, today's average bitrate with a 1.5x peak. HEVC and AV1
 * ladders keep one H.264 rung (the tallest at or under 720p) for players that cannot decode them.
 * Pure.
 */
import {
  codecSpecs,
  presetSpecs,
  type LadderMode,
  type QualityPreset,
  type VideoCodec,
} from '../../../shared/transcode-presets';
import type { LadderPlan, Rung } from './plan-ladder';
import { planTitleRungs, type TitleRung, type TitleSample } from './plan-title-caps';

export type RungRate =
  { kind: 'crf'; crf: number; capKbps: number } | { kind: 'abr'; kbps: number; maxKbps: number; bufferKbps: number };

export interface RungEncoding {
  codec: VideoCodec;
  /** The video's preset, or a slower one for an easy title (plan-title-caps.ts). */
  preset: QualityPreset;
  rate: RungRate;
}

export interface EncodingPlan {
  /** The ladder, with the H.264 fallback rung last when the codec is not H.264. */
  plan: LadderPlan;
  /** One per rung of `plan`, in its order. */
  rungs: RungEncoding[];
}

/** x265's CRF scale sits about 4 above x264's for the same look; SVT-AV1's (0-63) about 13. */
const crfOffset: Readonly<Record<VideoCodec, number>> = { h264: 0, hevc: 4, av1: 13 };
/** SVT-AV1 presets (0 slowest, 13 fastest) near x264's speed at each of ours. */
const svtPreset: Readonly<Record<QualityPreset, number>> = { fast: 12, balanced: 10, quality: 8, veryslow: 6 };
const fallbackHeight = 720;
/** From fastest to slowest: an easy title's rungs are encoded at Quality's x264 slow at least. */
const slowness: readonly QualityPreset[] = ['fast', 'balanced', 'quality', 'veryslow'];
const easyPreset = (preset: QualityPreset): QualityPreset =>
  slowness.indexOf(preset) >= slowness.indexOf('quality') ? preset : 'quality';

export function codecCrf(codec: VideoCodec, preset: QualityPreset): number {
  return presetSpecs[preset].crf + crfOffset[codec];
}

function fallbackRung(rungs: readonly Rung[]): Rung {
  const short = (r: Rung) => Math.min(r.width, r.height);
  return rungs.find((r) => short(r) <= fallbackHeight) ?? (rungs.at(-1) as Rung);
}

export function planRungEncoding(options: {
  plan: LadderPlan;
  codec: VideoCodec;
  preset: QualityPreset;
  ladder: LadderMode;
  sample: TitleSample | null;
}): EncodingPlan {
  const { codec, preset } = options;
  const rungs = codec === 'h264' ? options.plan.rungs : [...options.plan.rungs, fallbackRung(options.plan.rungs)];
  const codecs = rungs.map((_, i): VideoCodec => (i < options.plan.rungs.length ? codec : 'h264'));
  const titled = codecs.map((c, i) => planTitleRungs([rungs[i] as Rung], c, options.sample)[0]);
  return {
    plan: { ...options.plan, rungs },
    rungs: rungs.map((rung, i): RungEncoding => {
      const rungCodec = codecs[i] as VideoCodec;
      const { capKbps, crfDrop, fixedRate } = titled[i] as TitleRung;
      if (options.ladder === 'fixed') {
        return {
          codec: rungCodec,
          preset,
          rate: { kind: 'abr', kbps: rung.videoKbps, maxKbps: rung.maxKbps, bufferKbps: rung.bufferKbps },
        };
      }
      // The cap is then the codec's fixed rate: its average, with the fixed ladder's 1.5x peaks.
      if (fixedRate) {
        const rate = {
          kind: 'abr',
          kbps: capKbps,
          maxKbps: Math.round(capKbps * 1.5),
          bufferKbps: capKbps * 2,
        } as const;
        return { codec: rungCodec, preset, rate };
      }
      return {
        codec: rungCodec,
        preset: crfDrop > 0 ? easyPreset(preset) : preset,
        rate: { kind: 'crf', crf: codecCrf(rungCodec, preset) - crfDrop, capKbps },
      };
    }),
  };
}

/** The ffmpeg options of output video stream `i`. */
export function rungEncoderArgs(i: number, encoding: RungEncoding, gop: number): string[] {
  const s = `:v:${i}`;
  const { preset } = encoding;
  const args = [`-c${s}`, codecSpecs[encoding.codec].encoder];
  if (encoding.codec === 'h264') args.push(`-preset${s}`, presetSpecs[preset].x264Preset, `-profile${s}`, 'high');
  if (encoding.codec === 'hevc') {
    // hvc1 (parameter sets in the sample entry) is the tag Apple's players require.
    args.push(`-preset${s}`, presetSpecs[preset].x264Preset, `-tag${s}`, 'hvc1');
    args.push(`-x265-params${s}`, `log-level=error:keyint=${gop}:min-keyint=${gop}:scenecut=0:open-gop=0`);
  }
  if (encoding.codec === 'av1') args.push(`-preset${s}`, String(svtPreset[preset]));
  const { rate } = encoding;
  if (rate.kind === 'crf') {
    args.push(`-crf${s}`, String(rate.crf), `-maxrate${s}`, `${rate.capKbps}k`, `-bufsize${s}`, `${rate.capKbps * 2}k`);
  } else {
    args.push(`-b${s}`, `${rate.kbps}k`, `-maxrate${s}`, `${rate.maxKbps}k`, `-bufsize${s}`, `${rate.bufferKbps}k`);
  }
  return args;
}
