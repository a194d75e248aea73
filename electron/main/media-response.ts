/**
 * The status and headers that answer a media request for a file of a given size: the whole file
 * (200), the range asked for (206) or none (416). Players and hls.js seek with ranges. Pure.
 */
import { byteRange } from '../server/byte-range';

export interface MediaAnswer {
  status: 200 | 206 | 416;
  headers: Record<string, string>;
  /** The bytes to read, inclusive; none for a 416. */
  range?: { start: number; end: number };
}

/**
 * hls.js fetches from the app's page, another origin than ferry-media://, so answers carry CORS
 * headers. Only the app's own window can reach the scheme: it is registered on its session alone.
 */
export const mediaCorsHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD',
  'Access-Control-Allow-Headers': 'Range',
  'Access-Control-Expose-Headers': 'Content-Length, Content-Range, Accept-Ranges',
};

export function mediaAnswer(
  rangeHeader: string | null,
  size: number,
  file: { contentType: string; cacheControl: string },
): MediaAnswer {
  const common = { ...mediaCorsHeaders, 'Accept-Ranges': 'bytes', 'Cache-Control': file.cacheControl };
  const range = byteRange(rangeHeader ?? undefined, size);
  if (range === 'unsatisfiable') {
    return { status: 416, headers: { ...common, 'Content-Range': `bytes */${size}` } };
  }
  if (range === undefined) {
    const whole = size === 0 ? undefined : { start: 0, end: size - 1 };
    return {
      status: 200,
      headers: { ...common, 'Content-Type': file.contentType, 'Content-Length': String(size) },
      ...(whole && { range: whole }),
    };
  }
  return {
    status: 206,
    headers: {
      ...common,
      'Content-Type': file.contentType,
      'Content-Length': String(range.end - range.start + 1),
      'Content-Range': `bytes ${range.start}-${range.end}/${size}`,
    },
    range,
  };
}
