/**
 * One `Range: bytes=…` header against a file's size (RFC 9110 §14): the bytes to send, or that
 * none can be. A header that is not one byte range (several ranges, another unit, nonsense) is
 * ignored, as a server may, and the whole file is sent. Pure.
 */
export type ByteRange = { start: number; end: number } | 'unsatisfiable' | undefined;

export function byteRange(header: string | undefined, size: number): ByteRange {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '') {
    // A suffix: the last N bytes.
    const length = Number(last);
    return length === 0 || size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  if (start >= size) return 'unsatisfiable';
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  return end < start ? undefined : { start, end };
}
