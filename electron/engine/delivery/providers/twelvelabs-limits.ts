/**
 * Twelve Labs' documented input limits for a video indexing task (v1.3 tasks/create and the
 * Marengo requirements), checked before anything is sent: a file up to 2 GB, a resolution from
 * 360x360 to 3840x2160, a duration from 4 s to 2 h. Pure.
 */
import type { MediaFacts } from './provider';

/** 2 GB as the upload limit counts it (binary gigabytes, the common reading of such caps). */
export const maxBytes = 2 * 1024 ** 3;
const minSide = 360;
/** The larger side up to 3840 and the smaller up to 2160: a portrait 2160x3840 fits too. */
const maxLongSide = 3840;
const maxShortSide = 2160;
const minSeconds = 4;
const maxSeconds = 2 * 60 * 60;

const gigabytes = (bytes: number): string => `${(bytes / 1024 ** 3).toFixed(2)} GB`;

/** Why Twelve Labs would refuse this video, in a sentence with the limit and the fix, or null. */
export function twelvelabsRefusal(media: MediaFacts): string | null {
  if (media.size > maxBytes) {
    return (
      `The file is ${gigabytes(media.size)}, over Twelve Labs' 2 GB limit for one upload: ` +
      'send the MP4 instead of the original (from a lower ladder if the MP4 is the one too large), or trim it.'
    );
  }
  // 0 means the probe found no picture size; Twelve Labs will judge that itself.
  if (media.width > 0 && media.height > 0) {
    const size = `${media.width}x${media.height}`;
    const short = Math.min(media.width, media.height);
    const long = Math.max(media.width, media.height);
    if (short < minSide) {
      return `The video is ${size}, under Twelve Labs' minimum of 360x360: upscale it to at least 360 pixels on its smaller side.`;
    }
    if (long > maxLongSide || short > maxShortSide) {
      return `The video is ${size}, over Twelve Labs' maximum of 3840x2160: send the MP4 instead of the original, from a ladder that tops at 1440p or less.`;
    }
  }
  // -1: the duration is unknown, and Twelve Labs will judge it itself.
  if (media.duration >= 0 && media.duration < minSeconds) {
    return `The video lasts ${media.duration.toFixed(1)} s, under Twelve Labs' minimum of 4 seconds: send a longer video.`;
  }
  if (media.duration > maxSeconds) {
    return `The video lasts ${(media.duration / 3600).toFixed(2)} h, over Twelve Labs' maximum of 2 hours: trim it or split it.`;
  }
  return null;
}
