import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { byteRange } from '../../electron/server/byte-range';
import { SegmentCache } from '../../electron/server/segment-cache';
import { tempDir } from '../helpers/temp-dir';

describe('byteRange', () => {
  it('reads one range, open-ended and suffix ones included, clamped to the file', () => {
    expect(byteRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(byteRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
    expect(byteRange('bytes=900-5000', 1000)).toEqual({ start: 900, end: 999 });
    expect(byteRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(byteRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 });
  });

  it('says when no byte can be sent, and ignores what is not one byte range', () => {
    expect(byteRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(byteRange('bytes=-0', 1000)).toBe('unsatisfiable');
    for (const header of [undefined, '', 'bytes=-', 'bytes=5-1', 'bytes=0-1,5-9', 'items=0-1', 'bytes=a-b'])
      expect(byteRange(header, 1000)).toBeUndefined();
  });
});

describe('SegmentCache', () => {
  it('answers a file as it is now, kept until it changes, and leaves large ones to streaming', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'chunk-0-00001.m4s');
    const cache = new SegmentCache(1024, 100);
    fs.writeFileSync(file, 'first');
    expect(await cache.read(file)).toMatchObject({ body: Buffer.from('first') });
    fs.writeFileSync(file, 'second version');
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(await cache.read(file)).toMatchObject({ body: Buffer.from('second version') });
    expect(await cache.read(path.join(dir, 'none.m4s'))).toBe('missing');
    fs.writeFileSync(file, Buffer.alloc(101));
    expect(await cache.read(file)).toBe('large');
  });
});
