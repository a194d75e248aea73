/** The pure rules of the normalised store: which windows cover a range, which copy of a video wins, what a filter counts. */
import type { QueueTotals } from '../../../shared/api';
import type { Video } from '../../../shared/video';
import type { VideoState } from '../../../shared/video-states';

/** The indices of the windows of `size` rows that cover offsets start..end (inclusive). */
export function windowsCovering(start: number, end: number, size: number): number[] {
  const first = Math.max(0, Math.floor(start / size));
  const last = Math.max(first, Math.floor(Math.max(start, end) / size));
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** Whether `incoming` may replace `known`: the same or a later `modified` (an older event arriving late loses). */
export function isNewer(incoming: Video, known: Video): boolean {
  return Date.parse(incoming.modified) >= Date.parse(known.modified);
}

/** How many videos a filter matches, from the engine's totals; null when the totals cannot say (a search). */
export function totalFor(filter: { state: VideoState | null; search: string }, totals: QueueTotals): number | null {
  if (filter.search) return null;
  return filter.state ? totals.byState[filter.state] : totals.total;
}

export function countsChanged(before: QueueTotals | null, after: QueueTotals): boolean {
  if (!before) return true;
  return Object.entries(after.byState).some(([state, n]) => before.byState[state as VideoState] !== n);
}

/**
 * Puts a window's uids at its offsets. The windows are loaded at different moments, and the list
 * may move in between (a video added on top, one moved to the top), so another offset may still
 * hold one of these uids: that copy is stale and becomes a hole (a uid is in one row only).
 * Answers the new rows and the windows that lost a row, to be asked for again.
 */
export function placeWindow(
  before: readonly (string | undefined)[],
  uids: readonly string[],
  at: { index: number; size: number; total: number },
): { rows: (string | undefined)[]; stale: number[] } {
  const rows = before.slice(0, at.total);
  rows.length = at.total;
  const start = at.index * at.size;
  const incoming = new Set(uids);
  const stale = new Set<number>();
  rows.forEach((uid, offset) => {
    if (uid === undefined || !incoming.has(uid)) return;
    if (offset >= start && offset < start + uids.length) return;
    rows[offset] = undefined;
    stale.add(Math.floor(offset / at.size));
  });
  uids.forEach((uid, i) => (rows[start + i] = uid));
  return { rows, stale: [...stale] };
}

/**
 * The loaded windows to forget so that at most `keep` stay, farthest from the screen first; the
 * windows on screen (`first`..`last`) always stay. What a long scroll loaded is let go, so the
 * store's size (and the cost of copying it on each event) follows the screen, not the queue.
 */
export function windowsToForget(loaded: Iterable<number>, first: number, last: number, keep: number): number[] {
  const distance = (window: number) => (window < first ? first - window : window > last ? window - last : 0);
  const farthestFirst = [...loaded].sort((a, b) => distance(b) - distance(a));
  return farthestFirst.slice(0, Math.max(0, farthestFirst.length - keep)).filter((window) => distance(window) > 0);
}
