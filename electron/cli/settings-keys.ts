/**
 * The settings `ferry settings` reads and writes, by the key a user types: how each is read from
 * the contract's Settings, shown, and turned from text into a `setSettings` patch. Ranges are the
 * contract schema's to check. Pure.
 */
import type { Settings } from '../../shared/api';
import { formatBytes } from '../../shared/format-units';
import { UsageError } from './cli-context';
import { deliverToKey, maxUploadKey } from './settings-delivery';
import { downloadHoursKey, maxDownloadKey } from './settings-download';
import { parseLadder } from './parse-ingest-options';
import { parseBytes, parseNumber, parseSwitch } from './parse-values';
import type { SettingKey } from './setting-key';
import { transcodeKeys } from './settings-transcode';

type Limit = keyof Settings['concurrency'];

const limit = (name: Limit, summary: string): SettingKey => ({
  summary,
  read: (settings) => settings.concurrency[name],
  show: String,
  patch: (text, current) => ({
    concurrency: { ...current.concurrency, [name]: parseNumber(`concurrency.${name}`, text) },
  }),
});

const showBytes = (value: unknown) => `${String(value)} (${formatBytes(Number(value))})`;

/** Words that clear the webhook URL. */
const cleared = ['none', 'off', ''];

export const settingKeys: Readonly<Record<string, SettingKey>> = {
  webhookUrl: {
    summary: 'http(s) URL that gets a signed POST when a video is ready or fails; none turns webhooks off',
    read: (settings) => settings.webhookUrl,
    show: (value) => (value === null ? 'none' : String(value)),
    patch: (text) => ({ webhookUrl: cleared.includes(text.trim().toLowerCase()) ? null : text.trim() }),
  },
  'concurrency.downloads': limit('downloads', 'downloads at once (1 to 32)'),
  'concurrency.downloadsPerHost': limit('downloadsPerHost', 'downloads at once from one host (1 to 16)'),
  'concurrency.transcodes': limit('transcodes', 'transcodes at once (1 to 8)'),
  'concurrency.deliveries': limit('deliveries', 'uploads to delivery targets at once (1 to 16)'),
  minFreeDiskBytes: {
    summary: 'the queue pauses while the data directory has less free space (2GiB, 500MB or bytes)',
    read: (settings) => settings.minFreeDiskBytes,
    show: showBytes,
    patch: (text) => ({ minFreeDiskBytes: parseBytes('minFreeDiskBytes', text) }),
  },
  'uploads.maxSizeBytes': {
    summary: 'the largest file ferry serve takes by TUS upload (200GiB, 5GB or bytes)',
    read: (settings) => settings.uploads.maxSizeBytes,
    show: showBytes,
    patch: (text) => ({ uploads: { maxSizeBytes: parseBytes('uploads.maxSizeBytes', text) } }),
  },
  keepOriginal: {
    summary: 'keep a downloaded original once its video is ready (true or false); files you add are always kept',
    read: (settings) => settings.keepOriginal,
    show: String,
    patch: (text) => ({ keepOriginal: parseSwitch('keepOriginal', text) }),
  },
  'serve.enabled': {
    summary: "the desktop app's own ferry serve on 127.0.0.1 (true or false; off by default)",
    read: (settings) => settings.serve.enabled,
    show: String,
    patch: (text, current) => ({ serve: { ...current.serve, enabled: parseSwitch('serve.enabled', text) } }),
  },
  'serve.port': {
    summary: "the port of the desktop app's own ferry serve (default 8787)",
    read: (settings) => settings.serve.port,
    show: String,
    patch: (text, current) => ({ serve: { ...current.serve, port: parseNumber('serve.port', text) } }),
  },
  'defaults.ladder': {
    summary: 'renditions of videos added without --ladder: auto, or heights such as 1080,720,480',
    read: (settings) => settings.defaults.ladder,
    show: (value) => (Array.isArray(value) ? value.join(',') : String(value)),
    patch: (text, current) => ({ defaults: { ...current.defaults, ladder: parseLadder(text.trim()) } }),
  },
  'defaults.thumbnailTimestampPct': {
    summary: 'where the thumbnail of videos added without their own is taken, 0 to 1 of the duration',
    read: (settings) => settings.defaults.thumbnailTimestampPct,
    show: String,
    patch: (text, current) => ({
      defaults: { ...current.defaults, thumbnailTimestampPct: parseNumber('defaults.thumbnailTimestampPct', text) },
    }),
  },
  ...transcodeKeys,
  'ui.theme': {
    summary: "the app's look: system, light or dark",
    read: (settings) => settings.ui.theme,
    show: String,
    // The schema names the allowed words when it refuses another.
    patch: (text, current) => ({ ui: { ...current.ui, theme: text.trim().toLowerCase() as Settings['ui']['theme'] } }),
  },
  'ui.density': {
    summary: "the queue's rows: comfortable or compact (16 rows at 1280×800)",
    read: (settings) => settings.ui.density ?? 'comfortable',
    show: String,
    patch: (text, current) => ({
      ui: { ...current.ui, density: text.trim().toLowerCase() as NonNullable<Settings['ui']['density']> },
    }),
  },
  'ui.watchClipboard': {
    summary: 'the app offers links copied in other apps (true or false; off by default)',
    read: (settings) => settings.ui.watchClipboard,
    show: String,
    patch: (text, current) => ({ ui: { ...current.ui, watchClipboard: parseSwitch('ui.watchClipboard', text) } }),
  },
  'delivery.deliverTo': deliverToKey,
  'delivery.maxUploadBytesPerSecond': maxUploadKey,
  'download.maxBytesPerSecond': maxDownloadKey,
  'download.hours': downloadHoursKey,
  webhookSecret: {
    summary: 'signs every webhook; made by Ferry for this data directory (read only)',
    read: (settings) => settings.webhookSecret,
    show: String,
  },
  library: {
    summary:
      'where finished videos are kept; a PATH (an empty or new folder) moves them there: copied, checked, switched to, old copies removed',
    read: (settings) => settings.library,
    show: String,
  },
};

export function settingKey(key: string): SettingKey {
  const found = Object.hasOwn(settingKeys, key) ? settingKeys[key] : undefined;
  if (!found) throw new UsageError(`Unknown setting "${key}". Settings: ${Object.keys(settingKeys).join(', ')}.`);
  return found;
}
