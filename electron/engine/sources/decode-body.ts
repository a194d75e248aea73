/**
 * A body compressed in transit (Content-Encoding: gzip, deflate, br), turned back into the file
 * the origin meant, with Node's own zlib. Ferry asks for `identity`; this is for servers that
 * compress anyway.
 */
import type { Transform } from 'node:stream';
import zlib from 'node:zlib';

const decoders: Record<string, () => Transform> = {
  gzip: () => zlib.createGunzip(),
  'x-gzip': () => zlib.createGunzip(),
  // HTTP's "deflate" is the zlib format (RFC 9110 §8.4.1.2), which createInflate reads.
  deflate: () => zlib.createInflate(),
  br: () => zlib.createBrotliDecompress(),
};

/** The codings of a Content-Encoding header, in the order the server applied them; identity left out. */
export function contentCodings(header: string | null): string[] {
  return (header ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
}

/** The first coding Ferry cannot undo, if any (compress, zstd, ...). */
export function unsupportedCoding(codings: string[]): string | undefined {
  return codings.find((coding) => !(coding in decoders));
}

/** Decoders for the codings, the last applied first. */
export function decodersFor(codings: string[]): Transform[] {
  return [...codings].reverse().map((coding) => {
    const make = decoders[coding];
    if (!make) throw new Error(`No decoder for Content-Encoding ${coding}.`);
    return make();
  });
}

/**
 * Whether an error came out of a decoder, and if so whether the compressed body was cut short
 * (Z_BUF_ERROR: the connection ended early, fetch it again) or is not what it claims (final).
 */
export function decodeFailure(error: unknown): 'truncated' | 'corrupt' | null {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code === 'Z_BUF_ERROR') return 'truncated';
  // zlib's codes are Z_*, brotli's ERR__ERROR_* (ERR__ERROR_FORMAT_PADDING_1 ...).
  if (code.startsWith('Z_') || code.startsWith('ERR__ERROR')) return 'corrupt';
  return null;
}
