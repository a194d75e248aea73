/**
 * `--trim IN-OUT`: in and out points as people write them, each in seconds (`5`, `630.5`),
 * `mm:ss` or `hh:mm:ss` (with a fraction: `00:01:02.5`); `none` clears a trim where allowed.
 * Whether the out point is within the video is the engine's to say once it knows the duration. Pure.
 */
import { trimProblem, type Trim } from '../../shared/trim';
import { UsageError } from './cli-context';

const shape = '--trim takes IN-OUT such as 00:00:05-00:10:30, 5-630 or 1:05-2:30 (seconds, mm:ss or hh:mm:ss)';

/** One time: seconds, mm:ss or hh:mm:ss; undefined when it is none of these. */
export function parseTime(text: string): number | undefined {
  const parts = text.trim().split(':');
  if (parts.length > 3 || parts.some((p) => !/^\d+(\.\d+)?$/.test(p))) return undefined;
  const numbers = parts.map(Number);
  // Only the first part may be a fraction-less count above 59 (`630` or `90:00`); the rest are clock digits.
  if (numbers.slice(1).some((n) => n >= 60)) return undefined;
  if (parts.slice(0, -1).some((p) => p.includes('.'))) return undefined;
  return numbers.reduce((total, n) => total * 60 + n, 0);
}

export function parseTrim(text: string, options: { allowNone: boolean }): Trim | null {
  if (text.trim() === 'none') {
    if (options.allowNone) return null;
    throw new UsageError('--trim none only clears a trim (ferry edit); leave --trim out to keep the whole video.');
  }
  const halves = text.split('-');
  if (halves.length !== 2) throw new UsageError(`${shape}, not "${text}".`);
  const [start, end] = halves.map((half) => parseTime(half ?? ''));
  if (start === undefined || end === undefined) throw new UsageError(`${shape}, not "${text}".`);
  const trim = { start, end };
  const problem = trimProblem(trim, -1);
  if (problem) throw new UsageError(`--trim: ${problem}.`);
  return trim;
}
