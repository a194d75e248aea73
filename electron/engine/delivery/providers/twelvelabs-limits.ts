/**
 * Twelve Labs' documented input limits for a video indexing task, checked before anything is sent
 * (push or pull). Sources: twelvelabs-js 1.3.4 `api/resources/tasks/client/Client.d.ts` (files up
 * to 2 GB in one request) and the v1.3 model pages quoted in ../shared/reference/providers.md §3:
 * a resolution from 360x360 to 3840x2160, the aspect ratios 1:1, 4:3, 4:5, 5:4, 16:9, 9:16, 17:9,
 * and a duration that depends on the index's models (Pegasus 4 s to 60 min, Marengo 4 s to 4 h;
 * with both, or when the models are unknown, the stricter applies). Pure.
 */
import type { MediaFacts } from './provider';

/** 2 GB as the upload limit counts it (binary gigabytes, the common reading of such caps). */
export const maxBytes = 2 * 1024 ** 3;
const minSide = 360;
/** The larger side up to 3840 and the smaller up to 2160: a portrait 2160x3840 fits too. */
const maxLongSide = 3840;
const maxShortSide = 2160;
const minSeconds = 4;
const pegasusMaxSeconds = 60 * 60;
const marengoMaxSeconds = 4 * 60 * 60;
const ratios: readonly [number, number][] = [
  [1, 1],
  [4, 3],
  [4, 5],
  [5, 4],
  [16, 9],
  [9, 16],
  [17, 9],
];
/** Encoders round sides to even pixels (854x480 for 16:9): a ratio within 1% is that ratio. */
const ratioTolerance = 0.01;

const gigabytes = (bytes: number): string => `${(bytes / 1024 ** 3).toFixed(2)} GB`;

/** The longest video the index's models take, and which model sets it; unknown models: the stricter. */
export function durationLimit(models: readonly string[] | null): { seconds: number; model: string } {
  const names = (models ?? []).map((m) => m.toLowerCase());
  const marengoOnly = names.length > 0 && names.every((m) => m.startsWith('marengo'));
  if (marengoOnly) return { seconds: marengoMaxSeconds, model: 'Marengo' };
  return { seconds: pegasusMaxSeconds, model: models === null ? 'Pegasus (the index was not read)' : 'Pegasus' };
}

const fitsRatio = (width: number, height: number): boolean =>
  ratios.some(([w, h]) => Math.abs(width / height / (w / h) - 1) <= ratioTolerance);

function pictureRefusal(width: number, height: number): string | null {
  const size = `${width}x${height}`;
  const short = Math.min(width, height);
  const long = Math.max(width, height);
  if (short < minSide) {
    return `The video is ${size}, under Twelve Labs' minimum of 360x360: upscale it to at least 360 pixels on its smaller side.`;
  }
  if (long > maxLongSide || short > maxShortSide) {
    return `The video is ${size}, over Twelve Labs' maximum of 3840x2160: send the MP4 instead of the original, from a ladder that tops at 1440p or less.`;
  }
  if (!fitsRatio(width, height)) {
    return (
      `The video is ${size}, an aspect ratio Twelve Labs does not take (only 1:1, 4:3, 4:5, 5:4, 16:9, 9:16, 17:9): ` +
      'crop or pad it to one of them.'
    );
  }
  return null;
}

/**
 * Why Twelve Labs would refuse this video, in a sentence with the limit and the fix, or null.
 * `models` are the index's model names (`marengo3.0`, `pegasus1.2`…), null when unknown.
 */
export function twelvelabsRefusal(media: MediaFacts, models: readonly string[] | null): string | null {
  if (media.size > maxBytes) {
    return (
      `The file is ${gigabytes(media.size)}, over Twelve Labs' 2 GB limit for one upload: ` +
      'send the MP4 instead of the original (from a lower ladder if the MP4 is the one too large), or trim it.'
    );
  }
  // 0 or -1: the probe found no picture size; Twelve Labs will judge that itself.
  const picture = media.width > 0 && media.height > 0 ? pictureRefusal(media.width, media.height) : null;
  if (picture) return picture;
  // -1: the duration is unknown, and Twelve Labs will judge it itself.
  if (media.duration >= 0 && media.duration < minSeconds) {
    return `The video lasts ${media.duration.toFixed(1)} s, under Twelve Labs' minimum of 4 seconds: send a longer video.`;
  }
  const names = (models ?? []).map((m) => m.toLowerCase());
  if (names.length > 0 && names.every((m) => m.startsWith('pegasus1.2'))) {
    // twelvelabs-js 1.3.4 tasks.create: "You can no longer add videos to an index that has only Pegasus 1.2 enabled."
    return 'The index has only Pegasus 1.2, which Twelve Labs no longer takes new videos into: use an index with Marengo.';
  }
  const limit = durationLimit(models);
  if (media.duration > limit.seconds) {
    const most = limit.seconds === pegasusMaxSeconds ? '60 minutes' : '4 hours';
    return (
      `The video lasts ${(media.duration / 60).toFixed(1)} min, over the ${most} ${limit.model} takes on Twelve Labs: ` +
      'trim or split it, or deliver it to an index with Marengo only (up to 4 hours).'
    );
  }
  return null;
}
