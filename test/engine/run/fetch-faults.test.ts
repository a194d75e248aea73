/**
 * Links through the whole engine against an origin that breaks connections in the middle of
 * pieces, compresses in transit, or serves what is not a video: each ends as a user would want,
 * checked by the bytes the origin served and the SHA-256 of what Ferry published.
 */
import fs from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/create-engine';
import type { Video } from '../../../shared/video';
import * as make from '../../helpers/media-fixtures';
import { sha256, startOrigin, type Coding, type FileRoute } from '../../helpers/origin-server';
import { tempDir } from '../../helpers/temp-dir';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

let video: Buffer;
let noisy: Buffer;
let png: Buffer;
beforeAll(async () => {
  const dir = tempDir();
  video = fs.readFileSync(await make.standardDefinition43(dir));
  // About 3 MB: several pieces of 1 MiB.
  noisy = fs.readFileSync(await make.noisyMp4(dir));
  png = fs.readFileSync(await make.solidImage(dir, 'red', '64x64'));
});

/** One link through a fresh engine until the queue is empty; the video as it ended. */
async function ingest(route: Omit<FileRoute, 'kind'>, options: { transcode?: boolean } = {}) {
  const origin = await startOrigin({ '/clip': { kind: 'file', ...route } });
  const engine = createEngine({ dataDir: tempDir(), fetch: { baseMs: 20, idleTimeoutMs: 5000 } });
  cleanups.push(
    () => origin.close(),
    () => engine.close(),
  );
  const added = await engine.addLinks({
    links: [{ url: origin.url('/clip') }],
    options: { ladder: [240], ...options },
  });
  const uid = added.queued[0]!.uid;
  await engine.run();
  return { origin, video: await engine.get({ uid }) };
}

const publishedHash = (done: Video, transcode: boolean) =>
  sha256(fs.readFileSync(transcode ? done.source.path! : done.downloads!.default));

describe('a link whose connections break mid-piece', () => {
  it('resumes each piece from the exact byte and ends ready, the origin serving the file once', async () => {
    const { origin, video: done } = await ingest({ body: noisy, dropAt: { times: 4, fraction: 0.4 } });
    expect(done.status.state).toBe('ready');
    expect(sha256(fs.readFileSync(done.source.path!))).toBe(sha256(noisy));
    expect(origin.served.gets.get('/clip')).toBeGreaterThan(4);
    expect(origin.served.bytes.get('/clip')).toBe(noisy.length);
  });

  it('finishes over a trickling link that drops more often than a piece takes', async () => {
    const { origin, video: done } = await ingest({
      body: noisy,
      trickle: { chunkBytes: 64 * 1024, everyMs: 10 },
      dropEveryMs: 120,
    });
    expect(done.status.state).toBe('ready');
    expect(sha256(fs.readFileSync(done.source.path!))).toBe(sha256(noisy));
    const drops = (origin.served.gets.get('/clip') ?? 0) - Math.ceil(noisy.length / (1024 * 1024));
    expect(drops).toBeGreaterThan(2);
    expect(origin.served.bytes.get('/clip')).toBeLessThanOrEqual(noisy.length + drops * 64 * 1024);
  });
});

describe('a link compressed in transit', () => {
  const cases: [Coding, boolean][] = (['gzip', 'deflate', 'br'] as const).flatMap((c) => [
    [c, true] as [Coding, boolean],
    [c, false] as [Coding, boolean],
  ]);
  it.each(cases)('%s, transcode %s: ready, and what is published is the original', async (coding, transcode) => {
    const { video: done } = await ingest(
      { body: video, encoding: coding, contentType: 'video/x-msvideo' },
      { transcode },
    );
    expect(done.status).toMatchObject({ state: 'ready' });
    expect(publishedHash(done, transcode)).toBe(sha256(video));
    expect(done.size).toBe(video.length);
  });
});

describe('--no-transcode of something that is not a video', () => {
  it.each([
    ['a text file', () => Buffer.from('These are meeting notes, not a video.\n'.repeat(40))],
    ['a PNG', () => png],
  ])('%s served as application/octet-stream ends in ERR_NON_VIDEO, never ready', async (_what, body) => {
    const { video: done } = await ingest(
      { body: body(), contentType: 'application/octet-stream' },
      { transcode: false },
    );
    expect(done.status).toMatchObject({ state: 'error', errorReasonCode: 'ERR_NON_VIDEO' });
    expect(done.readyToStream).toBe(false);
    expect(done.downloads).toBeFalsy();
  });
});
