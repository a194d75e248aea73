/**
 * Which ffmpeg and ffprobe candidates belong together. Tools of one build agree on what they
 * write and read, so a matched pair is preferred to the best ffmpeg beside an unrelated ffprobe.
 * Pure: find-media-tools.ts runs the checks.
 */
import path from 'node:path';
import type { Candidate } from './locate-media-tools';

export interface CandidatePair {
  ffmpeg: Candidate;
  ffprobe: Candidate;
}

/** The same bundled pair, or two binaries from one PATH directory; null when it has no partner. */
export function pairKey(candidate: Candidate): string | null {
  if (candidate.origin === 'bundled') return 'bundled';
  if (candidate.origin === 'path') return `path:${path.dirname(candidate.path)}`;
  return null; // a variable names one binary; the fallback ffprobe has no ffmpeg of its own
}

export function isMatchedPair(pair: CandidatePair): boolean {
  const key = pairKey(pair.ffmpeg);
  return key !== null && key === pairKey(pair.ffprobe);
}

/** The matched pairs to try, in the ffmpeg candidates' order of preference. */
export function planMediaPairs(ffmpeg: Candidate[], ffprobe: Candidate[]): CandidatePair[] {
  return ffmpeg.flatMap((f) => {
    const partner = ffprobe.find((p) => isMatchedPair({ ffmpeg: f, ffprobe: p }));
    return partner ? [{ ffmpeg: f, ffprobe: partner }] : [];
  });
}
