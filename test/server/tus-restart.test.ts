/**
 * An upload to a real `ferry serve` (createServer over a real engine, 127.0.0.1) with
 * tus-js-client as Cloudflare's documentation shows it, the video's id read from
 * `stream-media-id` in onAfterResponse; the server killed in the middle of a chunk (every
 * connection cut) and a new one started on the same data directory and port; the upload resumed
 * from the offset the server kept, the file queued and transcoded to ready, byte-identical.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, expect, it } from 'vitest';
import { dispatch } from '../../electron/engine/api/dispatch';
import { createEngine } from '../../electron/engine/create-engine';
import { inlineEngineLink } from '../../electron/engine/host/engine-link';
import { createServer } from '../../electron/server/create-server';
import type { ServerContext } from '../../electron/server/server-context';
import { noisyMp4 } from '../helpers/media-fixtures';
import { until } from '../helpers/wait-for';
import { chunkSize, streamEndpoint, upload, videoOfUpload } from './tus-client';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-tus-restart-'));
const engine = createEngine({ dataDir });
let port = 0;
const context: ServerContext = {
  engine: inlineEngineLink(engine),
  call: (name, input) => dispatch(engine, name, input),
  callOwn: (name, input) => dispatch(engine, name, input),
  token: randomBytes(16).toString('hex'),
  signingKey: randomBytes(32),
  paths: engine.paths,
  allowPrivateNetworks: true,
  allowedHosts: ['127.0.0.1'],
  baseUrl: () => `http://127.0.0.1:${port}`,
};
let app: FastifyInstance | undefined;

async function start(): Promise<void> {
  app = await createServer(context);
  await app.listen({ host: '127.0.0.1', port });
  port = (app.server.address() as AddressInfo).port;
}

/** As a killed process would: every connection cut where it is, mid-request included. */
async function kill(): Promise<void> {
  app?.server.closeAllConnections();
  await app?.close();
  app = undefined;
}

afterEach(async () => {
  await kill();
  engine.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/**
 * The next chunk's first `bytes`, sent in a PATCH that promises the whole chunk: the server has
 * part of a chunk when it is killed. Answers the request's end (a cut connection, as expected).
 */
function partialPatch(uploadUrl: string, offset: number, file: Buffer, bytes: number): Promise<string> {
  return new Promise((resolve) => {
    const request = http.request(uploadUrl, {
      method: 'PATCH',
      headers: {
        Authorization: `Bearer ${context.token}`,
        'Tus-Resumable': '1.0.0',
        'Upload-Offset': String(offset),
        'Content-Type': 'application/offset+octet-stream',
        'Content-Length': String(chunkSize),
      },
    });
    request.on('error', (error) => resolve(error.message));
    request.on('response', (response) => resolve(`answered ${response.statusCode}`));
    request.write(file.subarray(offset, offset + bytes));
  });
}

it('resumes after the server is killed mid-chunk, and the video ends ready with the same bytes', async () => {
  await start();
  const file = await noisyMp4(dataDir, 4);
  const bytes = fs.readFileSync(file);
  const size = bytes.length;
  expect(size).toBeGreaterThan(2 * chunkSize);
  const headers = { Authorization: `Bearer ${context.token}` };
  let mediaId: string | undefined;
  let uploadUrl: string | undefined;
  await new Promise<void>((resolve, reject) => {
    const first = upload(file, {
      endpoint: streamEndpoint(context.baseUrl()),
      headers,
      metadata: { name: 'noisy.mp4', filetype: 'video/mp4' },
      onAfterResponse: (_request, response) => {
        mediaId ??= response.getHeader('stream-media-id');
        return Promise.resolve();
      },
      onUploadUrlAvailable: () => {
        uploadUrl = first.tus.url ?? undefined;
      },
      onChunkComplete: () => void first.tus.abort().then(resolve, reject),
    });
    first.done.catch(reject);
  });
  expect(mediaId).toMatch(/^[0-9a-f]{32}$/);
  expect(uploadUrl).toMatch(/\/tus\/[0-9a-f]{32}$/);

  // Two MiB into the second chunk, as the server has them on disk, the server is killed.
  const partOfChunk = 2 * 1024 * 1024;
  const cut = partialPatch(uploadUrl!, chunkSize, bytes, partOfChunk);
  const onDisk = path.join(dataDir, 'uploads', mediaId!);
  await until(() => fs.statSync(onDisk).size === chunkSize + partOfChunk);
  await kill();
  expect(await cut).not.toMatch(/^answered/);

  await start();
  const seen: { method: string; status: number; offset: string | undefined }[] = [];
  await upload(file, {
    uploadUrl,
    headers,
    onAfterResponse: (request, response) => {
      seen.push({
        method: request.getMethod(),
        status: response.getStatus(),
        offset: response.getHeader('Upload-Offset'),
      });
      return Promise.resolve();
    },
  }).done;
  const [head, ...patches] = seen;
  expect(head).toMatchObject({ method: 'HEAD', status: 200 });
  const kept = Number(head?.offset);
  expect(kept).toBe(chunkSize + partOfChunk);
  expect(patches.every((p) => p.method === 'PATCH' && p.status === 204)).toBe(true);
  expect(patches.at(-1)?.offset).toBe(String(size));

  await engine.run();
  const video = await videoOfUpload(context, mediaId!);
  expect(video).toMatchObject({ status: { state: 'ready' }, meta: { name: 'noisy.mp4' } });
  expect(fs.readFileSync(video.source.path!).equals(fs.readFileSync(file))).toBe(true);
  // Players may build its URLs from the id the upload was announced by.
  const manifest = await fetch(`${context.baseUrl()}/media/${mediaId}/manifest/video.m3u8`);
  expect([manifest.status, (await manifest.text()).startsWith('#EXTM3U')]).toEqual([200, true]);
}, 120_000);
