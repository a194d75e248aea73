import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration } from '../../shared/format-units';

describe('units for people', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1536, '1.5 KiB'],
    [25 * 1024 ** 2, '25.0 MiB'],
    [150 * 1024 ** 2, '150 MiB'],
    [3.25 * 1024 ** 3, '3.3 GiB'],
    [-1, '?'],
  ])('%d bytes is %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));

  it.each([
    [0, '0s'],
    [42.4, '42s'],
    [185, '3m 05s'],
    [7620, '2h 07m'],
    [-1, '?'],
    [Infinity, '?'],
  ])('%d seconds is %s', (seconds, text) => expect(formatDuration(seconds)).toBe(text));
});
