/**
 * What the settings screen's sections send: the user's text turned into a SettingsPatch in the
 * engine's units (bytes, fractions), or the fields that are not numbers at all. Ranges are the
 * engine's to check, so its own message is what the user reads next to the field.
 */
import type { Settings, SettingsPatch } from '../../../../shared/api';

/** The heights offered for a chosen ladder, here and in the add sheets, tallest first; none is ever upscaled. */
export const ladderHeights = [2160, 1440, 1080, 720, 480, 360, 240] as const;

const GiB = 1024 ** 3;

/** Field messages by the setting's path in the patch (`concurrency.downloads`), as the engine's issues name them. */
export type FieldIssues = Record<string, string>;

export type Parsed = { ok: true; patch: SettingsPatch } | { ok: false; issues: FieldIssues };

/** A number the user typed, or null when the text is not one (empty included). */
export function readNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/** Reads each field as a number; the ones that are not get an issue at their path. */
function readNumbers<K extends string>(fields: Record<K, { path: string; text: string }>) {
  const values = {} as Record<K, number>;
  const issues: FieldIssues = {};
  for (const [key, { path, text }] of Object.entries(fields) as [K, { path: string; text: string }][]) {
    const value = readNumber(text);
    if (value === null) issues[path] = 'needs a number';
    else values[key] = value;
  }
  return { values, issues, ok: Object.keys(issues).length === 0 };
}

const bytesToGiB = (bytes: number) => String(Math.round((bytes / GiB) * 100) / 100);
const fractionToPercent = (fraction: number) => String(Math.round(fraction * 1000) / 10);

/** The ladder with `height` in or out, tallest first. */
export function toggleHeight(heights: readonly number[], height: number, on: boolean): number[] {
  const others = heights.filter((h) => h !== height);
  return (on ? [...others, height] : others).sort((a, b) => b - a);
}

export interface WorkDraft {
  downloads: string;
  downloadsPerHost: string;
  transcodes: string;
  deliveries: string;
  minFreeGiB: string;
}

export function workDraft(settings: Settings): WorkDraft {
  const c = settings.concurrency;
  return {
    downloads: String(c.downloads),
    downloadsPerHost: String(c.downloadsPerHost),
    transcodes: String(c.transcodes),
    deliveries: String(c.deliveries),
    minFreeGiB: bytesToGiB(settings.minFreeDiskBytes),
  };
}

export function workPatch(draft: WorkDraft): Parsed {
  const read = readNumbers({
    downloads: { path: 'concurrency.downloads', text: draft.downloads },
    downloadsPerHost: { path: 'concurrency.downloadsPerHost', text: draft.downloadsPerHost },
    transcodes: { path: 'concurrency.transcodes', text: draft.transcodes },
    deliveries: { path: 'concurrency.deliveries', text: draft.deliveries },
    minFreeGiB: { path: 'minFreeDiskBytes', text: draft.minFreeGiB },
  });
  if (!read.ok) return { ok: false, issues: read.issues };
  const { minFreeGiB, ...concurrency } = read.values;
  return { ok: true, patch: { concurrency, minFreeDiskBytes: Math.round(minFreeGiB * GiB) } };
}

export interface NewVideosDraft {
  auto: boolean;
  heights: number[];
  thumbnailPercent: string;
  keepOriginal: boolean;
}

export function newVideosDraft(settings: Settings): NewVideosDraft {
  const { ladder, thumbnailTimestampPct } = settings.defaults;
  return {
    auto: ladder === 'auto',
    heights: ladder === 'auto' ? [1080, 720, 480] : [...ladder],
    thumbnailPercent: fractionToPercent(thumbnailTimestampPct),
    keepOriginal: settings.keepOriginal,
  };
}

export function newVideosPatch(draft: NewVideosDraft): Parsed {
  const percent = readNumber(draft.thumbnailPercent);
  // The engine counts in fractions of the duration; a percentage is checked here so the message speaks percent.
  if (percent === null || percent < 0 || percent > 100)
    return { ok: false, issues: { 'defaults.thumbnailTimestampPct': 'must be a percentage from 0 to 100' } };
  return {
    ok: true,
    patch: {
      defaults: { ladder: draft.auto ? 'auto' : draft.heights, thumbnailTimestampPct: percent / 100 },
      keepOriginal: draft.keepOriginal,
    },
  };
}

export function servePatch(enabled: boolean, portText: string): Parsed {
  const port = readNumber(portText);
  if (port === null) return { ok: false, issues: { 'serve.port': 'needs a number' } };
  return { ok: true, patch: { serve: { enabled, port } } };
}

/** An empty URL turns webhooks off. */
export function webhookPatch(urlText: string): SettingsPatch {
  const url = urlText.trim();
  return { webhookUrl: url === '' ? null : url };
}
