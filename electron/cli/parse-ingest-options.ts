/**
 * Turns `ferry ingest` (and `ferry import`) flags into the contract's IngestOptions, or a
 * UsageError naming the flag. Only the reading of text is done here: ranges are checked by the
 * contract's schemas at the dispatcher, and `ingestFields` names the flag behind a refused field. Pure.
 */
import type { IngestOptions } from '../../shared/api';
import type { Watermark } from '../../shared/video';
import { fieldsByPrefix } from './call-engine';
import { UsageError } from './cli-context';
import { parseTrim } from './parse-trim';
import type { QualityPreset, VideoCodec } from '../../shared/transcode-presets';
import { parseNumber } from './parse-values';

export interface IngestFlags {
  name?: string;
  meta?: string[];
  ladder?: string;
  preset?: string;
  codec?: string;
  'thumbnail-pct'?: string;
  'max-duration'?: string;
  'max-size'?: string;
  trim?: string;
  watermark?: string;
  'watermark-position'?: string;
  'watermark-opacity'?: string;
  'watermark-scale'?: string;
  'watermark-padding'?: string;
  'no-transcode'?: boolean;
  'delete-after'?: string;
  /** Target ids or names: resolved against the data directory's targets by the command (format-deliveries.ts). */
  deliver?: string[];
  'allow-insecure-redirect'?: boolean;
}

/** The flags behind IngestFlags, for node:util parseArgs (shared by ingest and import). */
export const ingestOptionFlags = {
  meta: { type: 'string', multiple: true },
  ladder: { type: 'string' },
  preset: { type: 'string' },
  codec: { type: 'string' },
  'thumbnail-pct': { type: 'string' },
  'max-duration': { type: 'string' },
  'max-size': { type: 'string' },
  trim: { type: 'string' },
  watermark: { type: 'string' },
  'watermark-position': { type: 'string' },
  'watermark-opacity': { type: 'string' },
  'watermark-scale': { type: 'string' },
  'watermark-padding': { type: 'string' },
  'no-transcode': { type: 'boolean' },
  'delete-after': { type: 'string' },
  deliver: { type: 'string', multiple: true },
  'allow-insecure-redirect': { type: 'boolean' },
} as const;

/** Which flag set each field of the ingest commands' input (addFiles, addLinks, importList). */
export const ingestFields = fieldsByPrefix({
  'options.ladder': '--ladder',
  'options.preset': '--preset',
  'options.codec': '--codec',
  'options.thumbnailTimestampPct': '--thumbnail-pct',
  'options.maxDurationSeconds': '--max-duration',
  'options.maxSizeBytes': '--max-size',
  'options.trim': '--trim',
  'options.watermark': '--watermark',
  'options.watermark.position': '--watermark-position',
  'options.watermark.opacity': '--watermark-opacity',
  'options.watermark.scale': '--watermark-scale',
  'options.watermark.padding': '--watermark-padding',
  'options.meta': '--meta',
  'options.meta.name': '--name',
  'options.scheduledDeletion': '--delete-after',
  'options.deliverTo': '--deliver',
  links: 'a link',
  'links.*.headers': '--header',
  'options.secretHeaders': '--secret-header',
  paths: 'a file',
  path: 'the list',
});

/** A number given to a flag, or `fallback` when the flag is not there. */
function numberFlag(flag: string, text: string | undefined, fallback: number): number;
function numberFlag(flag: string, text: string | undefined): number | undefined;
function numberFlag(flag: string, text: string | undefined, fallback?: number): number | undefined {
  return text === undefined ? fallback : parseNumber(`--${flag}`, text);
}

export function parseLadder(text: string): 'auto' | number[] {
  if (text === 'auto') return 'auto';
  const heights = text.split(',').map((part) => Number(part.trim().replace(/p$/i, '')));
  if (heights.some((h) => !Number.isFinite(h)) || text.trim() === '') {
    throw new UsageError(`--ladder takes "auto" or heights such as 1080,720,480,360, not "${text}".`);
  }
  return heights;
}

