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

/** The last part of a path, whichever separator the system that wrote it used. */
const lastPart = (path: string): string => path.split(/[\\/]/).pop() ?? '';

/**
 * A file ferry serve took as an upload: stored under the video's own uid. A browser is never
 * told a file's path (shown-video.ts), and adds files only by uploading them.
 */
const isUpload = (video: Video): boolean =>
  video.source.kind === 'file' && (!video.source.path || lastPart(video.source.path) === video.uid);

/** The link as the user gave it (`downloaded-from`): the link fetched may be a share service's download form. */
const linkOf = (video: Video): string => video.meta['downloaded-from'] ?? video.source.url ?? '';

function hostOf(link: string): string {
  try {
    return new URL(link).host || link;
  } catch {
    // Not a URL the browser can parse: shown as given.
    return link;
  }
}

/** The video's name; before it has one, what it is and where from (never its uid, an upload's id or a whole link). */
export function videoTitle(video: Video): string {
  if (video.meta.name) return video.meta.name;
  if (isUpload(video)) return 'Untitled upload';
  if (video.source.kind === 'file') return lastPart(video.source.path ?? '') || 'Untitled video';
  return `Video from ${hostOf(linkOf(video))}`;
}

/** Where the video came from, in a user's words: the link's host, "Uploaded", or the local file's folder. */
export function sourceLabel(video: Video): string {
  if (isUpload(video)) return 'Uploaded';
  if (video.source.kind === 'file') {
    const parts = (video.source.path ?? '').split(/[\\/]/).filter(Boolean);
    return parts.at(-2) ?? '/';
  }
  return hostOf(linkOf(video));
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
