/**
 * How many of the selected videos each bulk action would change, by the same rules as a row's
 * actions (video-text.ts): the bar offers an action only where it changes at least one video, and
 * says how many ("Pause 3", "Retry 2"). Pure.
 */
import type { Video } from '../../../../shared/video';
import type { VideoState } from '../../../../shared/video-states';
import { actionsFor } from './video-text';

export const bulkActions = ['pause', 'resume', 'cancel', 'retry', 'remove'] as const;
export type BulkAction = (typeof bulkActions)[number];

export type StateCounts = Partial<Record<VideoState, number>>;

const isBulk = (action: string): action is BulkAction => (bulkActions as readonly string[]).includes(action);

/** Each action's count, from how many selected videos are in each state. */
export function bulkCounts(byState: StateCounts): Record<BulkAction, number> {
  const counts: Record<BulkAction, number> = { pause: 0, resume: 0, cancel: 0, retry: 0, remove: 0 };
  for (const [state, count] of Object.entries(byState) as [VideoState, number][]) {
    for (const action of actionsFor(state)) if (isBulk(action)) counts[action] += count;
  }
  return counts;
}

/** The selected videos each action applies to (a removal, to every one). */
export function uidsFor(action: BulkAction, videos: readonly Video[]): string[] {
  return videos.filter((video) => actionsFor(video.status.state).includes(action)).map((video) => video.uid);
}

export function countStates(videos: readonly Video[]): StateCounts {
  const byState: StateCounts = {};
  for (const video of videos) byState[video.status.state] = (byState[video.status.state] ?? 0) + 1;
  return byState;
}