/** ISO 8601 only: Date.parse also takes forms like "3/4/2030", whose meaning depends on who reads them. */
const isoDateTime = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/** Whether the calendar has this day (Date.parse turns February 30 into March 2). */
function isCalendarDay(text: string): boolean {
  const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

/** An ISO date or date-time in the future, as a UTC ISO string. A date alone means its midnight, local time. */
export function parseDeleteAfter(text: string, now: number): string {
  // JavaScript reads a bare date as UTC but a bare date-time as local: local midnight is what people mean.
  const local = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00` : text;
  const time = isoDateTime.test(text) && isCalendarDay(text) ? Date.parse(local) : NaN;
  if (Number.isNaN(time)) {
    throw new UsageError(
      `--delete-after takes an ISO date or date-time such as 2030-01-31 or 2030-01-31T18:00Z, not "${text}".`,
    );
  }
  if (time <= now)
    throw new UsageError(`--delete-after must be in the future; ${new Date(time).toISOString()} has passed.`);
  return new Date(time).toISOString();
}

/** `--meta key=value` flags as a map. */
export function parseMeta(pairs: readonly string[]): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError(`--meta takes key=value, not "${pair}".`);
    meta[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return meta;
}

export function parseIngestOptions(flags: IngestFlags, now = Date.now()): IngestOptions {
  const options: IngestOptions = {};
  if (flags.meta?.length) options.meta = parseMeta(flags.meta);
  if (flags.ladder !== undefined) options.ladder = parseLadder(flags.ladder);
  // The contract's schema names the allowed words when it refuses another.
  if (flags.preset !== undefined) options.preset = flags.preset.trim().toLowerCase() as QualityPreset;
  if (flags.codec !== undefined) options.codec = flags.codec.trim().toLowerCase() as VideoCodec;
  const thumbnail = numberFlag('thumbnail-pct', flags['thumbnail-pct']);
  if (thumbnail !== undefined) options.thumbnailTimestampPct = thumbnail;
  const maxDuration = numberFlag('max-duration', flags['max-duration']);
  if (maxDuration !== undefined) options.maxDurationSeconds = maxDuration;
  const maxSize = numberFlag('max-size', flags['max-size']);
  if (maxSize !== undefined) options.maxSizeBytes = maxSize;
  const trim = flags.trim === undefined ? null : parseTrim(flags.trim, { allowNone: false });
  if (trim) options.trim = trim;
  if (flags['no-transcode']) {
    // Without a transcode there is no ladder to shape or image to burn in: saying so beats ignoring the flag.
    const shaping = (['ladder', 'preset', 'codec', 'watermark', 'trim'] as const).find((f) => flags[f] !== undefined);
    if (shaping) throw new UsageError(`--${shaping} needs a transcode; leave out --no-transcode.`);
    options.transcode = false;
  }
  if (flags['allow-insecure-redirect']) options.allowInsecureRedirects = true;
  if (flags['delete-after'] !== undefined) options.scheduledDeletion = parseDeleteAfter(flags['delete-after'], now);

  const watermarkFlags = ['watermark-position', 'watermark-opacity', 'watermark-scale', 'watermark-padding'] as const;
  if (!flags.watermark) {
    const stray = watermarkFlags.find((f) => flags[f] !== undefined);
    if (stray) throw new UsageError(`--${stray} needs --watermark IMAGE.`);
  } else {
    // Cloudflare Stream's watermark defaults; the schema checks the position's name.
    options.watermark = {
      image: flags.watermark,
      position: (flags['watermark-position'] ?? 'upperRight') as Watermark['position'],
      opacity: numberFlag('watermark-opacity', flags['watermark-opacity'], 1),
      scale: numberFlag('watermark-scale', flags['watermark-scale'], 0.15),
      padding: numberFlag('watermark-padding', flags['watermark-padding'], 0.05),
    };
  }
  return options;
}
