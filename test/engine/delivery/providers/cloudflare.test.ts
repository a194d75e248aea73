/**
 * The Cloudflare Stream adapter against the Stream double (a real @tus/server with Stream's rules,
 * its REST API in Cloudflare's envelope): chunk sizes Stream takes, a push whose bytes and id
 * arrive, a pull the service fetches itself, each state Stream reports, and its refusals.
 */
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cloudflareAdapter } from '../../../../electron/engine/delivery/providers/cloudflare';
import {
  cloudflareChunkSize,
  cloudflareMetadata,
} from '../../../../electron/engine/delivery/providers/cloudflare-rules';
import type {
  ProviderCall,
  PushResume,
  PushFile,
  RemoteStatus,
  TusPush,
} from '../../../../electron/engine/delivery/providers/provider';
import { TusUploadError, tusUpload } from '../../../../electron/engine/delivery/tus-upload';
import type { DeliveryReadyWhen } from '../../../../shared/delivery-targets';
import { closeAfterEach, closers, fileMediaDir } from '../../../helpers/delivery-engine';
import * as make from '../../../helpers/media-fixtures';
import { sha256, startOrigin } from '../../../helpers/origin-server';
import { serviceError } from '../../../helpers/service-refusal';
import { startCloudflareDouble, type CloudflareDouble } from '../../../helpers/services/cloudflare-double';
import type { VideoScript } from '../../../helpers/services/cloudflare-double-videos';
import { until } from '../../../helpers/wait-for';

const MiB = 1024 * 1024;
const mediaDir = fileMediaDir('ferry-cf-media-');
let video: PushFile;

beforeAll(async () => {
  // About 12 MB that does not compress: three chunks of Stream's 5 MiB minimum.
  const file = await make.noisyMp4(mediaDir, 4);
  video = { path: file, size: fs.statSync(file).size, name: 'Board meeting', type: 'video/mp4' };
});
closeAfterEach();

async function double(script?: Partial<VideoScript>) {
  const started = await startCloudflareDouble(script ? { script } : {});
  closers.push(started.close);
  return started;
}

function callTo(cf: CloudflareDouble, credential: string | null = cf.token, readyWhen: DeliveryReadyWhen = 'complete') {
  const call: ProviderCall = {
    target: {
      id: 't1',
      name: 'stream',
      provider: 'cloudflare',
      mode: 'push',
      endpoint: cf.origin,
      account: cf.account,
      library: null,
      index: null,
      send: 'mp4',
      readyWhen,
      hasCredential: credential !== null,
    },
    credential,
    signal: new AbortController().signal,
  };
  return call;
}

interface PushOptions {
  preferredChunk?: number;
  metadata?: Record<string, string>;
  /** Instead of the session's. */
  chunkSize?: number;
  resume?: PushResume;
}

/** What the deliver stage does with a session: one TUS upload. */
async function push(call: ProviderCall, file: PushFile, options: PushOptions = {}) {
  const session = await (cloudflareAdapter.push as TusPush).session(
    call,
    file,
    options.resume ?? null,
    options.preferredChunk ?? 5 * MiB,
  );
  const done = await tusUpload({
    endpoint: session.endpoint!,
    uploadUrl: session.uploadUrl,
    file: file.path,
    size: file.size,
    metadata: options.metadata ?? session.metadata,
    headers: session.headers,
    remoteIdHeader: session.remoteIdHeader,
    chunkSize: options.chunkSize ?? session.chunkSize,
    idleTimeoutMs: 10_000,
    signal: call.signal,
    onUploadUrl: () => {},
    onProgress: () => {},
  });
  return { session, ...done };
}

/** Status until the service ends processing, as the stage polls (bounded: 10 s). */
async function follow(call: ProviderCall, remoteId: string): Promise<RemoteStatus[]> {
  const seen: RemoteStatus[] = [];
  await until(async () => {
    seen.push(await cloudflareAdapter.status!(call, remoteId));
    return seen.at(-1)!.phase !== 'processing';
  }, 10_000).catch(() => {
    throw new Error(`video ${remoteId} still processing after 10 s: ${JSON.stringify(seen.at(-1))}`);
  });
  return seen;
}

