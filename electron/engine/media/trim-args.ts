/**
 * ffmpeg's input options for a trim: `-ss`/`-to` before `-i`, so ffmpeg seeks to the keyframe
 * before the in point and decodes from there, dropping the frames before it (frame-accurate when
 * encoding; a stream copy starts at that keyframe). Timestamps start again at 0. Pure.
 */
import type { Trim } from '../../../shared/trim';

export function trimInputArgs(trim: Trim | null | undefined): string[] {
  if (!trim) return [];
  return ['-ss', trim.start.toFixed(3), '-to', trim.end.toFixed(3)];
}
