import { describe, expect, it } from 'vitest';
import { contentCodings, unsupportedCoding } from '../../../electron/engine/sources/decode-body';
import { missingPieces, progressState, type DownloadState } from '../../../electron/engine/sources/download-state';

const state: DownloadState = {
  url: 'http://127.0.0.1/v.mp4',
  size: 2500,
  etag: '"e1"',
  lastModified: null,
  pieceBytes: 1000,
  done: [1],
  partial: { 0: 300 },
};

describe('the saved state of a download', () => {
  it('gives each missing piece from its first missing byte', () => {
    expect(missingPieces(state)).toEqual([
      { index: 0, start: 0, end: 999, next: 300 },
      { index: 2, start: 2000, end: 2499, next: 2000 },
    ]);
  });

  it('never trusts a piece as complete from its offset alone: the last byte is fetched again', () => {
    expect(missingPieces({ ...state, done: [], partial: { 2: 9999 } })[2]).toEqual({
      index: 2,
      start: 2000,
      end: 2499,
      next: 2499,
    });
  });

  it('reads a state written before offsets within pieces were kept', () => {
    const older: DownloadState = { ...state, partial: undefined };
    expect(missingPieces(older).map((p) => p.next)).toEqual([0, 2000]);
  });

  it('records how far each unfinished piece got, and nothing for finished ones', () => {
    const pieces = missingPieces(state);
    pieces[0]!.next = 1000;
    pieces[1]!.next = 2100;
    expect(progressState(state, [1, 0], pieces)).toMatchObject({ done: [1, 0], partial: { 2: 100 } });
  });
});

describe('content codings', () => {
  it('lists what the server applied, without identity, and names what Ferry cannot decode', () => {
    expect(contentCodings('gzip')).toEqual(['gzip']);
    expect(contentCodings(' Identity ')).toEqual([]);
    expect(contentCodings(null)).toEqual([]);
    expect(contentCodings('deflate, br')).toEqual(['deflate', 'br']);
    expect(unsupportedCoding(['gzip', 'zstd'])).toBe('zstd');
    expect(unsupportedCoding(['x-gzip', 'br', 'deflate'])).toBeUndefined();
  });
});
