/**
 * The download.* keys of `ferry settings`: how fast all link downloads together may receive, and
 * the hours they may run in (22:00-07:00). Pure; the contract's schema checks the times.
 */
import { formatBytes } from '../../shared/format-units';
import { UsageError } from './cli-context';
import { parseBytesPerSecond } from './settings-delivery';
import type { SettingKey } from './setting-key';

/** Words that mean "at any time". */
const anyTime = ['', 'none', 'off', 'any', 'always'];

export const maxDownloadKey: SettingKey = {
  summary: 'the most all downloads together receive: 5MB/s, 800KiB/s, bytes a second, or none',
  read: (settings) => settings.download.maxBytesPerSecond,
  show: (value) => (typeof value === 'number' ? `${value} (${formatBytes(value)}/s)` : 'none'),
  patch: (text, current) => ({
    download: { ...current.download, maxBytesPerSecond: parseBytesPerSecond('download.maxBytesPerSecond', text) },
  }),
};

/** "22:00-07:00" as the hours, or null for any time. */
export function parseHours(text: string): { start: string; end: string } | null {
  if (anyTime.includes(text.trim().toLowerCase())) return null;
  const [, start, end] = /^\s*(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})\s*$/.exec(text) ?? [];
  if (start === undefined || end === undefined)
    throw new UsageError(`download.hours takes two times such as 22:00-07:00, or none for any time; not "${text}".`);
  const pad = (time: string) => time.padStart(5, '0');
  return { start: pad(start), end: pad(end) };
}

export const downloadHoursKey: SettingKey = {
  summary: 'downloads start only between these local times, e.g. 22:00-07:00 (past midnight); none for any time',
  read: (settings) => settings.download.hours,
  show: (value) => {
    const hours = value as { start: string; end: string } | null;
    return hours ? `${hours.start}-${hours.end}` : 'any time';
  },
  patch: (text, current) => ({ download: { ...current.download, hours: parseHours(text) } }),
};
