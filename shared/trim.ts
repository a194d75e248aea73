/**
 * A video's in and out points: the outputs and deliveries are made from this part of the source
 * only. Seconds of the source's own timeline. Pure.
 */
export interface Trim {
  /** The in point: the first frame kept. */
  start: number;
  /** The out point: nothing at or after it is kept. */
  end: number;
}

/** Slack for a probed duration that ends a frame or an audio packet short of the out point given. */
const endSlackSeconds = 0.05;

/** What is wrong with a trim for a video of this duration (-1: not probed yet), with the fix; null when it fits. */
export function trimProblem(trim: Trim, duration: number): string | null {
  if (!Number.isFinite(trim.start) || !Number.isFinite(trim.end))
    return 'the in and out points must be numbers of seconds';
  if (trim.start < 0) return `the in point ${formatSeconds(trim.start)} is before the start: give 0 or more`;
  if (trim.end <= trim.start)
    return `the out point ${formatSeconds(trim.end)} is not after the in point ${formatSeconds(trim.start)}: give an out point later than the in point`;
  if (duration > 0 && trim.start >= duration)
    return `the in point ${formatSeconds(trim.start)} is at or past the end of the video (${formatSeconds(duration)}): give an in point before it`;
  if (duration > 0 && trim.end > duration + endSlackSeconds)
    return `the out point ${formatSeconds(trim.end)} is past the end of the video (${formatSeconds(duration)}): give an out point of at most ${formatSeconds(duration)}`;
  return null;
}

/** The length of the part kept: the whole duration without a trim; the out point no later than the end. */
export function trimmedDuration(duration: number, trim: Trim | null | undefined): number {
  if (!trim) return duration;
  const end = duration > 0 ? Math.min(trim.end, duration) : trim.end;
  return Math.max(0, end - trim.start);
}

/** Two trims are the same cut (null: none). */
export function sameTrim(a: Trim | null | undefined, b: Trim | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.start === b.start && a.end === b.end;
}

/** `h:mm:ss.mmm` (hours only when there are any), as the CLI and the video page write times. */
export function formatSeconds(seconds: number): string {
  const sign = seconds < 0 ? '-' : '';
  const millis = Math.round(Math.abs(seconds) * 1000);
  const h = Math.floor(millis / 3_600_000);
  const m = Math.floor((millis % 3_600_000) / 60_000);
  const s = Math.floor((millis % 60_000) / 1000);
  const ms = millis % 1000;
  const two = (n: number) => String(n).padStart(2, '0');
  const fraction = ms > 0 ? `.${String(ms).padStart(3, '0')}` : '';
  return `${sign}${h > 0 ? `${h}:${two(m)}` : String(m)}:${two(s)}${fraction}`;
}
