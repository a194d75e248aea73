/**
 * Whether the top rendition can be the source's own video, copied rather than encoded again: the
 * source must already be what the top rung would be (the ladder's codec, a profile and pixel
 * format every browser decodes, the rung's size and frame rate, within its bitrate) and its
 * keyframes must fall on every segment boundary, so that the encoded rungs' segments line up with
 * the copied one's. Re-encoding such a source only loses quality and time. Pure; the answer says
 * why in words a user reads on the video's page.
 */
import type { MediaInfo } from '../../../shared/media-info';
import type { VideoCodec } from '../../../shared/transcode-presets';

export interface PassthroughInput {
  info: MediaInfo;
  /** The ladder's top rung: its size and the most bits per second it may take. */
  top: { width: number; height: number; maxKbps: number };
  /** The ladder's output frame rate. */
  fps: number;
  codec: VideoCodec;
  /** Keyframe times of the source's video (read-keyframes.ts); null when they were not read. */
  keyframes: readonly number[] | null;
  watermark: boolean;
  /** In and out points, seconds of the source: copied only when both fall on keyframes. */
  trim?: { start: number; end: number } | null;
  /** The segment length the ladder aims at; a copied ladder takes the nearest multiple of the source's GOP. */
  segmentSeconds: number;
}

export type PassthroughDecision =
  | {
      copy: true;
      /** Frames between the source's keyframes: the encoded rungs take the same. */
      gopFrames: number;
      segmentSeconds: number;
      /** AAC-LC stereo at 44.1 or 48 kHz is copied too; any other sound is encoded. */
      copyAudio: boolean;
      /**
       * Frames to copy when a trim's out point comes before the end: ffmpeg's `-to` lets a copy
       * through up to the packet decoded before the out point, which with B-frames is the keyframe
       * at it and a frame or two after; a count of frames stops at the last one before it.
       */
      frames: number | null;
      why: string;
    }
  | { copy: false; why: string };

const playableProfiles: Readonly<Partial<Record<string, readonly string[]>>> = {
  h264: ['Constrained Baseline', 'Baseline', 'Main', 'High'],
  hevc: ['Main'],
};
const codecNames: Readonly<Record<string, string>> = {
  h264: 'H.264',
  hevc: 'HEVC',
  vp8: 'VP8',
  vp9: 'VP9',
  av1: 'AV1',
  mpeg4: 'MPEG-4 Part 2',
  mpeg2video: 'MPEG-2',
  prores: 'ProRes',
  dnxhd: 'DNxHD',
};
/** H.264 level 5.2 and HEVC level 5.1 (ffprobe writes HEVC's times 30): what phones and TVs decode. */
const maxLevel: Readonly<Record<string, number>> = { h264: 52, hevc: 153 };
const maxSegmentSeconds = 8;

const codecName = (codec: string): string => codecNames[codec] ?? codec.toUpperCase();
const seconds = (s: number): string => `${Number(s.toFixed(2))} s`;
const mbits = (bitsPerSecond: number): string => `${(bitsPerSecond / 1e6).toFixed(1)} Mbit/s`;
const levelName = (codec: string, level: number): string => (codec === 'hevc' ? level / 30 : level / 10).toFixed(1);

/** The source's GOP in seconds when its keyframes are evenly spaced (within half a frame), else why not. */
export function regularGop(keyframes: readonly number[], fps: number): { gop: number } | { why: string } {
  if (keyframes.length < 2) return { why: 'the source has a single keyframe, so its segments cannot line up' };
  const gaps = keyframes.slice(1).map((t, i) => t - (keyframes[i] as number));
  const gop = gaps[0] as number;
  const slack = 0.5 / fps;
  const shortest = Math.min(...gaps);
  const longest = Math.max(...gaps);
  if (longest - gop > slack || gop - shortest > slack)
    return { why: `the source's keyframes are irregular (${seconds(shortest)} to ${seconds(longest)} apart)` };
  return { gop };
}

function onKeyframe(time: number, keyframes: readonly number[], fps: number): boolean {
  const first = keyframes[0] ?? 0;
  return keyframes.some((k) => Math.abs(k - first - time) <= 0.5 / fps);
}

