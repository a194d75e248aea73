/** Turns `ferry ingest` flags into the engine's IngestOptions, or a UsageError naming the flag. Pure. */
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

export function parseIngestOptions(flags: IngestFlags): IngestOptions {
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
