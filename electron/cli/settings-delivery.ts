/**
 * The delivery.* keys of `ferry settings`: which targets every finished video goes to, by name or
 * id, and how fast all pushes together may send. Pure.
 */
import { formatBytes } from '../../shared/format-units';
import { UsageError } from './cli-context';
import { resolveTargets } from './format-deliveries';
import { parseBytes } from './parse-values';
import type { SettingKey } from './setting-key';

/** Words that mean "none": no default targets, no upload limit. */
const nothing = ['', 'none', 'off', 'unlimited'];

const ids = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

export const deliverToKey: SettingKey = {
  summary: 'targets every finished video goes to: names or ids, comma-separated; none clears',
  read: (settings) => settings.delivery.deliverTo,
  show: (value, targets) => {
    const list = ids(value).map((id) => {
      const name = targets.find((t) => t.id === id)?.name;
      return name ? `${name} (${id})` : id;
    });
    return list.length > 0 ? list.join(', ') : 'none';
  },
  patch: (text, current, targets) => {
    const given = nothing.includes(text.trim().toLowerCase())
      ? []
      : text
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean);
    return { delivery: { ...current.delivery, deliverTo: resolveTargets(given, targets) } };
  },
};

/** Bytes a second as people write them: 5MB/s, 800 KiB/s, 1000000; none for no limit. */
export function parseBytesPerSecond(where: string, text: string): number | null {
  if (nothing.includes(text.trim().toLowerCase())) return null;
  const bytes = text.trim().replace(/\s*\/\s*s(ec(ond)?)?$/i, '');
  try {
    return parseBytes(where, bytes);
  } catch {
    throw new UsageError(
      `${where} takes a speed such as 5MB/s, 800KiB/s or a number of bytes a second, or none for no limit; not "${text}".`,
    );
  }
}

export const maxUploadKey: SettingKey = {
  summary: 'the most all uploads together send: 5MB/s, 800KiB/s, bytes a second, or none',
  read: (settings) => settings.delivery.maxUploadBytesPerSecond,
  show: (value) => (typeof value === 'number' ? `${value} (${formatBytes(value)}/s)` : 'none'),
  patch: (text, current) => ({
    delivery: {
      ...current.delivery,
      maxUploadBytesPerSecond: parseBytesPerSecond('delivery.maxUploadBytesPerSecond', text),
    },
  }),
};
