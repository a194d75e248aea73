/**
 * The Twelve Labs double and adapter checked against the official SDK, twelvelabs-js 1.3.4 (a
 * devDependency): the SDK's own client drives the double (its parsing reads every answer, its
 * errors read the refusals), each answer also passes the SDK's serializers with unknown fields
 * refused, and the adapter's form fields are a subset of what the SDK's tasks.create sends.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TwelvelabsApiClient, TwelvelabsApiError } from 'twelvelabs-js';
import * as wire from 'twelvelabs-js/serialization';
import { twelvelabsAdapter } from '../../../../electron/engine/delivery/providers/twelvelabs';
import type { FormPush } from '../../../../electron/engine/delivery/providers/provider';
import type { DeliveryTarget } from '../../../../shared/delivery-targets';
import { closeAfterEach, closers } from '../../../helpers/delivery-engine';
import { startOrigin } from '../../../helpers/origin-server';
import { startTwelveLabsDouble } from '../../../helpers/services/twelvelabs-double';
import { tempDir } from '../../../helpers/temp-dir';

closeAfterEach();

/** As strict as a schema check: a field the SDK does not know fails, as does a missing or mistyped one. */
const strict = { unrecognizedObjectKeys: 'fail', allowUnrecognizedEnumValues: false } as const;

async function setUp() {
  const service = await startTwelveLabsDouble({ models: ['marengo3.0', 'pegasus1.2'] });
  closers.push(service.close);
  const video = randomBytes(64 * 1024);
  const origin = await startOrigin({ '/v.mp4': { kind: 'file', body: video, contentType: 'video/mp4' } });
  closers.push(origin.close);
  const sdk = new TwelvelabsApiClient({ apiKey: 'key', baseUrl: `${service.origin}/v1.3` });
  return { service, origin, sdk, video };
}

/** The double's answer to a GET, as the wire carries it. */
async function raw(origin: string, path: string): Promise<unknown> {
  const response = await fetch(`${origin}/v1.3${path}`, { headers: { 'x-api-key': 'key' } });
  return response.json();
}

describe('Twelve Labs double, read by the official SDK', () => {
  it("answers the index, a task's creation and each of its states in the SDK's shapes", async () => {
    const { service, origin, sdk } = await setUp();
    const index = await sdk.indexes.retrieve('idx');
    expect(index).toMatchObject({ id: 'idx', indexName: 'Ferry test index' });
    expect(index.models?.map((m) => m.modelName)).toEqual(['marengo3.0', 'pegasus1.2']);
    wire.IndexSchema.parseOrThrow(await raw(service.origin, '/indexes/idx'), strict);

    const created = await sdk.tasks.create({ indexId: 'idx', videoUrl: origin.url('/v.mp4'), enableVideoStream: true });
    expect(created.id).toMatch(/^[0-9a-f]{24}$/);
    const words: string[] = [];
    // Bounded: the double ends a task after five reads.
    for (let i = 0; i < 6 && words.at(-1) !== 'ready'; i++) {
      const body = await raw(service.origin, `/tasks/${created.id!}`);
      wire.TasksRetrieveResponse.parseOrThrow(body, strict);
      words.push(String((body as { status: unknown }).status));
    }
    expect(words).toEqual(['validating', 'pending', 'queued', 'indexing', 'ready']);
    const task = await sdk.tasks.retrieve(created.id!);
    expect(task).toMatchObject({ id: created.id, indexId: 'idx', status: 'ready', videoId: created.videoId });
    expect(task.hls?.videoUrl).toMatch(/\/stream\.m3u8$/);
  });

  it('takes the file the SDK uploads, and refuses a wrong key with the error the SDK reads', async () => {
    const { service, sdk, video } = await setUp();
    await sdk.tasks.create({ indexId: 'idx', videoFile: new Blob([video], { type: 'video/mp4' }) });
    expect(service.tasks()[0]!.received?.size).toBe(video.length);
    const wrong = new TwelvelabsApiClient({ apiKey: 'wrong', baseUrl: `${service.origin}/v1.3` });
    const error = await wrong.indexes.retrieve('idx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TwelvelabsApiError);
    expect((error as TwelvelabsApiError).statusCode).toBe(401);
    // The SDK types a 4xx body as unknown; its ErrorResponseError `{code, message, details?}` is the
    // flat error object the docs show (ErrorResponse wraps it in `error` only for 503 and 504).
    wire.ErrorResponseError.parseOrThrow((error as TwelvelabsApiError).body, strict);
  });
});

describe('Twelve Labs adapter, its requests against the SDK', () => {
  function call(endpoint: string) {
    const target: DeliveryTarget = {
      ...{ id: 't1', name: 'idx', provider: 'twelvelabs', mode: 'pull', endpoint },
      ...{ account: null, library: null, index: 'idx', send: 'mp4', readyWhen: 'complete', hasCredential: true },
    };
    return { target, credential: 'key', signal: new AbortController().signal };
  }

  it("sends only form fields that the SDK's tasks.create sends, by the same wire names", async () => {
    const { service, origin, sdk, video } = await setUp();
    await sdk.tasks.create({
      indexId: 'idx',
      videoUrl: origin.url('/v.mp4'),
      enableVideoStream: true,
      userMetadata: JSON.stringify({ from: 'sdk' }),
    });
    await sdk.tasks.create({ indexId: 'idx', videoFile: new Blob([video], { type: 'video/mp4' }) });
    const sdkFields = new Set(service.forms.flat());
    expect(sdkFields).toEqual(new Set(['index_id', 'video_url', 'enable_video_stream', 'user_metadata', 'video_file']));

    await twelvelabsAdapter.pull!(call(service.origin), { url: origin.url('/v.mp4'), headers: {}, name: 'v' });
    const filePath = path.join(tempDir(), 'v.mp4');
    fs.writeFileSync(filePath, video);
    const file = { path: filePath, size: video.length, name: 'v.mp4', type: 'video/mp4' };
    await (twelvelabsAdapter.push as FormPush).send(call(service.origin), file, () => undefined);
    const [pulled, pushed] = service.forms.slice(2);
    expect(pulled).toEqual(['index_id', 'video_url']);
    expect(pushed).toEqual(['index_id', 'video_file']);
    expect([...pulled!, ...pushed!].filter((f) => !sdkFields.has(f))).toEqual([]);
  });
});
