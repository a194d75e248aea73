/** How a video reads in the queue: its state's label, its name, where it came from, what can be done to it. */
import type { Video } from '../../../../shared/video';
import type { VideoState } from '../../../../shared/video-states';

export const stateLabels: Record<VideoState, string> = {
  queued: 'Queued',
  downloading: 'Downloading',
  inprogress: 'Processing',
  ready: 'Ready',
  error: 'Failed',
  paused: 'Paused',
  canceled: 'Canceled',
};

export function videoTitle(video: Video): string {
  return video.meta.name || video.source.url || video.source.path || video.uid;
}

/** The file's name, or the link's host: what tells two videos of the same name apart. */
export function sourceLabel(video: Video): string {
  if (video.source.kind === 'file') return video.source.path?.split(/[\\/]/).pop() ?? 'file';
  try {
    return new URL(video.source.url ?? '').host;
  } catch {
    // Not a URL the browser can parse (an s3:// link is): shown as given.
    return video.source.url ?? '';
  }
}

export type RowAction = 'pause' | 'resume' | 'cancel' | 'retry' | 'remove' | 'moveToTop';

const working: readonly VideoState[] = ['queued', 'downloading', 'inprogress'];

/** The actions a video's state allows, in the order the row shows them. */
export function actionsFor(state: VideoState): RowAction[] {
  const actions: RowAction[] = [];
  if (working.includes(state)) actions.push('pause');
  if (state === 'paused') actions.push('resume');
  if (state === 'error' || state === 'canceled') actions.push('retry');
  if (state === 'queued') actions.push('moveToTop');
  if ([...working, 'paused'].includes(state)) actions.push('cancel');
  actions.push('remove');
  return actions;
}

export const actionLabels: Record<RowAction, string> = {
  pause: 'Pause',
  resume: 'Resume',
  cancel: 'Cancel',
  retry: 'Retry',
  remove: 'Remove',
  moveToTop: 'Move to top',
};
