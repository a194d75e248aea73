/**
 * Which renditions to make from a source: pure. Never upscales, keeps the aspect ratio, even
 * dimensions, sizes named by their short side (a 1080x1920 phone video is "1080p"), bitrates
 * interpolated from Apple's HLS authoring spec (table 2-1, H.264 at 30 fps) by pixel count and
 * raised for higher frame rates.
 */

export interface SourceShape {
  width: number;
  height: number;
  fps: number;
  /** ffprobe's rational for the average frame rate, kept exact for the fps filter. */
  frameRate: string;
  hasAudio: boolean;
}

export interface Rung {
  name: string;
  width: number;
  height: number;
  videoKbps: number;
  maxKbps: number;
  bufferKbps: number;
}

export interface LadderPlan {
  rungs: Rung[];
  /** Output frame rate (constant): the source's, at most 60. */
  frameRate: string;
  fps: number;
  /** Frames between keyframes: the same in every rung, so segments align. */
  gop: number;
  segmentSeconds: number;
  audio: { kbps: number; channels: number; sampleRate: number } | null;
}

export const standardRungs = [2160, 1440, 1080, 720, 480, 360, 240] as const;
/**
 * One keyframe interval per segment: a video plays while it is encoded as soon as every rendition
 * has its first segment, so the encoder's time for one segment of every rung is the least anyone
 * waits (the first 4 s segments of a 1080p ladder appeared 5.6 s after ffmpeg started, on two
 * idle cores; 2 s ones come in about half that).
 */
export const segmentSeconds = 2;
export const keyframeSeconds = 2;
const maxAutoRungs = 5;

/** Apple HLS authoring spec, table 2-1 (kb/s by pixels per frame, 30 fps), plus 1440p and 2160p. */
const bitrateTable: readonly [pixels: number, kbps: number][] = [
  [416 * 234, 145],
  [480 * 270, 365],
  [640 * 360, 730],
  [768 * 432, 1100],
  [960 * 540, 2000],
  [1280 * 720, 3000],
  [1920 * 1080, 4500],
  [2560 * 1440, 9000],
  [3840 * 2160, 16000],
];

const even = (n: number): number => Math.max(2, 2 * Math.round(n / 2));
const evenDown = (n: number): number => Math.max(2, 2 * Math.floor(n / 2));

export function bitrateKbps(width: number, height: number, fps: number): number {
  const pixels = width * height;
  const first = bitrateTable[0] as [number, number];
  const last = bitrateTable[bitrateTable.length - 1] as [number, number];
  let kbps: number;
  if (pixels <= first[0]) kbps = (first[1] * pixels) / first[0];
  else if (pixels >= last[0]) kbps = (last[1] * pixels) / last[0];
  else {
    const upper = bitrateTable.findIndex(([p]) => p >= pixels);
    const [p0, k0] = bitrateTable[upper - 1] as [number, number];
    const [p1, k1] = bitrateTable[upper] as [number, number];
    kbps = k0 + ((k1 - k0) * (pixels - p0)) / (p1 - p0);
  }
  // Apple's 60 fps rows are about 1.7x the 30 fps ones.
  const fpsFactor = fps > 31 ? (fps / 30) ** 0.8 : 1;
  return Math.max(100, Math.round((kbps * fpsFactor) / 10) * 10);
}

function rungFor(shortSide: number, source: SourceShape, fps: number): Rung {
  const landscape = source.width >= source.height;
  const sourceShort = landscape ? source.height : source.width;
  const sourceLong = landscape ? source.width : source.height;
  const short = shortSide >= sourceShort ? evenDown(sourceShort) : even(shortSide);
  const long = shortSide >= sourceShort ? evenDown(sourceLong) : even((short * sourceLong) / sourceShort);
  const width = landscape ? long : short;
  const height = landscape ? short : long;
  const videoKbps = bitrateKbps(width, height, fps);
  return {
    name: `${short}p`,
    width,
    height,
    videoKbps,
    maxKbps: Math.round(videoKbps * 1.5),
    bufferKbps: videoKbps * 2,
  };
}

export function planLadder(source: SourceShape, request: 'auto' | readonly number[] = 'auto'): LadderPlan {
  const sourceFps = Math.min(source.fps > 0 ? source.fps : 30, 60);
  // Keep exact broadcast rates (30/1, 30000/1001); a variable-rate source's average such as
  // 1440/59 becomes the nearest whole rate, so that keyframes fall on round times.
  const den = Number(source.frameRate.split('/')[1] ?? 1);
  const frameRate =
    source.fps > 0 && source.fps <= 60 && (den === 1 || den === 1001) ? source.frameRate : `${Math.round(sourceFps)}/1`;
  const [num = 30, div = 1] = frameRate.split('/').map(Number);
  const fps = num / div;
  const sourceShort = Math.min(source.width, source.height);

  let heights: number[];
  if (request === 'auto') {
    heights = standardRungs.filter((h) => h <= sourceShort);
    // A source well above its nearest standard size keeps its own size on top (853x479 -> 478p).
    if (heights.length === 0 || sourceShort > (heights[0] as number) * 1.15) heights.unshift(sourceShort);
    if (heights.length > maxAutoRungs) heights = [...heights.slice(0, maxAutoRungs - 1), heights.at(-1) as number];
  } else {
    heights = [...new Set(request)].sort((a, b) => b - a).filter((h) => h <= sourceShort);
    if (heights.length === 0) heights = [sourceShort];
  }

  const rungs: Rung[] = [];
  for (const h of heights) {
    const rung = rungFor(h, source, fps);
    if (!rungs.some((r) => r.width === rung.width && r.height === rung.height)) rungs.push(rung);
  }
  return {
    rungs,
    frameRate,
    fps,
    gop: Math.max(1, Math.round(fps * keyframeSeconds)),
    segmentSeconds,
    audio: source.hasAudio ? { kbps: 128, channels: 2, sampleRate: 48000 } : null,
  };
}
