/** How a video reads in the queue: its state's label, its name, where it came from, what can be done to it. */
import { formatBytes } from '../../../../shared/format-units';
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

/** Rarer actions, kept in the row's menu so the row's buttons fit a narrow window. */
const inMenu: readonly RowAction[] = ['moveToTop', 'remove'];

/** A row's actions: the common ones as buttons, the rarer ones in its "More actions" menu. */
export function rowActionsFor(state: VideoState): { buttons: RowAction[]; menu: RowAction[] } {
  const actions = actionsFor(state);
  return {
    buttons: actions.filter((action) => !inMenu.includes(action)),
    menu: actions.filter((action) => inMenu.includes(action)),
  };
}

/** How far a download is, in bytes, when its size is known: "12.5 MiB of 50.0 MiB". */
export function bytesText(video: Video): string | null {
  if (video.size < 0) return null;
  if (video.status.state !== 'downloading') return formatBytes(video.size);
  const done = (video.size * Math.min(100, Math.max(0, video.status.pctComplete))) / 100;
  return `${formatBytes(done)} of ${formatBytes(video.size)}`;
}

export const actionLabels: Record<RowAction, string> = {
  pause: 'Pause',
  resume: 'Resume',
  cancel: 'Cancel',
  retry: 'Retry',
  remove: 'Remove',
  moveToTop: 'Move to top',
};
