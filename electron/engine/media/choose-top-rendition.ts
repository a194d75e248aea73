/**
 * The top rendition of one transcode: the source's own video copied when plan-passthrough.ts
 * allows it, else encoded like the others. The source's keyframes are read only when nothing else
 * rules a copy out. A copied ladder takes the source's GOP and a segment length that is a whole
 * number of them, so the encoded rungs' keyframes and segments fall where the copied one's do.
 */
import type { MediaInfo } from '../../../shared/media-info';
import type { VideoCodec } from '../../../shared/transcode-presets';
import type { TopRendition } from '../../../shared/video';
import type { LadderPlan } from './plan-ladder';
import { planPassthrough, sourceProblem } from './plan-passthrough';
import type { RungEncoding } from './plan-rung-encoding';
import { nameNotPath } from './name-not-path';
import { readKeyframes } from './read-keyframes';

export interface TopRenditionChoice {
  plan: LadderPlan;
  /** Set when the top rung is the source's video copied. */
  passthrough: { copyAudio: boolean; frames: number | null } | null;
  topRendition: TopRendition;
}

export async function chooseTopRendition(options: {
  ffprobe: string;
  source: string;
  info: MediaInfo;
  plan: LadderPlan;
  /** The rungs' rates (plan-rung-encoding.ts); absent: the plan's fixed bitrates. */
  encoding?: { rungs: readonly RungEncoding[] } | undefined;
  codec: VideoCodec;
  watermark: boolean;
  trim?: { start: number; end: number } | null | undefined;
  /** false: always encode (the benchmark's full-encode peer, FERRY_PASSTHROUGH=0). */
  allowed: boolean;
  signal?: AbortSignal | undefined;
}): Promise<TopRenditionChoice> {
  const { plan } = options;
  const top = plan.rungs[0];
  if (!top) throw new Error('A ladder needs at least one rung.');
  const encode = (why: string): TopRenditionChoice => ({
    plan,
    passthrough: null,
    topRendition: { original: false, why },
  });
  if (!options.allowed) return encode('passthrough is turned off (FERRY_PASSTHROUGH=0)');
  const rate = options.encoding?.rungs[0]?.rate;
  const maxKbps = !rate ? top.maxKbps : rate.kind === 'crf' ? rate.capKbps : rate.maxKbps;
  const input = {
    info: options.info,
    top: { width: top.width, height: top.height, maxKbps },
    fps: plan.fps,
    codec: options.codec,
    watermark: options.watermark,
    trim: options.trim ?? null,
    segmentSeconds: plan.segmentSeconds,
  };
  const problem = sourceProblem(input);
  if (problem) return encode(problem);
  let keyframes: number[];
  try {
    keyframes = await readKeyframes({
      ffprobe: options.ffprobe,
      source: options.source,
      formatName: options.info.formatName,
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    // Encoding is always possible: a source whose packets ffprobe cannot list is encoded, and says why.
    const said = ((error as { stderr?: string }).stderr ?? (error as Error).message).trim().split('\n').pop() ?? '';
    return encode(`the source's keyframes could not be read (${nameNotPath(said, options.source).slice(0, 200)})`);
  }
  const decision = planPassthrough({ ...input, keyframes });
  if (!decision.copy) return encode(decision.why);
  return {
    plan: { ...plan, gop: decision.gopFrames, segmentSeconds: decision.segmentSeconds },
    passthrough: { copyAudio: decision.copyAudio, frames: decision.frames },
    topRendition: { original: true, why: decision.why },
  };
}
