/** The tray icon's file, tooltip and menu, from the queue's totals. Pure. */
import type { MenuItemConstructorOptions } from 'electron';
import type { QueueTotals } from '../../shared/api';

export interface TrayActions {
  show(): void;
  pauseAll(): void;
  resumeAll(): void;
  quit(): void;
}

/**
 * macOS tints a template image for light and dark menu bars itself; elsewhere a colour icon is
 * picked for the bar's darkness (files in resources/, shipped as extraResources `tray/`).
 */
export function trayIconFile(platform: NodeJS.Platform, darkBar: boolean): string {
  if (platform === 'darwin') return 'trayTemplate.png';
  return darkBar ? 'tray-dark.png' : 'tray-light.png';
}

/**
 * Whether closing the last window quits. On Windows Ferry works on in the tray; macOS apps stay
 * in the dock. Many Linux desktops show no tray, where a hidden Ferry could not be quit.
 */
export const quitsWithLastWindow = (platform: NodeJS.Platform): boolean => platform === 'linux';

/** One line on what the queue is doing, for the tooltip and the menu's first item. */
export function traySummary(totals: QueueTotals): string {
  const { byState, queue } = totals;
  const working = byState.downloading + byState.inprogress;
  const parts = [
    working > 0 ? `${working} working` : '',
    byState.queued > 0 ? `${byState.queued} waiting` : '',
    byState.error > 0 ? `${byState.error} failed` : '',
  ].filter(Boolean);
  const state = queue.paused ? 'Paused' : queue.lowDiskSpace ? 'Paused: low disk space' : '';
  const counts = parts.length > 0 ? parts.join(', ') : `${byState.ready} ready`;
  return state ? `${state} (${counts})` : counts;
}

export function trayMenu(totals: QueueTotals, actions: TrayActions): MenuItemConstructorOptions[] {
  const paused = totals.queue.paused;
  return [
    { label: traySummary(totals), enabled: false },
    { type: 'separator' },
    { label: 'Show Ferry', click: () => actions.show() },
    paused
      ? { label: 'Resume All', click: () => actions.resumeAll() }
      : { label: 'Pause All', click: () => actions.pauseAll() },
    { type: 'separator' },
    { label: 'Quit Ferry', click: () => actions.quit() },
  ];
}
