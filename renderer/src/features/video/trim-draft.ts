/**
 * The in and out points being set on the video's page, in seconds of the video as it plays (its
 * outputs, already trimmed when it has a trim), and what `edit` is sent for them: seconds of the
 * source. Pure.
 */
import type { Trim } from '../../../../shared/trim';

export interface TrimDraft {
  in: number;
  out: number;
}

export type TrimHandle = 'in' | 'out';

/** The shortest part the handles may leave: a ladder needs frames to encode. */
export const minimumPartSeconds = 0.5;

export const wholeVideo = (duration: number): TrimDraft => ({ in: 0, out: Math.max(0, duration) });

/** The draft with one handle moved to `to`, kept inside the video and short of the other handle. */
export function moveHandle(draft: TrimDraft, handle: TrimHandle, to: number, duration: number): TrimDraft {
  if (duration <= 0) return draft;
  const gap = Math.min(minimumPartSeconds, duration);
  if (handle === 'in') return { ...draft, in: Math.min(Math.max(0, to), Math.max(0, draft.out - gap)) };
  return { ...draft, out: Math.max(Math.min(duration, to), Math.min(duration, draft.in + gap)) };
}

/**
 * How far a key moves a focused handle, or null for a key it does not take: arrows a second,
 * with Shift ten, with Alt one frame (`frameSeconds`); Home and End to the video's ends.
 */
export function handleKeyTarget(
  key: string,
  modifiers: { shift: boolean; alt: boolean },
  at: number,
  duration: number,
  frameSeconds: number,
): number | null {
  const step = modifiers.alt ? frameSeconds : modifiers.shift ? 10 : 1;
  if (key === 'ArrowLeft' || key === 'ArrowDown') return at - step;
  if (key === 'ArrowRight' || key === 'ArrowUp') return at + step;
  if (key === 'PageDown') return at - 10;
  if (key === 'PageUp') return at + 10;
  if (key === 'Home') return 0;
  if (key === 'End') return duration;
  return null;
}

/** Whether the draft cuts anything off the video as it plays now. */
export function cutsSomething(draft: TrimDraft, duration: number): boolean {
  return draft.in > 0.0005 || draft.out < duration - 0.0005;
}

/** The trim `edit` is sent: the draft moved onto the source's timeline by the video's present in point. */
export function trimForDraft(draft: TrimDraft, current: Trim | null): Trim {
  const base = current?.start ?? 0;
  const round = (seconds: number) => Math.round(seconds * 1000) / 1000;
  return { start: round(base + draft.in), end: round(base + draft.out) };
}
