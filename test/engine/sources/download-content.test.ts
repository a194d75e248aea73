import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkVideoContainer, videoContainerRefusal } from '../../../electron/engine/media/sniff-content';
import { downloadUrl } from '../../../electron/engine/sources/download-url';
import type { Coding } from '../../helpers/origin-server';
import { tempDir } from '../../helpers/temp-dir';
import { expectSame, file, MiB, options, origin } from './download-setup';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
/** The start of an MP4 (an ftyp box), then noise: what a sniff of the first bytes sees. */
const mp4Like = (size: number) => Buffer.concat([bytes([0, 0, 0, 0x20], 'ftypisom', [0, 0, 2, 0]), file(size)]);
const codings: Coding[] = ['gzip', 'deflate', 'br'];

describe('a body compressed in transit', () => {
  it.each(codings)('asks for identity, and decodes %s sent anyway into the file the origin meant', async (coding) => {
    const body = mp4Like(3 * MiB);
    const o = await origin({ '/v.mp4': { kind: 'file', body, encoding: coding } });
    const opts = options(o.url('/v.mp4'));
    const result = await downloadUrl(opts);
    expectSame(opts.dest, body);
    expect(result.size).toBe(body.length);
    expect(o.served.requests.every((r) => r.headers['accept-encoding'] === 'identity')).toBe(true);
    // HEAD said it is compressed: one connection, no ranges of compressed bytes.
    expect(o.served.requests.filter((r) => r.method === 'GET').map((r) => r.headers.range)).toEqual([undefined]);
  });

  it.each(codings)(
    'never continues %s bytes by ranges: a drop starts the file over, which ends identical',
    async (coding) => {
      const body = mp4Like(2 * MiB);
      const o = await origin({
        '/v.mp4': { kind: 'file', body, encoding: coding, dropAt: { times: 1, fraction: 0.5 } },
      });
      const opts = options(o.url('/v.mp4'));
      await downloadUrl(opts);
      expectSame(opts.dest, body);
      expect(o.served.requests.some((r) => r.headers.range !== undefined && r.method === 'GET')).toBe(false);
    },
  );

  it('notices compression that only GETs get, drops the ranged plan and decodes', async () => {
    const body = mp4Like(4 * MiB);
    const o = await origin({ '/v.mp4': { kind: 'file', body, encoding: 'gzip', encodeHead: false } });
    const opts = options(o.url('/v.mp4'));
    await downloadUrl(opts);
    expectSame(opts.dest, body);
    const gets = o.served.requests.filter((r) => r.method === 'GET');
    expect(gets.at(-1)?.headers.range).toBeUndefined();
    expect(fs.readdirSync(path.dirname(opts.dest))).toEqual(['video.mp4']);
  });
});

describe('video only (no transcode)', () => {
  it.each([
    ['a text file', Buffer.from('These are meeting notes, not a video.\n'.repeat(50)), /is text/],
    ['a PNG', bytes([0x89], 'PNG\r\n', [0x1a, 0x0a], 'IHDR'), /still image \(PNG\)/],
  ])('refuses %s served as application/octet-stream, keeping nothing', async (_what, body, look) => {
    const o = await origin({ '/v.mp4': { kind: 'file', body, contentType: 'application/octet-stream' } });
    const opts = options(o.url('/v.mp4'), { videoOnly: true });
    const failure = await downloadUrl(opts).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'ERR_NON_VIDEO', message: expect.stringMatching(look) });
    expect(failure).toMatchObject({ retry: undefined });
    expect(fs.readdirSync(path.dirname(opts.dest))).toEqual([]);
  });

  it('passes a video container on, and anything at all without the option', async () => {
    const body = mp4Like(MiB);
    const o = await origin({ '/v.mp4': { kind: 'file', body }, '/notes': { kind: 'file', body: Buffer.from('hi') } });
    const opts = options(o.url('/v.mp4'), { videoOnly: true });
    await downloadUrl(opts);
    expectSame(opts.dest, body);
    const plain = options(o.url('/notes'));
    await downloadUrl(plain);
    expect(fs.readFileSync(plain.dest, 'utf8')).toBe('hi');
  });

  it.each([
    [bytes([0, 0, 0, 0x18], 'ftypheic'), /still image \(HEIF\)/],
    [bytes([0, 0, 0, 0x1c], 'ftypavif'), /still image \(AVIF\)/],
    [bytes([0, 0, 0, 0x20], 'ftypM4A '), /audio only \(M4A\)/],
    [bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '), /audio only \(WAV\)/],
    [bytes([0xff, 0xd8, 0xff, 0xe0]), /still image \(JPEG\)/],
    [bytes('<!DOCTYPE html><html>'), /web page/],
    [bytes('PK', [3, 4, 0x14, 0, 0, 0, 8, 0]), /does not start like any video container/],
    [Buffer.alloc(0), /is empty/],
  ])('says what the first bytes look like: %#', (head, text) => {
    expect(videoContainerRefusal(head)).toEqual({ code: 'ERR_NON_VIDEO', text: expect.stringMatching(text) });
  });

  it('accepts the containers ffmpeg reads, refuses a playlist as one, and checks a file on disk', async () => {
    for (const head of [
      bytes([0, 0, 0, 0x14], 'ftypqt  '),
      bytes([0x1a, 0x45, 0xdf, 0xa3]),
      bytes('RIFF', [0, 0, 0, 0], 'AVI LIST'),
      bytes([0, 0, 1, 0xba]),
      bytes('FLV', [1]),
      bytes('OggS', [0]),
      bytes([0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11]),
    ]) {
      expect(videoContainerRefusal(head)).toBeNull();
    }
    expect(videoContainerRefusal(bytes('#EXTM3U\n'))?.code).toBe('ERR_STREAMING_MANIFEST');
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'clip.mov'), mp4Like(10_000));
    fs.writeFileSync(path.join(dir, 'notes.mov'), 'notes');
    expect(checkVideoContainer(path.join(dir, 'clip.mov'))).toBeNull();
    expect(checkVideoContainer(path.join(dir, 'notes.mov'))).toMatchObject({ code: 'ERR_NON_VIDEO' });
  });
});
