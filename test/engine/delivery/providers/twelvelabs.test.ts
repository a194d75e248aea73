/**
 * The Twelve Labs adapter against its double (a real HTTP server): the index check, a streamed
 * multipart asset upload that arrives byte for byte with its progress, a pull the service fetches
 * itself as a url asset, the asset then its indexed asset (or a legacy task) to ready or failed,
 * and the documented refusals (limits: twelvelabs-limits.test.ts).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProviderCall, PushFile } from '../../../../electron/engine/delivery/providers/provider';
import { twelvelabsAdapter, taskStatus } from '../../../../electron/engine/delivery/providers/twelvelabs';
import { directUploadMaxBytes } from '../../../../electron/engine/delivery/providers/twelvelabs-assets';
import type { FormPush } from '../../../../electron/engine/delivery/providers/provider';
import type { DeliveryTarget } from '../../../../shared/delivery-targets';
import { closeAfterEach, closers } from '../../../helpers/delivery-engine';
import { sha256, startOrigin } from '../../../helpers/origin-server';
import { serviceError } from '../../../helpers/service-refusal';
import { startTwelveLabsDouble, type TwelveLabsDoubleOptions } from '../../../helpers/services/twelvelabs-double';
import { tempDir } from '../../../helpers/temp-dir';

closeAfterEach();

async function double(options: TwelveLabsDoubleOptions = {}) {
  const service = await startTwelveLabsDouble(options);
  closers.push(service.close);
  return service;
}

function call(endpoint: string, overrides: { credential?: string; index?: string } = {}): ProviderCall {
  const target: DeliveryTarget = {
    id: 't1',
    name: 'search index',
    provider: 'twelvelabs',
    mode: 'push',
    endpoint,
    account: null,
    library: null,
    index: overrides.index ?? 'idx',
    send: 'mp4',
    readyWhen: 'complete',
    hasCredential: true,
  };
  return { target, credential: overrides.credential ?? 'key', signal: new AbortController().signal };
}

const push = twelvelabsAdapter.push as FormPush;

function videoFile(bytes: number): { file: PushFile; body: Buffer } {
  const body = randomBytes(bytes);
  const filePath = path.join(tempDir(), 'talk.mp4');
  fs.writeFileSync(filePath, body);
  return { file: { path: filePath, size: bytes, name: 'Quarterly "talk".mp4', type: 'video/mp4' }, body };
}

async function statuses(endpoint: string, remoteId: string) {
  const seen = [];
  // Bounded: the double ends a task after five reads.
  for (let i = 0; i < 10; i++) {
    const status = await twelvelabsAdapter.status!(call(endpoint), remoteId);
    seen.push(status);
    if (status.phase !== 'processing') break;
  }
  return seen;
}

describe('Twelve Labs: the index check', () => {
  it('names the index the key reaches', async () => {
    const service = await double({ indexes: { idx: 'Lectures' } });
    await expect(twelvelabsAdapter.test(call(service.origin))).resolves.toBe(
      'Twelve Labs index "Lectures" (idx) accepts this API key.',
    );
  });

  it('says there is no such index (404)', async () => {
    const service = await double();
    const error = await serviceError(twelvelabsAdapter.test(call(service.origin, { index: 'nope' })));
    expect(error.failure.status).toBe(404);
    expect(error.message).toContain('no index nope');
  });

  it("says the key is refused (401), in the service's words", async () => {
    const service = await double();
    const error = await serviceError(twelvelabsAdapter.test(call(service.origin, { credential: 'wrong' })));
    expect(error.failure).toMatchObject({ status: 401, method: 'GET' });
    expect(error.failure.serviceText).toMatch(/^API Key is either invalid or expired/);
  });
});

describe('Twelve Labs: push', () => {
  it('streams the file in a form: the bytes arrive intact, with progress up to the size', async () => {
    const service = await double();
    const { file, body } = videoFile(3 * 1024 * 1024 + 17);
    const progress: number[] = [];
    const { remoteId } = await push.send(call(service.origin), file, (sent) => progress.push(sent));

    const [asset] = service.assets();
    expect(remoteId).toBe(`assets/${asset!.id}`);
    expect(asset).toMatchObject({ method: 'direct', filename: file.name, url: null });
    expect(asset!.received).toEqual({ size: body.length, sha256: sha256(body) });
    expect(progress.length).toBeGreaterThan(4);
    expect(progress.every((sent, i) => i === 0 || sent > progress[i - 1]!)).toBe(true);
    expect(progress.at(-1)).toBe(file.size);
    // A known length, not a chunked stream: proxies in front of APIs often refuse chunked uploads.
    expect(Number(service.requests.at(-1)!.contentLength)).toBeGreaterThan(file.size);
  });

  it('follows the asset to ready, indexes it once, and follows the indexed asset to ready with its HLS URL', async () => {
    const service = await double();
    const { file } = videoFile(64 * 1024);
    const { remoteId } = await push.send(call(service.origin), file, () => undefined);
    const seen = await statuses(service.origin, remoteId);
    expect(seen.map((s) => `${s.phase}:${s.word}`)).toEqual([
      'processing:asset processing',
      'processing:pending',
      'processing:pending',
      'processing:queued',
      'processing:indexing',
      'ready:ready',
    ]);
    const [indexed] = service.indexedAssets();
    expect(service.indexedAssets()).toHaveLength(1);
    expect(indexed).toMatchObject({ assetId: service.assets()[0]!.id, indexId: 'idx', stream: true });
    expect(seen.at(-1)!.playbackUrl).toBe(`${service.origin}/hls/${indexed!.id}/stream.m3u8`);
  });

  it('follows a legacy task (a push over 200 MB) from validating to ready', async () => {
    const service = await double();
    const form = new FormData();
    form.set('index_id', 'idx');
    form.set('video_file', new Blob([randomBytes(1024)], { type: 'video/mp4' }), 'big.mp4');
    const made = await fetch(`${service.origin}/v1.3/tasks`, {
      method: 'POST',
      headers: { 'x-api-key': 'key' },
      body: form,
    });
    const { _id: taskId } = (await made.json()) as { _id: string };
    const seen = await statuses(service.origin, taskId);
    expect(seen.map((s) => `${s.phase}:${s.word}`)).toEqual([
      'processing:validating',
      'processing:pending',
      'processing:queued',
      'processing:indexing',
      'ready:ready',
    ]);
    expect(seen.at(-1)!.playbackUrl).toBe(`${service.origin}/hls/${service.tasks()[0]!.videoId}/stream.m3u8`);
  });

  it('an indexing that fails ends in error, with a sentence saying what to check', async () => {
    const service = await double({ end: 'failed' });
    const { file } = videoFile(64 * 1024);
    const { remoteId } = await push.send(call(service.origin), file, () => undefined);
    const last = (await statuses(service.origin, remoteId)).at(-1)!;
    expect(last).toMatchObject({ phase: 'error', word: 'failed' });
    expect(last.error).toMatch(/^Twelve Labs could not index the video .*requirements, then retry\.$/);
  });

  it('a refused key is a 401 ServiceError quoting the service, and nothing is created', async () => {
    const service = await double();
    const { file } = videoFile(256 * 1024);
    const error = await serviceError(push.send(call(service.origin, { credential: 'expired' }), file, () => undefined));
    expect(error.failure).toMatchObject({ status: 401, method: 'POST' });
    expect(error.failure.serviceText).toMatch(/^API Key is either invalid or expired/);
    expect(service.assets()).toEqual([]);
  });

  it("a 400 quotes the service's message", async () => {
    const message = 'The video_file parameter is invalid. The video is too short.';
    const service = await double({ refuseUploads: { code: 'parameter_invalid', message } });
    const { file } = videoFile(64 * 1024);
    const error = await serviceError(push.send(call(service.origin), file, () => undefined));
    expect(error.failure).toMatchObject({ status: 400, serviceText: message });
  });

  it('a rate limit is a 429 with its Retry-After, for the stage to wait', async () => {
    const service = await double({ rateLimit: { times: 1, retryAfter: '7' } });
    const { file } = videoFile(64 * 1024);
    const error = await serviceError(push.send(call(service.origin), file, () => undefined));
    expect(error.failure).toMatchObject({ status: 429, retryAfter: '7' });
    const { remoteId } = await push.send(call(service.origin), file, () => undefined);
    expect(service.assets().map((a) => `assets/${a.id}`)).toEqual([remoteId]);
  });

  it('a stopped push ends the request and sends nothing more', async () => {
    const service = await double();
    const { file } = videoFile(8 * 1024 * 1024);
    const stop = new AbortController();
    const sending = push.send({ ...call(service.origin), signal: stop.signal }, file, (sent) => {
      if (sent >= 1024 * 1024) stop.abort();
    });
    await expect(sending).rejects.toThrow();
    expect(service.assets()).toEqual([]);
  });
});

describe('Twelve Labs: a push over 200 MB', () => {
  it('goes as one legacy task with the file (assets take 200 MB at most), and is followed as a task', async () => {
    const service = await double();
    // Sparse: 200 MB and one byte without writing them.
    const filePath = path.join(tempDir(), 'big.mp4');
    fs.closeSync(fs.openSync(filePath, 'w'));
    fs.truncateSync(filePath, directUploadMaxBytes + 1);
    const file = { path: filePath, size: directUploadMaxBytes + 1, name: 'big.mp4', type: 'video/mp4' };
    const { remoteId } = await push.send(call(service.origin), file, () => undefined);
    expect(service.assets()).toEqual([]);
    expect(service.forms).toEqual([['index_id', 'video_file']]);
    expect(service.tasks()[0]).toMatchObject({ id: remoteId, received: { size: file.size } });
    expect((await twelvelabsAdapter.status!(call(service.origin), remoteId)).word).toBe('validating');
  });
});

describe('Twelve Labs: pull', () => {
  it('asks the service to fetch a direct link, which it does, then follows it to ready', async () => {
    const service = await double();
    const video = randomBytes(200 * 1024);
    const origin = await startOrigin({ '/talk.mp4': { kind: 'file', body: video, contentType: 'video/mp4' } });
    closers.push(origin.close);
    const link = { url: origin.url('/talk.mp4'), headers: {}, name: 'talk' };
    const { remoteId } = await twelvelabsAdapter.pull!(call(service.origin), link);
    const seen = await statuses(service.origin, remoteId);
    expect(seen.at(-1)).toMatchObject({ phase: 'ready', word: 'ready' });
    expect(service.assets()[0]).toMatchObject({ method: 'url', url: link.url, filename: 'talk' });
    expect(service.assets()[0]!.received).toEqual({ size: video.length, sha256: sha256(video) });
  });

  it("a link the service cannot fetch fails the asset, with the service's reason", async () => {
    const service = await double();
    const origin = await startOrigin({ '/gone.mp4': { kind: 'status', status: 404 } });
    closers.push(origin.close);
    const { remoteId } = await twelvelabsAdapter.pull!(call(service.origin), {
      url: origin.url('/gone.mp4'),
      headers: {},
      name: 'gone',
    });
    const seen = await statuses(service.origin, remoteId);
    expect(seen.map((s) => s.word)).toEqual(['asset processing', 'asset failed']);
    expect(seen[1]).toMatchObject({ phase: 'error', error: 'The platform could not access the file at the URL.' });
    expect(service.indexedAssets()).toEqual([]);
  });

  it('refuses a link that needs request headers, before asking the service', async () => {
    const service = await double();
    const link = { url: 'https://example.test/v.mp4', headers: { Cookie: 'a=b' }, name: 'v' };
    await expect(twelvelabsAdapter.pull!(call(service.origin), link)).rejects.toThrow(/push target instead/);
    expect(service.requests).toEqual([]);
  });
});

describe('Twelve Labs: task words', () => {
  it('reads uploading as under way, and a reason on a failed task as the error', () => {
    expect(taskStatus({ status: 'uploading' }, 't')).toEqual({ phase: 'processing', word: 'uploading' });
    expect(taskStatus({ status: 'failed', message: 'The video has no audio track.' }, 't')).toEqual({
      phase: 'error',
      word: 'failed',
      error: 'The video has no audio track.',
    });
  });
});
