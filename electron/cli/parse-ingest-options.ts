/** Turns `ferry ingest` (and `ferry import`) flags into the engine's IngestOptions, or a UsageError naming the flag. Pure. */
import type { IngestOptions } from '../../shared/api';
import type { Watermark } from '../../shared/video';
import { UsageError } from './cli-context';

export interface IngestFlags {
  name?: string;
  meta?: string[];
  ladder?: string;
  'thumbnail-pct'?: string;
  'max-duration'?: string;
  'max-size'?: string;
  watermark?: string;
  'watermark-position'?: string;
  'watermark-opacity'?: string;
  'watermark-scale'?: string;
  'watermark-padding'?: string;
  'no-transcode'?: boolean;
  'delete-after'?: string;
  /** Target ids or names: resolved against the data directory's targets by the command (format-deliveries.ts). */
  deliver?: string[];
}

/** The flags behind IngestFlags, for node:util parseArgs (shared by ingest and import). */
export const ingestOptionFlags = {
  meta: { type: 'string', multiple: true },
  ladder: { type: 'string' },
  'thumbnail-pct': { type: 'string' },
  'max-duration': { type: 'string' },
  'max-size': { type: 'string' },
  watermark: { type: 'string' },
  'watermark-position': { type: 'string' },
  'watermark-opacity': { type: 'string' },
  'watermark-scale': { type: 'string' },
  'watermark-padding': { type: 'string' },
  'no-transcode': { type: 'boolean' },
  'delete-after': { type: 'string' },
  deliver: { type: 'string', multiple: true },
} as const;

const positions: Watermark['position'][] = ['upperRight', 'upperLeft', 'lowerLeft', 'lowerRight', 'center'];

function fraction(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!(value >= 0 && value <= 1)) throw new UsageError(`--${flag} must be a number from 0 to 1, not "${text}".`);
  return value;
}

function positive(flag: string, text: string | undefined, integer: boolean): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!(value > 0) || (integer && !Number.isInteger(value))) {
    throw new UsageError(`--${flag} must be a positive ${integer ? 'whole number' : 'number'}, not "${text}".`);
  }
  return value;
}

export function parseLadder(text: string): 'auto' | number[] {
  if (text === 'auto') return 'auto';
  const heights = text.split(',').map((part) => Number(part.trim().replace(/p$/i, '')));
  if (heights.length === 0 || heights.some((h) => !Number.isInteger(h) || h < 64 || h > 4320)) {
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

export function parseIngestOptions(flags: IngestFlags, now = Date.now()): IngestOptions {
  const options: IngestOptions = {};
  if (flags.meta?.length) {
    options.meta = {};
    for (const pair of flags.meta) {
      const at = pair.indexOf('=');
      if (at <= 0) throw new UsageError(`--meta takes key=value, not "${pair}".`);
      options.meta[pair.slice(0, at)] = pair.slice(at + 1);
    }
  }
  if (flags.ladder !== undefined) options.ladder = parseLadder(flags.ladder);
  if (flags['thumbnail-pct'] !== undefined)
    options.thumbnailTimestampPct = fraction('thumbnail-pct', flags['thumbnail-pct'], 0);
  const maxDuration = positive('max-duration', flags['max-duration'], false);
  if (maxDuration !== undefined) options.maxDurationSeconds = maxDuration;
  const maxSize = positive('max-size', flags['max-size'], true);
  if (maxSize !== undefined) options.maxSizeBytes = maxSize;
  if (flags['no-transcode']) {
    // Without a transcode there is no ladder to shape or image to burn in: saying so beats ignoring the flag.
    const shaping = (['ladder', 'watermark'] as const).find((f) => flags[f] !== undefined);
    if (shaping) throw new UsageError(`--${shaping} needs a transcode; leave out --no-transcode.`);
    options.transcode = false;
  }
  if (flags['delete-after'] !== undefined) options.scheduledDeletion = parseDeleteAfter(flags['delete-after'], now);

  const watermarkFlags = ['watermark-position', 'watermark-opacity', 'watermark-scale', 'watermark-padding'] as const;
  if (!flags.watermark) {
    const stray = watermarkFlags.find((f) => flags[f] !== undefined);
    if (stray) throw new UsageError(`--${stray} needs --watermark IMAGE.`);
  } else {
    const position = (flags['watermark-position'] ?? 'upperRight') as Watermark['position'];
    if (!positions.includes(position)) {
      throw new UsageError(`--watermark-position must be one of ${positions.join(', ')}, not "${position}".`);
    }
    // Cloudflare Stream's watermark defaults.
    options.watermark = {
      image: flags.watermark,
      position,
      opacity: fraction('watermark-opacity', flags['watermark-opacity'], 1),
      scale: fraction('watermark-scale', flags['watermark-scale'], 0.15),
      padding: fraction('watermark-padding', flags['watermark-padding'], 0.05),
    };
  }
  return options;
}