describe('Cloudflare chunk size and metadata', () => {
  it("rounds the stage's preferred size down to 256 KiB and keeps it within 5 MiB..200 MiB", () => {
    const big = 10 * 1024 * MiB;
    expect(cloudflareChunkSize(50 * MiB, big)).toBe(50 * MiB);
    expect(cloudflareChunkSize(50 * MiB + 1000, big)).toBe(50 * MiB);
    expect(cloudflareChunkSize(6 * MiB + 100 * 1024, big)).toBe(6 * MiB);
    expect(cloudflareChunkSize(64 * 1024, big)).toBe(5 * MiB);
    expect(cloudflareChunkSize(300 * MiB, big)).toBe(200 * MiB);
    expect(cloudflareChunkSize(Number.POSITIVE_INFINITY, big)).toBe(200 * MiB);
    // A file under 5 MiB goes in one chunk.
    expect(cloudflareChunkSize(64 * 1024, 3 * MiB + 7)).toBe(3 * MiB + 7);
  });

  it('writes the keys Stream reads, requiresignedurls as a key alone', async () => {
    expect(cloudflareMetadata('Board meeting')).toEqual({ name: 'Board meeting' });
    // Within the 30 to 1,096 days Stream takes.
    const inForty = new Date(Math.floor(Date.now() / 1000 + 40 * 24 * 3600) * 1000).toISOString();
    const all = cloudflareMetadata('Board meeting', {
      requireSignedURLs: true,
      allowedOrigins: ['example.com', '*.example.org'],
      thumbnailTimestampPct: 0.25,
      scheduledDeletion: inForty,
      // The Upload-Creator header's, not a metadata key.
      creator: 'crew-7',
    });
    expect(all).toEqual({
      name: 'Board meeting',
      requiresignedurls: '',
      allowedorigins: 'example.com,*.example.org',
      thumbnailtimestamppct: '0.25',
      scheduleddeletion: inForty,
    });
    expect(cloudflareMetadata('x', { requireSignedURLs: false, allowedOrigins: [] })).toEqual({ name: 'x' });
    // Through a real TUS creation: the server reads requiresignedurls as a key without a value.
    const cf = await double();
    const { mediaId } = await push(callTo(cf), video, { metadata: all });
    expect(cf.metadata(mediaId!)).toMatchObject({ name: 'Board meeting', requiresignedurls: null });
  });
});

