/**
 * The queue as the desktop shows it outside the window: the tray (counts, pause/resume), the
 * dock or taskbar progress, and no system sleep while work runs. Decisions: queue-activity.ts
 * and tray-menu.ts.
 */
import path from 'node:path';
import { Menu, nativeTheme, powerSaveBlocker, Tray, type BrowserWindow } from 'electron';
import type { QueueTotals } from '../../shared/api';
import type { AppEngine } from './app-engine';
import { keepAwake, queueProgress, type Batch } from './queue-activity';
import { trayIconFile, trayMenu, traySummary, type TrayActions } from './tray-menu';

export interface Indicators {
  /** The totals last seen, for the question before quitting. */
  latest(): QueueTotals | undefined;
  close(): void;
}

export function showQueueIndicators(
  engine: AppEngine,
  iconsDir: string,
  windows: () => BrowserWindow[],
  actions: TrayActions,
): Indicators {
  const iconPath = (): string => path.join(iconsDir, trayIconFile(process.platform, nativeTheme.shouldUseDarkColors));
  const tray = new Tray(iconPath());
  let latest: QueueTotals | undefined;
  let batch: Batch | null = null;
  let blocker: number | undefined;

  const show = (totals: QueueTotals): void => {
    latest = totals;
    tray.setToolTip(`Ferry: ${traySummary(totals)}`);
    tray.setContextMenu(Menu.buildFromTemplate(trayMenu(totals, actions)));
    const progress = queueProgress(batch, totals);
    batch = progress.batch;
    for (const window of windows()) window.setProgressBar(progress.fraction, { mode: progress.mode });
    if (keepAwake(totals) && blocker === undefined) blocker = powerSaveBlocker.start('prevent-app-suspension');
    if (!keepAwake(totals) && blocker !== undefined) {
      powerSaveBlocker.stop(blocker);
      blocker = undefined;
    }
  };

  const onTheme = (): void => tray.setImage(iconPath());
  nativeTheme.on('updated', onTheme);
  tray.on('click', actions.show);
  const off = engine.on('totals', show);
  engine.totals().then(show, (error: unknown) => {
    tray.setToolTip(`Ferry: ${error instanceof Error ? error.message : String(error)}`);
  });
  return {
    latest: () => latest,
    close() {
      off();
      nativeTheme.off('updated', onTheme);
      if (blocker !== undefined) powerSaveBlocker.stop(blocker);
      tray.destroy();
    },
  };
}
