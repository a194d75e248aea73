/** The upload tray's words: a file's progress and the tray's summary, as people read them. Pure. */
import { formatBytes, formatDuration } from '../../../../shared/format-units';
import { percent, secondsLeft, type TrayItem, type TrayTotals } from './tray-items';

const files = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'file' : 'files'}`;

/** `45% · 12.0 MiB of 27.0 MiB · 5.2 MiB/s · 3s left`; speed and time once measured. */
function progress(sent: number, size: number, speed: number, left: number | null): string {
  const parts = [`${percent(sent, size)}%`, `${formatBytes(sent)} of ${formatBytes(size)}`];
  if (speed > 0) parts.push(`${formatBytes(speed)}/s`);
  if (left !== null) parts.push(`${formatDuration(left)} left`);
  return parts.join(' · ');
}

export const itemProgress = (item: TrayItem): string => progress(item.sent, item.size, item.speed, secondsLeft(item));

export function itemStatus(item: TrayItem): string {
  switch (item.state) {
    case 'checking':
      return 'Checking whether it is in Ferry already…';
    case 'already':
      return item.match?.inTray
        ? `Already added here as ${item.match.name}`
        : `Already in Ferry as ${item.match?.name || 'another video'}`;
    case 'waiting':
      return `Waiting · ${formatBytes(item.size)}`;
    case 'uploading':
      return itemProgress(item);
    case 'done':
      return `Uploaded ${formatBytes(item.size)}; queued`;
    case 'failed':
      return `Upload failed: ${item.message ?? 'no reason given'}. Check that Ferry is still running, then retry.`;
    case 'canceled':
      return 'Canceled: not queued';
    case 'skipped':
      return `Skipped: ${item.message ?? ''}`;
  }
}

export function traySummary(totals: TrayTotals): string {
  if (totals.active > 0)
    return `Uploading ${files(totals.active)} · ${progress(totals.sent, totals.size, totals.speed, totals.secondsLeft)}`;
  const parts: string[] = [];
  if (totals.asking > 0) parts.push(`${files(totals.asking)} already in Ferry: add again or skip`);
  if (totals.done > 0) parts.push(`${files(totals.done)} uploaded`);
  if (totals.stopped > 0) parts.push(`${files(totals.stopped)} not uploaded`);
  if (totals.skipped > 0) parts.push(`${files(totals.skipped)} skipped`);
  return parts.join(' · ');
}