describe('Cloudflare Stream adapter', () => {
  it('tests the token by listing the account, and names the account', async () => {
    const cf = await double();
    expect(await cloudflareAdapter.test(callTo(cf))).toMatch(/Cloudflare Stream account acc took the token/);
    // A "Bearer " typed with the token is not sent twice.
    expect(await cloudflareAdapter.test(callTo(cf, `Bearer ${cf.token}`))).toMatch(/account acc/);
  });

  it('is refused with 401 without a token and 403 with a wrong one, in the service words', async () => {
    const cf = await double();
    const missing = await serviceError(cloudflareAdapter.test(callTo(cf, null)));
    expect(missing.failure).toMatchObject({ status: 401, method: 'GET' });
    expect(missing.failure.serviceText).toMatch(/Authentication error/);
    const wrong = await serviceError(cloudflareAdapter.status!(callTo(cf, 'nope'), 'abc'));
    expect(wrong.failure).toMatchObject({ status: 403, serviceText: 'Authentication error' });
  });

  it('pushes by TUS in chunks Stream accepts: the same bytes, the id from stream-media-id, then ready', async () => {
    const cf = await double();
    const call = callTo(cf);
    const { session, mediaId, url } = await push(call, video, { preferredChunk: 5 * MiB + 1000 });
    expect(session).toMatchObject({
      endpoint: `${cf.origin}/client/v4/accounts/acc/stream`,
      chunkSize: 5 * MiB,
      remoteIdHeader: 'stream-media-id',
      metadata: { name: 'Board meeting' },
    });
    expect(session.headers()).toEqual({ Authorization: `Bearer ${cf.token}` });
    expect(cf.videos.has(mediaId!)).toBe(true);
    expect(url).toContain('/client/v4/accounts/acc/stream/');
    expect(sha256(cf.file(mediaId!))).toBe(sha256(fs.readFileSync(video.path)));
    const patches = cf.tus.requests.filter((r) => r.method === 'PATCH');
    expect(patches.map((r) => r.status)).toEqual(Array(Math.ceil(video.size / (5 * MiB))).fill(204));

    const seen = await follow(call, mediaId!);
    expect(seen.map((s) => [s.phase, s.word, s.pct])).toEqual([
      ['processing', 'queued', undefined],
      ['processing', 'inprogress', 50],
      ['ready', 'ready', 100],
    ]);
    expect(seen.at(-1)!.playbackUrl).toBe(`${cf.origin}/${mediaId}/manifest/video.m3u8`);
  });

  it('a chunk Stream would refuse is refused by the double (400), so the clamp above matters', async () => {
    const cf = await double();
    const refused = push(callTo(cf), video, { chunkSize: 1 * MiB });
    await expect(refused).rejects.toThrow(TusUploadError);
    await expect(refused).rejects.toMatchObject({ failure: { status: 400, method: 'PATCH' } });
  });

  it('continues an earlier upload by its URL; one that is gone is made anew, under the id Stream names then', async () => {
    const cf = await double();
    const resume = { uploadUrl: `${cf.origin}/client/v4/accounts/acc/stream/gone`, remoteId: 'old', state: {} };
    const { session, mediaId } = await push(callTo(cf), video, { resume });
    expect(session).toMatchObject({ uploadUrl: resume.uploadUrl, remoteId: null });
    // HEAD answered 404, so tus-js-client created a new upload at the endpoint: a new video.
    expect(cf.tus.requests.map((r) => `${r.method} ${r.status}`).slice(0, 2)).toEqual(['HEAD 404', 'POST 201']);
    expect(mediaId).not.toBe('old');
    expect(sha256(cf.file(mediaId!))).toBe(sha256(fs.readFileSync(video.path)));
  });

  it('pulls a link: Stream fetches it (HEAD, then GET) and the video becomes ready', async () => {
    const cf = await double();
    const body = fs.readFileSync(video.path);
    // Slow enough that the first status finds it downloading.
    const trickle = { chunkBytes: MiB, everyMs: 30 };
    const origin = await startOrigin({ '/board.mp4': { kind: 'file', body, trickle } });
    closers.push(origin.close);
    const call = callTo(cf);
    const { remoteId } = await cloudflareAdapter.pull!(call, {
      url: origin.url('/board.mp4'),
      headers: {},
      name: 'Board',
    });
    expect(cf.videos.get(remoteId)).toMatchObject({ name: 'Board', downloadedFrom: origin.url('/board.mp4') });
    const seen = await follow(call, remoteId);
    expect(seen[0]).toMatchObject({ phase: 'processing', word: 'downloading' });
    expect(seen.at(-1)).toMatchObject({ phase: 'ready', word: 'ready' });
    expect(origin.served.requests.map((r) => r.method)).toEqual(['HEAD', 'GET']);
    expect(sha256(cf.file(remoteId))).toBe(sha256(body));
  });

  it('a link Stream cannot fetch ends in error with ERR_FETCH_ORIGIN_ERROR', async () => {
    const cf = await double();
    const origin = await startOrigin({ '/gone.mp4': { kind: 'status', status: 404 } });
    closers.push(origin.close);
    const call = callTo(cf);
    const { remoteId } = await cloudflareAdapter.pull!(call, {
      url: origin.url('/gone.mp4'),
      headers: {},
      name: 'Gone',
    });
    const last = (await follow(call, remoteId)).at(-1)!;
    expect(last).toMatchObject({ phase: 'error', word: 'error' });
    expect(last.error).toMatch(
      /^ERR_FETCH_ORIGIN_ERROR: The video could not be downloaded from its URL\. \(HEAD answered 404\)$/,
    );
  });

  it.each([
    ['ERR_NON_VIDEO', false, 'ERR_NON_VIDEO: The file is not a video Stream can read.'],
    ['ERR_MALFORMED_VIDEO', true, 'ERR_MALFORMED_VIDEO: The video is malformed and could not be decoded.'],
  ] as const)(
    'processing that ends in %s (legacy fields: %s) is an error quoting Stream',
    async (code, legacy, text) => {
      const cf = await double({ endsIn: code, legacyErrorFields: legacy });
      const call = callTo(cf);
      const { mediaId } = await push(call, video);
      const seen = await follow(call, mediaId!);
      expect(seen.map((s) => s.phase)).toEqual(['processing', 'processing', 'error']);
      expect(seen.at(-1)!.error).toBe(text);
    },
  );

  it('a 429 is a ServiceError with its Retry-After, for the stage to wait', async () => {
    const cf = await double();
    cf.rateLimitNext(1, '2');
    const limited = await serviceError(cloudflareAdapter.test(callTo(cf)));
    expect(limited.failure).toMatchObject({ status: 429, retryAfter: '2' });
    expect(await cloudflareAdapter.test(callTo(cf))).toMatch(/account acc/);
  });

  it('refuses what Stream refuses: a pull with request headers, a video under 0.1 s', async () => {
    const cf = await double();
    const withHeaders = { url: 'http://127.0.0.1:9/x.mp4', headers: { Cookie: 'a=b' }, name: 'x' };
    await expect(cloudflareAdapter.pull!(callTo(cf), withHeaders)).rejects.toThrow(/cannot send request headers/);
    expect(cf.videos.size).toBe(0);
    expect(cloudflareAdapter.refuses!({ size: 10, width: 2, height: 2, duration: 0.05 })).toMatch(
      /ERR_DURATION_TOO_SHORT/,
    );
    expect(cloudflareAdapter.refuses!({ size: 10, width: 2, height: 2, duration: -1 })).toBeNull();
  });
});
