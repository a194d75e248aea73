/**
 * The settings screen's fields, one at a time: the saved value in the user's units (GiB, percent,
 * MiB/s), and what the user typed turned back into a patch in the engine's units (bytes,
 * fractions), made from the settings as saved when it is sent so that the field's neighbours in
 * the same group keep their values. Ranges are the engine's to check, so its own message is what
 * the user reads next to the field; only what the engine cannot see (a unit, a percentage) is
 * checked here, in the field's own words.
 */
import type { Settings, SettingsPatch } from '../../../../shared/api';

/** The heights offered for a chosen ladder, here and in the add sheets, tallest first; none is ever upscaled. */
export const ladderHeights = [2160, 1440, 1080, 720, 480, 360, 240] as const;

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

/** What a field's text becomes: a patch to send, or why it is not one (said without asking the engine). */
export type FieldParse = { ok: true; patch: (current: Settings) => SettingsPatch } | { ok: false; issue: string };

/** A field of the screen: where the engine's issues name it, its saved value as shown, and its parse. */
export interface FieldSpec {
  path: string;
  shown(settings: Settings): string;
  parse(text: string): FieldParse;
}

/** A number the user typed, or null when the text is not one (empty included). */
export function readNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

const rounded = (value: number, places: number) => String(Math.round(value * 10 ** places) / 10 ** places);

/** The ladder with `height` in or out, tallest first. */
export function toggleHeight(heights: readonly number[], height: number, on: boolean): number[] {
  const others = heights.filter((h) => h !== height);
  return (on ? [...others, height] : others).sort((a, b) => b - a);
}

export type ConcurrencyKey = keyof Settings['concurrency'];

export function concurrencyField(key: ConcurrencyKey): FieldSpec {
  return {
    path: `concurrency.${key}`,
    shown: (s) => String(s.concurrency[key]),
    parse(text) {
      const value = readNumber(text);
      if (value === null) return { ok: false, issue: 'needs a number' };
      return { ok: true, patch: (s) => ({ concurrency: { ...s.concurrency, [key]: value } }) };
    },
  };
}

export const minFreeDiskField: FieldSpec = {
  path: 'minFreeDiskBytes',
  shown: (s) => rounded(s.minFreeDiskBytes / GiB, 2),
  parse(text) {
    const gib = readNumber(text);
    if (gib === null) return { ok: false, issue: 'needs a number of GiB' };
    return { ok: true, patch: () => ({ minFreeDiskBytes: Math.round(gib * GiB) }) };
  },
};

export const thumbnailField: FieldSpec = {
  path: 'defaults.thumbnailTimestampPct',
  shown: (s) => rounded(s.defaults.thumbnailTimestampPct * 100, 1),
  parse(text) {
    const percent = readNumber(text);
    // The engine counts in fractions of the duration; a percentage is checked here so the message speaks percent.
    if (percent === null || percent < 0 || percent > 100)
      return { ok: false, issue: 'must be a percentage from 0 to 100' };
    return { ok: true, patch: (s) => ({ defaults: { ...s.defaults, thumbnailTimestampPct: percent / 100 } }) };
  },
};

/** The engine's floor for both limits (shared/validate-command.ts): 64 KiB a second. */
const leastBytesPerSecond = 64 * 1024;

/** A limit typed in MiB/s (the unit every speed in Ferry is shown in), empty for none. */
function readLimit(text: string): { ok: true; bytes: number | null } | { ok: false; issue: string } {
  if (text.trim() === '') return { ok: true, bytes: null };
  const mib = readNumber(text);
  if (mib === null) return { ok: false, issue: 'needs a number of MiB/s, or nothing for no limit' };
  const bytes = Math.round(mib * MiB);
  // Checked here so that the message speaks MiB/s, the field's unit, not bytes.
  if (bytes < leastBytesPerSecond)
    return { ok: false, issue: 'must be at least 0.0625 MiB/s (64 KiB/s), or empty for no limit' };
  return { ok: true, bytes };
}

/** A limit field's saved value in a sentence. */
export const limitText = (mib: string) => (mib === '' ? 'no limit' : `${mib} MiB/s`);

const limitShown = (bytes: number | null) => (bytes === null ? '' : rounded(bytes / MiB, 3));

/** A limit field: MiB/s shown, bytes per second saved, empty for no limit. */
function limitField(
  path: string,
  saved: (s: Settings) => number | null,
  patch: (s: Settings, bytes: number | null) => SettingsPatch,
): FieldSpec {
  return {
    path,
    shown: (s) => limitShown(saved(s)),
    parse(text) {
      const limit = readLimit(text);
      if (!limit.ok) return limit;
      return { ok: true, patch: (s) => patch(s, limit.bytes) };
    },
  };
}

export const uploadLimitField = limitField(
  'delivery.maxUploadBytesPerSecond',
  (s) => s.delivery.maxUploadBytesPerSecond,
  (s, bytes) => ({ delivery: { ...s.delivery, maxUploadBytesPerSecond: bytes } }),
);

export const downloadLimitField = limitField(
  'download.maxBytesPerSecond',
  (s) => s.download.maxBytesPerSecond,
  (s, bytes) => ({ download: { ...s.download, maxBytesPerSecond: bytes } }),
);

/** The hours offered when the user first limits downloads to some: the night. */
export const nightHours = { start: '22:00', end: '07:00' };

export function hoursField(end: 'start' | 'end'): FieldSpec {
  return {
    path: 'download.hours',
    shown: (s) => (s.download.hours ?? nightHours)[end],
    parse(text) {
      return {
        ok: true,
        patch: (s) => ({ download: { ...s.download, hours: { ...(s.download.hours ?? nightHours), [end]: text } } }),
      };
    },
  };
}

export const servePortField: FieldSpec = {
  path: 'serve.port',
  shown: (s) => String(s.serve.port),
  parse(text) {
    const port = readNumber(text);
    if (port === null) return { ok: false, issue: 'needs a number' };
    return { ok: true, patch: (s) => ({ serve: { ...s.serve, port } }) };
  },
};

/** An empty URL turns webhooks off. */
export const webhookField: FieldSpec = {
  path: 'webhookUrl',
  shown: (s) => s.webhookUrl ?? '',
  parse(text) {
    const url = text.trim();
    return { ok: true, patch: () => ({ webhookUrl: url === '' ? null : url }) };
  },
};

/** The target in or out, in the order the targets are listed. */
export function toggleTarget(chosen: readonly string[], id: string, on: boolean, listed: readonly string[]): string[] {
  const next = new Set(chosen);
  if (on) next.add(id);
  else next.delete(id);
  return listed.filter((t) => next.has(t));
}
