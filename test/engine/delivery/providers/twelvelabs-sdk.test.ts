/**
 * The Twelve Labs double and adapter checked against the official SDK, twelvelabs-js 1.3.4 (a
 * devDependency): the SDK's own client drives the double (its parsing reads every answer, its
 * errors read the refusals), each answer also passes the SDK's serializers with unknown fields
 * refused; the adapter's form fields are among those the SDK's assets.create and tasks.create send,
 * and its indexed-asset body passes the SDK's request serializer.
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

describe('Twelve Labs double, its assets and indexed assets read by the official SDK', () => {
  it('uploads by url, indexes the ready asset and follows it, in the SDK shapes', async () => {
    const { service, origin, sdk, video } = await setUp();
    const asset = await sdk.assets.create({ method: 'url', url: origin.url('/v.mp4'), filename: 'v.mp4' });
    expect(asset).toMatchObject({ method: 'url', status: 'processing', filename: 'v.mp4' });
    wire.AssetDetail.parseOrThrow(await raw(service.origin, `/assets/${asset.id!}`), strict);
    const ready = await sdk.assets.retrieve(asset.id!);
    expect(ready).toMatchObject({ status: 'ready', size: video.length });
    wire.AssetDetail.parseOrThrow(await raw(service.origin, `/assets/${asset.id!}`), strict);

    const made = await sdk.indexes.indexedAssets.create('idx', { assetId: asset.id!, enableVideoStream: true });
    expect(made).toMatchObject({ assetId: asset.id });
    expect(service.bodies).toEqual([{ asset_id: asset.id, enable_video_stream: true }]);
    const listed = await sdk.indexes.indexedAssets.listByAsset(asset.id!);
    expect(listed.data.map((i) => [i.id, i.index?.id])).toEqual([[made.id, 'idx']]);
    wire.indexes.IndexedAssetsListByAssetResponse.parseOrThrow(
      await raw(service.origin, `/assets/${asset.id!}/indexed-assets`),
      strict,
    );
    const words: string[] = [];
    // Bounded: the double ends an indexing after four reads.
    for (let i = 0; i < 5 && words.at(-1) !== 'ready'; i++) {
      const body = await raw(service.origin, `/indexes/idx/indexed-assets/${made.id!}`);
      wire.IndexedAssetDetailed.parseOrThrow(body, strict);
      words.push(String((body as { status: unknown }).status));
    }
    expect(words).toEqual(['pending', 'queued', 'indexing', 'ready']);
    const indexed = await sdk.indexes.indexedAssets.retrieve('idx', made.id!);
    expect(indexed).toMatchObject({ id: made.id, assetId: asset.id, status: 'ready' });
    expect(indexed.hls?.videoUrl).toMatch(/\/stream\.m3u8$/);
  });

  it('takes a direct upload from the SDK, and a url it cannot fetch fails the asset with its reason', async () => {
    const { service, origin, sdk, video } = await setUp();
    const direct = await sdk.assets.create({ method: 'direct', file: new Blob([video], { type: 'video/mp4' }) });
    expect(service.assets().find((a) => a.id === direct.id)!.received?.size).toBe(video.length);
    const gone = await sdk.assets.create({ method: 'url', url: origin.url('/nothing.mp4') });
    await sdk.assets.retrieve(gone.id!);
    const failed = await sdk.assets.retrieve(gone.id!);
    expect(failed).toMatchObject({ status: 'failed', error: { message: expect.any(String) } });
    wire.AssetDetail.parseOrThrow(await raw(service.origin, `/assets/${gone.id!}`), strict);
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

  it('sends only form fields that the SDK sends, by the same wire names, and an indexing body it accepts', async () => {
    const { service, origin, sdk, video } = await setUp();
    const blob = () => new Blob([video], { type: 'video/mp4' });
    const optional = { filename: 'v.mp4', enableHls: true, enableThumbnail: true, userMetadata: '{"a":1}' };
    await sdk.assets.create({ method: 'url', url: origin.url('/v.mp4'), ...optional });
    await sdk.assets.create({ method: 'direct', file: blob(), ...optional });
    const assetFields = new Set(service.forms.splice(0).flat());
    expect(assetFields).toEqual(
      new Set(['method', 'url', 'file', 'filename', 'enable_hls', 'enable_thumbnail', 'user_metadata']),
    );
    const taskOptions = { enableVideoStream: true, userMetadata: '{"a":1}' };
    await sdk.tasks.create({ indexId: 'idx', videoUrl: origin.url('/v.mp4'), ...taskOptions });
    await sdk.tasks.create({ indexId: 'idx', videoFile: blob() });
    const taskFields = new Set(service.forms.splice(0).flat());
    expect(taskFields).toEqual(
      new Set(['index_id', 'video_url', 'enable_video_stream', 'user_metadata', 'video_file']),
    );

    const c = call(service.origin);
    const { remoteId } = await twelvelabsAdapter.pull!(c, { url: origin.url('/v.mp4'), headers: {}, name: 'v' });
    const filePath = path.join(tempDir(), 'v.mp4');
    fs.writeFileSync(filePath, video);
    const file = { path: filePath, size: video.length, name: 'v.mp4', type: 'video/mp4' };
    await (twelvelabsAdapter.push as FormPush).send(c, file, () => undefined);
    const [pulled, pushed] = service.forms;
    expect(pulled).toEqual(['method', 'url', 'filename']);
    expect(pushed).toEqual(['method', 'filename', 'file']);
    expect([...pulled!, ...pushed!].filter((f) => !assetFields.has(f))).toEqual([]);

    // Two polls: the asset is ready, and the adapter indexes it.
    await twelvelabsAdapter.status!(c, remoteId);
    await twelvelabsAdapter.status!(c, remoteId);
    const body = service.bodies.at(-1);
    expect(body).toMatchObject({ asset_id: remoteId.replace('assets/', '') });
    wire.indexes.IndexedAssetsCreateRequest.parseOrThrow(body, strict);
  });
});
