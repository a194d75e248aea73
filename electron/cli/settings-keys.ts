/**
 * The settings `ferry settings` reads and writes, by the key a user types: how each is read from
 * the contract's Settings, shown, and turned from text into a `setSettings` patch. Ranges are the
 * contract schema's to check. Pure.
 */
import type { Settings, SettingsPatch } from '../../shared/api';
import { formatBytes } from '../../shared/format-units';
import { UsageError } from './cli-context';
import { parseBytes, parseNumber, parseSwitch } from './parse-values';

export interface SettingKey {
  summary: string;
  read(settings: Settings): unknown;
  show(value: unknown): string;
  /** Absent for a setting Ferry makes itself. */
  patch?(text: string, current: Settings): SettingsPatch;
}

type Limit = keyof Settings['concurrency'];

const limit = (name: Limit, summary: string): SettingKey => ({
  summary,
  read: (settings) => settings.concurrency[name],
  show: String,
  patch: (text, current) => ({
    concurrency: { ...current.concurrency, [name]: parseNumber(`concurrency.${name}`, text) },
  }),
});

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
    show: (value) => `${String(value)} (${formatBytes(Number(value))})`,
    patch: (text) => ({ minFreeDiskBytes: parseBytes('minFreeDiskBytes', text) }),
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
  webhookSecret: {
    summary: 'signs every webhook; made by Ferry for this data directory (read only)',
    read: (settings) => settings.webhookSecret,
    show: String,
  },
};

export function settingKey(key: string): SettingKey {
  const found = Object.hasOwn(settingKeys, key) ? settingKeys[key] : undefined;
  if (!found) throw new UsageError(`Unknown setting "${key}". Settings: ${Object.keys(settingKeys).join(', ')}.`);
  return found;
}