function streamProblem(input: Omit<PassthroughInput, 'keyframes'>): string | null {
  const { info, codec } = input;
  const source = info.videoCodec;
  if (!playableProfiles[source]) return `the source is ${codecName(source)}`;
  if (source !== codec) return `the source is ${codecName(source)} and the ladder is ${codecName(codec)}`;
  const facts = info.video;
  if (!facts) return 'the source was probed by an older Ferry, which did not read its profile';
  if (!playableProfiles[source]?.includes(facts.profile))
    return `the source is ${codecName(source)} ${facts.profile || 'of an unknown profile'}, which browsers do not all play`;
  if (facts.pixelFormat !== 'yuv420p')
    return `the source's pixels are ${facts.pixelFormat || 'of an unknown format'}; browsers play 8-bit 4:2:0 (yuv420p)`;
  if (facts.level > (maxLevel[source] ?? 0))
    return `the source is level ${levelName(source, facts.level)}, above what phones and TVs decode`;
  if (!['', 'progressive', 'unknown'].includes(facts.fieldOrder)) return 'the source is interlaced';
  if (!['', '0:1', '1:1'].includes(facts.sampleAspectRatio))
    return `the source's pixels are not square (${facts.sampleAspectRatio})`;
  if (info.rotation !== 0) return `the source is turned ${info.rotation}° by its metadata`;
  if (info.variableFrameRate) return "the source's frame rate varies";
  return null;
}

function fitProblem(input: Omit<PassthroughInput, 'keyframes'>): string | null {
  const { info, top } = input;
  if (Math.abs(info.fps - input.fps) > 0.01)
    return `the source is ${Number(info.fps.toFixed(2))} fps and the ladder ${Number(input.fps.toFixed(2))} fps`;
  if (info.width !== top.width || info.height !== top.height) {
    const larger = info.width * info.height > top.width * top.height;
    return `the source's picture (${info.width}×${info.height}) is ${larger ? 'larger than' : 'not'} the top rendition's (${top.width}×${top.height})`;
  }
  const bitRate = info.video?.bitRate ?? -1;
  if (bitRate <= 0) return "the source's bitrate is not known";
  if (bitRate > top.maxKbps * 1000)
    return `the source's video is ${mbits(bitRate)}, over the top rendition's ${mbits(top.maxKbps * 1000)}`;
  if (input.watermark) return 'a watermark is drawn on the picture';
  return null;
}

function trimProblem(input: PassthroughInput, keyframes: readonly number[]): string | null {
  const { trim, info } = input;
  if (!trim) return null;
  if (!onKeyframe(trim.start, keyframes, input.fps))
    return `the in point (${seconds(trim.start)}) is not on a keyframe of the source`;
  const toEnd = trim.end >= info.duration - 0.5 / input.fps;
  if (!toEnd && !onKeyframe(trim.end, keyframes, input.fps))
    return `the out point (${seconds(trim.end)}) is not on a keyframe of the source`;
  return null;
}

/** Why the source cannot be copied whatever its keyframes, or null: then its keyframes are worth reading. */
export function sourceProblem(input: Omit<PassthroughInput, 'keyframes'>): string | null {
  return streamProblem(input) ?? fitProblem(input);
}

export function planPassthrough(input: PassthroughInput): PassthroughDecision {
  const problem = sourceProblem(input);
  if (problem) return { copy: false, why: problem };
  if (!input.keyframes) return { copy: false, why: "the source's keyframes could not be read" };
  const gop = regularGop(input.keyframes, input.fps);
  if ('why' in gop) return { copy: false, why: gop.why };
  if (gop.gop > maxSegmentSeconds)
    return {
      copy: false,
      why: `the source's keyframes are ${seconds(gop.gop)} apart, longer than a segment should be (${maxSegmentSeconds} s)`,
    };
  const trimmed = trimProblem(input, input.keyframes);
  if (trimmed) return { copy: false, why: trimmed };

  const gopFrames = Math.max(1, Math.round(gop.gop * input.fps));
  const perSegment = Math.max(1, Math.round(input.segmentSeconds / gop.gop));
  const { info, trim } = input;
  const facts = info.video;
  const toEnd = !trim || trim.end >= info.duration - 0.5 / input.fps;
  const audio = info.audio;
  return {
    copy: true,
    gopFrames,
    segmentSeconds: (perSegment * gopFrames) / input.fps,
    frames: toEnd ? null : Math.round((trim.end - trim.start) * input.fps),
    copyAudio:
      info.audioCodec === 'aac' &&
      audio?.profile === 'LC' &&
      audio.channels === 2 &&
      [44100, 48000].includes(audio.sampleRate),
    why: `the source is already ${codecName(info.videoCodec)} ${facts?.profile ?? ''} ${levelName(info.videoCodec, facts?.level ?? 0)}, ${info.width}×${info.height}, ${mbits(facts?.bitRate ?? 0)}, a keyframe every ${seconds(gop.gop)}`,
  };
}
