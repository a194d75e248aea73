/**
 * Fuzzing `Range: bytes=…` headers: the one reader (server/byte-range.ts, used by `ferry serve`'s
 * media route and the app's ferry-media:// answers) and the app's answer through its real door
 * (answerMediaRequest over a library on disk). Any header gives the whole file, a range inside it
 * or a 416, never an exception; a range written as a player writes it reads back as that range,
 * and the bytes answered are the file's bytes there.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerMediaRequest } from '../../electron/main/media-request';
import { mediaAnswer } from '../../electron/main/media-response';
import { byteRange } from '../../electron/server/byte-range';
import { tempDir } from '../helpers/temp-dir';
import { fuzzParameters, settlesInTime, withinBudget } from './fuzz-settings';

const size = fc.oneof(fc.nat(2000), fc.maxSafeNat());
const number = fc.oneof(fc.nat(3000).map(String), fc.bigInt({ min: 0n, max: 10n ** 30n }).map(String), fc.constant(''));

/** Headers as players send them, and the ways they go wrong. */
const rangeHeader = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .tuple(
      fc.constantFrom('bytes=', 'BYTES=', 'bytes =', 'items=', ' bytes='),
      number,
      number,
      fc.constantFrom('', ' ', ',0-1', '-'),
    )
    .map(([unit, first, last, tail]) => `${unit}${first}-${last}${tail}`),
);

describe('fuzzing byte ranges', () => {
  it('reads any header into the whole file, a range inside it, or unsatisfiable', () => {
    fc.assert(
      fc.property(fc.option(rangeHeader, { nil: undefined }), size, (header, fileSize) => {
        const range = withinBudget('byteRange', () => byteRange(header, fileSize));
        if (range === undefined || range === 'unsatisfiable') return;
        expect(Number.isSafeInteger(range.start)).toBe(true);
        expect(range.start).toBeGreaterThanOrEqual(0);
        expect(range.start).toBeLessThanOrEqual(range.end);
        expect(range.end).toBeLessThan(fileSize);
      }),
      fuzzParameters(),
    );
  });

  it('reads a formatted range back as the same bytes', () => {
    const inside = fc
      .integer({ min: 1, max: Number.MAX_SAFE_INTEGER })
      .chain((fileSize) =>
        fc
          .tuple(fc.integer({ min: 0, max: fileSize - 1 }), fc.integer({ min: 0, max: fileSize - 1 }))
          .map(([a, b]) => ({ fileSize, start: Math.min(a, b), end: Math.max(a, b) })),
      );
    fc.assert(
      fc.property(inside, ({ fileSize, start, end }) => {
        expect(byteRange(`bytes=${start}-${end}`, fileSize)).toEqual({ start, end });
        expect(byteRange(`bytes=${start}-`, fileSize)).toEqual({ start, end: fileSize - 1 });
        expect(byteRange(`bytes=-${fileSize - start}`, fileSize)).toEqual({ start, end: fileSize - 1 });
      }),
      fuzzParameters(),
    );
  });

  it('answers with headers that agree with the range: a Content-Range a player reads back', () => {
    const file = { contentType: 'video/mp4', cacheControl: 'public, max-age=10' };
    fc.assert(
      fc.property(fc.option(rangeHeader, { nil: null }), size, (header, fileSize) => {
        const answer = mediaAnswer(header, fileSize, file);
        if (answer.status === 416) {
          expect(answer.headers['Content-Range']).toBe(`bytes */${fileSize}`);
          return;
        }
        const { start, end } = answer.range ?? { start: 0, end: -1 };
        expect(answer.headers['Content-Length']).toBe(String(end - start + 1));
        if (answer.status === 206)
          expect(
            byteRange(answer.headers['Content-Range']?.replace(/^bytes (\d+-\d+)\/\d+$/, 'bytes=$1'), fileSize),
          ).toEqual(answer.range);
      }),
      fuzzParameters(),
    );
  });
});

/** What a request can carry at all (a Request refuses the rest before any answer is asked for). */
const sendable = rangeHeader.filter((header) => /^[\t\x20-\x7e\x80-\xff]*$/.test(header));

describe('fuzzing ranges through the app’s media door', () => {
  it('answers any Range header with the file’s own bytes, whole or in part, or a 416', async () => {
    const library = tempDir();
    const uid = 'ab'.repeat(16);
    const bytes = Buffer.from(Array.from({ length: 1500 }, (_v, i) => (i * 7) % 256));
    fs.mkdirSync(path.join(library, uid, 'downloads'), { recursive: true });
    fs.writeFileSync(path.join(library, uid, 'downloads', 'video.mp4'), bytes);
    const url = `ferry-media://library/${uid}/downloads/video.mp4`;
    await fc.assert(
      fc.asyncProperty(fc.option(sendable, { nil: undefined }), async (header) => {
        const headers = header === undefined ? undefined : { Range: header };
        const response = await settlesInTime(
          'answerMediaRequest',
          answerMediaRequest(new Request(url, { headers }), library),
        );
        expect([200, 206, 416]).toContain(response.status);
        const body = Buffer.from(await response.arrayBuffer());
        if (response.status === 416) return;
        const range = byteRange(header, bytes.length) as { start: number; end: number } | undefined;
        expect(body.equals(range ? bytes.subarray(range.start, range.end + 1) : bytes)).toBe(true);
      }),
      fuzzParameters(0.25),
    );
  });
});
