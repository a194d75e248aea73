/**
 * Each rung's bitrate cap for one title, from what a fast sample encode of it cost: a slide deck
 * whose sample needs 30 kb/s at 360p gets caps far under a concert's, whose sample needs megabits.
 * The rungs are then encoded with capped CRF, so the preset's quality is the target and the cap
 * only bounds the peaks (and the bandwidth a player must have). Pure.
 *
 * The model: bits grow with pixels to the power 0.75 (a bigger picture of the same scene is
 * mostly the same detail, larger), the chosen x264 preset spends about 0.8 of ultrafast's bits at
 * the same CRF, and a cap twice the predicted mean leaves room for a scene that is harder than the
 * samples. Never above the fixed ladder's rate (Apple's table: more than that buys little), never
 * under a tenth of it (a slide change must still fit in the buffer).
 *
 * A title whose rung would take under a tenth of the fixed rate (a slide deck, a screen recording)
 * is easy: its bits and its encode time are cheap, so that rung is encoded 14 RF lower (about 5x
 * the bits, still far under the fixed ladder's) and at x264 slow at least, near transparent.
 *
 * A rung predicted at or above the fixed rate (noise, a concert) needs all of it: it gets the fixed
 * ladder's average rate with 1.5x peaks, since capped CRF would spend as many bits with its peaks
 * clipped (measured on the high-motion source: +3 % bytes and 0.1 dB less at 1080p).
 */
import type { VideoCodec } from '../../../shared/transcode-presets';
import type { Rung } from './plan-ladder';

/** What the sample encode cost: its mean bit rate at its picture size. */
export interface TitleSample {
  kbps: number;
  width: number;
  height: number;
}

/** Bits the other codecs need for the quality H.264 gets from 1 (HEVC about 30 % fewer, AV1 about 40 %). */
export const codecBitsFactor: Readonly<Record<VideoCodec, number>> = { h264: 1, hevc: 0.7, av1: 0.6 };

const pixelExponent = 0.75;
const presetFactor = 0.8;
const headroom = 2;
const floorFraction = 0.1;

/** The fixed ladder's rate for a rung in this codec: the per-title caps' ceiling. */
export function fixedKbps(rung: Rung, codec: VideoCodec): number {
  return Math.round(rung.videoKbps * codecBitsFactor[codec]);
}

export interface TitleRung {
  capKbps: number;
  /** How far under the preset's RF this rung is encoded: 0, or `easyCrfDrop` for an easy title. */
  crfDrop: number;
  /** The title needs the fixed rate at this rung: encode it at that average rate, not capped CRF. */
  fixedRate: boolean;
}

export const easyShare = 0.1;
export const easyCrfDrop = 14;

/** Each rung's cap and RF drop, in the rungs' order. Without a sample (a short source): the fixed rates, no drop. */
export function planTitleRungs(rungs: readonly Rung[], codec: VideoCodec, sample: TitleSample | null): TitleRung[] {
  return rungs.map((rung) => {
    const ceiling = fixedKbps(rung, codec);
    if (!sample) return { capKbps: ceiling, crfDrop: 0, fixedRate: false };
    const scale = ((rung.width * rung.height) / (sample.width * sample.height)) ** pixelExponent;
    const predicted = sample.kbps * scale * presetFactor * codecBitsFactor[codec];
    const crfDrop = predicted < ceiling * easyShare ? easyCrfDrop : 0;
    // x264's rule of thumb: 6 RF lower is twice the bits.
    const cap = Math.round((predicted * 2 ** (crfDrop / 6) * headroom) / 10) * 10;
    return {
      capKbps: Math.min(ceiling, Math.max(Math.round(ceiling * floorFraction), cap)),
      crfDrop,
      fixedRate: predicted >= ceiling,
    };
  });
}
